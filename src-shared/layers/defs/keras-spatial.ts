/**
 * Reading Keras 2 / Keras 3 configs of the convolution, pooling and resampling layers.
 * Every reader returns a value or an error that names the option and its value, so an
 * import never silently changes what a layer computes.
 */
import { INLINE_ACTIVATIONS, KERAS_ACTIVATION_IN, checkChannelsLast, initializerToKeras, pairFromKeras } from '../common.js';
import type { KerasLayerJson } from '../types.js';

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

const good = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(error: string): Read<T> => ({ ok: false, error });

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Keys describing the layer's identity or serialization, not its computation. */
const META_KEYS = new Set([
  'name',
  'trainable',
  'dtype',
  'batch_input_shape',
  'batch_shape',
  'batch_size',
  'input_shape',
  'input_dim',
  'module',
  'registered_name',
  'build_config',
  'autocast',
  'sparse',
  'ragged',
  'input_dtype',
]);

/**
 * Refuses options this reader does not know unless they are unset (null or false): Keras 3
 * adds its new options with such defaults (`lora_rank: null`), and a set one may change the
 * computation.
 */
export function checkUnknownKeys(config: Record<string, unknown>, known: readonly string[]): string | null {
  for (const [key, value] of Object.entries(config)) {
    if (META_KEYS.has(key) || known.includes(key) || value === null || value === undefined || value === false) continue;
    return `option ${key}=${show(value)} is not supported`;
  }
  return checkChannelsLast(config);
}

/** Keras `activation`: a string, or a Keras 3 serialized function object. Absent or null is linear. */
export function readActivation(value: unknown): Read<string> {
  if (value === null || value === undefined) return good('linear');
  const obj = value as { config?: unknown; class_name?: unknown };
  const raw = typeof value === 'string' ? value : typeof obj.config === 'string' ? obj.config : obj.class_name;
  const ours = typeof raw === 'string' ? (KERAS_ACTIVATION_IN[raw] ?? KERAS_ACTIVATION_IN[raw.toLowerCase()]) : undefined;
  if (ours && (INLINE_ACTIVATIONS as readonly string[]).includes(ours)) return good(ours);
  return bad(
    `activation ${show(raw ?? value)} is not supported inside this layer (use one of ${INLINE_ACTIVATIONS.join(', ')}, or a separate Activation layer)`,
  );
}

/** Keras `padding` for conv/pool layers; absent means 'valid'. */
export function readPaddingMode(value: unknown): Read<string> {
  if (value === undefined || value === null) return good('valid');
  if (value === 'valid' || value === 'same') return good(value);
  if (value === 'causal') return bad(`padding "causal" is not supported (tfjs 4.22 declares it but cannot run it)`);
  return bad(`padding ${show(value)} is not supported (use "valid" or "same")`);
}

/** An `int | [int, int]` field such as kernel_size or strides. */
export function readPair(value: unknown, field: string, fallback?: [number, number]): Read<[number, number]> {
  if ((value === undefined || value === null) && fallback) return good(fallback);
  const pair = pairFromKeras(value);
  if (pair && pair.every((v) => Number.isInteger(v) && v >= 1)) return good(pair);
  return bad(`${field} ${show(value)} is not one or two positive integers`);
}

/** An `int | [int]` field of a 1-D layer. */
export function readSingle(value: unknown, field: string, fallback?: number): Read<number> {
  if ((value === undefined || value === null) && fallback !== undefined) return good(fallback);
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1) return good(v);
  return bad(`${field} ${show(value)} is not a positive integer`);
}

/**
 * ZeroPadding2D `padding` / Cropping2D `cropping` as [top, bottom, left, right]. Keras
 * accepts an int (all four sides), [a, b] (a rows top and bottom, b columns left and right)
 * or [[top, bottom], [left, right]].
 */
export function readFourSides(value: unknown, field: string, fallback: readonly number[]): Read<number[]> {
  if (value === undefined || value === null) return good([...fallback]);
  const n = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (n(value)) return good([value, value, value, value]);
  if (Array.isArray(value) && value.length === 2) {
    const [h, w] = value as unknown[];
    if (n(h) && n(w)) return good([h, h, w, w]);
    const pair = (v: unknown): v is [number, number] => Array.isArray(v) && v.length === 2 && v.every(n);
    if (pair(h) && pair(w)) return good([h[0], h[1], w[0], w[1]]);
  }
  return bad(`${field} ${show(value)} is not an int, [rows, cols] or [[top, bottom], [left, right]] of non-negative integers`);
}

/** Dilated convolutions are not offered: any dilation_rate other than 1 is refused. */
export function checkNoDilation(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const all = Array.isArray(value) ? value : [value];
  if (all.length > 0 && all.every((v) => v === 1)) return null;
  return `dilation_rate ${show(value)} is not supported (Netwright has no dilated convolutions)`;
}

/** Grouped convolutions are not offered. */
export function checkNoGroups(value: unknown): string | null {
  if (value === undefined || value === null || value === 1) return null;
  return `groups ${show(value)} is not supported (Netwright has no grouped convolutions)`;
}

/** `use_bias`, true when absent. */
export function readUseBias(value: unknown): Read<boolean> {
  if (value === undefined || value === null) return good(true);
  if (typeof value === 'boolean') return good(value);
  return bad(`use_bias ${show(value)} is not true or false`);
}

/**
 * Options we drop with a warning because they change neither shapes nor the forward pass of a
 * trained model: constraints, regularizers we don't offer (they only shape training) and
 * non-default initializers of weights users cannot initialize here.
 */
export function readDroppedOptions(
  config: Record<string, unknown>,
  warnings: string[],
  opts: { constraints: readonly string[]; initializers: readonly string[]; regularizers: readonly string[] },
): void {
  for (const key of [...opts.regularizers, ...opts.constraints]) {
    const v = config[key];
    if (v !== null && v !== undefined)
      warnings.push(`${key} ${show(v)} was dropped (it affects training, not shapes or a trained model's outputs)`);
  }
  for (const key of opts.initializers) {
    const expected = key === 'bias_initializer' ? 'zeros' : 'glorotuniform';
    const cls = className(config[key]);
    if (cls !== null && cls.replace(/_/g, '').toLowerCase() !== expected) {
      warnings.push(
        `${key} ${cls} was dropped; using ${key === 'bias_initializer' ? 'Zeros' : 'GlorotUniform'} (initialization does not affect shapes or a trained model)`,
      );
    }
  }
}

function className(v: unknown): string | null {
  if (typeof v === 'string') return v;
  const c = (v as { class_name?: unknown } | null)?.class_name;
  return typeof c === 'string' ? c : null;
}

/** The fixed, default-valued options our toKeras writes for the weights users cannot configure. */
export const ZEROS_BIAS = (): KerasLayerJson => ({ class_name: 'Zeros', config: {} });
export const GLOROT_UNIFORM = (): KerasLayerJson => initializerToKeras('glorotUniform');

/** The first error of a chain of checks, prefixed with the Keras class so import messages say where. */
export function firstError(kerasClass: string, ...checks: (string | null | Read<unknown>)[]): string | null {
  for (const c of checks) {
    if (typeof c === 'string') return `${kerasClass}: ${c}`;
    if (c !== null && !c.ok) return `${kerasClass}: ${c.error}`;
  }
  return null;
}

/** Narrows a checked Read (call only after firstError returned null). */
export function val<T>(r: Read<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
