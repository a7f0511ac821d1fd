/**
 * Helpers shared by the layer specs: shape formatting for messages, the activation and
 * initializer vocabularies with their Keras spellings, and readers for Keras configs.
 */
import type { Finding, Repair } from '../graph/findings.js';
import { makeFinding } from '../graph/findings.js';
import type { FindingCode } from '../errors/codes.js';
import type { Dim, KerasLayerJson, ParamSpec, Params, Shape, ShapeContext, ShapeResult } from './types.js';

/** `[28, 28, 1]`, with `?` for unknown dims: the form every message uses. */
export function formatShape(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? '?' : String(d))).join(', ')}]`;
}

/** Keras's spelling: `[null, 28, 28, 1]` with the batch dimension. */
export function toKerasShape(shape: Shape): Dim[] {
  return [null, ...shape];
}

/** Product of known dims, or null if any is unknown. */
export function sizeOf(shape: Shape): number | null {
  let n = 1;
  for (const d of shape) {
    if (d === null) return null;
    n *= d;
  }
  return n;
}

export function ok(shape: Shape): ShapeResult {
  return { ok: true, shape };
}

export function fail(ctx: ShapeContext, code: FindingCode, message: string, repair?: Repair): ShapeResult {
  const where: { nodeId: string; repair?: Repair } = { nodeId: ctx.nodeId };
  if (repair) where.repair = repair;
  return { ok: false, findings: [makeFinding(code, 'error', message, where)] };
}

export function warn(ctx: ShapeContext, code: FindingCode, message: string, repair?: Repair): Finding {
  const where: { nodeId: string; repair?: Repair } = { nodeId: ctx.nodeId };
  if (repair) where.repair = repair;
  return makeFinding(code, 'warning', message, where);
}

// ---- typed param access (values were validated against the spec before shape rules run) ----

export const num = (p: Params, key: string): number => p[key] as number;
export const bool = (p: Params, key: string): boolean => p[key] as boolean;
export const str = (p: Params, key: string): string => p[key] as string;
export const ints = (p: Params, key: string): readonly number[] => p[key] as readonly number[];

/** Defaults for every param of a spec, merged with the given values (used by templates and tests). */
export function withDefaults(specParams: Record<string, ParamSpec>, given: Params = {}): Params {
  const out: Params = {};
  for (const [key, spec] of Object.entries(specParams)) out[key] = given[key] ?? spec.default;
  for (const [key, value] of Object.entries(given)) if (!(key in out)) out[key] = value;
  return out;
}

// ---- activations ----

/** Activations a Dense/Conv/RNN layer can carry inline (those tfjs and Keras both name). */
export const INLINE_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax', 'elu'] as const;
/** The Activation layer also offers leakyRelu, which Keras expresses as its own LeakyReLU layer. */
export const LAYER_ACTIVATIONS = [...INLINE_ACTIVATIONS, 'leakyRelu'] as const;

/** Keras activation strings we accept on import, mapped to ours. */
export const KERAS_ACTIVATION_IN: Record<string, string> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  elu: 'elu',
  leaky_relu: 'leakyRelu',
};

export const ACTIVATION_FORMULAS: Record<string, string> = {
  linear: 'f(z) = z',
  relu: 'f(z) = max(0, z)',
  sigmoid: 'f(z) = 1 / (1 + e^(−z))',
  tanh: 'f(z) = (e^z − e^(−z)) / (e^z + e^(−z))',
  softmax: 'f(z)_i = e^(z_i) / Σ_j e^(z_j)',
  elu: 'f(z) = z if z > 0, else e^z − 1',
  leakyRelu: 'f(z) = z if z > 0, else 0.3·z',
};

// ---- initializers and regularizers ----

export const INITIALIZERS = ['glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'zeros'] as const;

const KERAS_INITIALIZER_CLASS: Record<string, string> = {
  glorotUniform: 'GlorotUniform',
  glorotNormal: 'GlorotNormal',
  heNormal: 'HeNormal',
  heUniform: 'HeUniform',
  zeros: 'Zeros',
};

export function initializerToKeras(name: string): KerasLayerJson {
  const className = KERAS_INITIALIZER_CLASS[name];
  if (!className) throw new Error(`unknown initializer "${name}"`);
  return { class_name: className, config: className === 'Zeros' ? {} : { seed: null } };
}

/**
 * Reads a Keras initializer back. Unknown ones fall back to glorotUniform with a warning:
 * initialization changes neither shapes nor a trained model's forward pass.
 */
export function initializerFromKeras(value: unknown, warnings: string[], field: string): string {
  const cls = typeof value === 'string' ? value : (value as { class_name?: unknown } | null)?.class_name;
  const norm = typeof cls === 'string' ? cls.replace(/_/g, '').toLowerCase() : '';
  for (const [ours, keras] of Object.entries(KERAS_INITIALIZER_CLASS)) {
    if (keras.toLowerCase() === norm) return ours;
  }
  if (norm === 'variancescaling') {
    const c = ((value as { config?: Record<string, unknown> }).config ?? {}) as Record<string, unknown>;
    const scale = c.scale, mode = c.mode, dist = String(c.distribution ?? '');
    const uniform = dist === 'uniform';
    if (scale === 1 && mode === 'fan_avg') return uniform ? 'glorotUniform' : 'glorotNormal';
    if (scale === 2 && mode === 'fan_in') return uniform ? 'heUniform' : 'heNormal';
  }
  warnings.push(`${field}: initializer ${String(cls)} is not offered; using glorotUniform (initialization does not affect shapes or a trained model)`);
  return 'glorotUniform';
}

/** Keras L2 weight decay as tfjs serializes it (tfjs has no `L2` class, only `L1L2`). */
export function l2ToKeras(l2: number): KerasLayerJson | null {
  return l2 > 0 ? { class_name: 'L1L2', config: { l1: 0, l2 } } : null;
}

/** Reads `kernel_regularizer`; L1 terms are refused (the catalog offers L2 only). */
export function l2FromKeras(value: unknown, field: string): { ok: true; l2: number } | { ok: false; error: string } {
  if (value === null || value === undefined) return { ok: true, l2: 0 };
  const v = value as { class_name?: string; config?: { l1?: number; l2?: number } };
  const l1 = Number(v.config?.l1 ?? 0);
  const l2 = Number(v.config?.l2 ?? 0);
  if (v.class_name !== 'L1L2' && v.class_name !== 'L2' && v.class_name !== 'L1') {
    return { ok: false, error: `${field}: regularizer ${String(v.class_name)} is not supported (only L2 weight decay)` };
  }
  if (l1 !== 0) return { ok: false, error: `${field}: L1 regularization (l1=${l1}) is not supported (only L2 weight decay)` };
  return { ok: true, l2 };
}

// ---- reading Keras configs ----

/** Reads an `int | [int, int]` Keras field (kernel_size, strides, pool_size). */
export function pairFromKeras(value: unknown): [number, number] | null {
  if (typeof value === 'number') return [value, value];
  if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) {
    return [value[0] as number, value[1] as number];
  }
  return null;
}

/** Reads the per-sample input shape from an InputLayer or first-layer config (Keras 2 and 3 spellings). */
export function batchShapeFromKeras(config: Record<string, unknown>): Dim[] | null {
  const raw = config.batch_input_shape ?? config.batch_shape;
  if (Array.isArray(raw)) return raw.slice(1).map((d) => (typeof d === 'number' ? d : null));
  const inputShape = config.input_shape;
  if (Array.isArray(inputShape)) return inputShape.map((d) => (typeof d === 'number' ? d : null));
  return null;
}

/** Refuses `data_format: channels_first`: every spatial layer here is channels-last (NHWC). */
export function checkChannelsLast(config: Record<string, unknown>): string | null {
  const fmt = config.data_format;
  if (fmt === undefined || fmt === null || fmt === 'channels_last') return null;
  return `data_format "${String(fmt)}" is not supported (Netwright uses channels_last, H×W×C)`;
}

/** Round to 4 significant digits for worked formulas. */
export function fmtNum(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return Number(x.toPrecision(4)).toString();
}
