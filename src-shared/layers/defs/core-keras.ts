/**
 * Reading Keras 2 / Keras 3 configs of the core, normalization and merge layers, plus the small
 * formatting helpers their explanations share. Every reader returns a value or an error naming
 * the option and its value, so an import never silently changes what a layer computes.
 */
import type { FromKerasResult, Params, Shape } from '../types.js';

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };

export const good = <T>(value: T): Read<T> => ({ ok: true, value });
export const bad = <T>(error: string): Read<T> => ({ ok: false, error });

/** A config value as it appears in the message: `0.2`, `"swish"`, `[1,2]`. */
export const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Keys that describe a layer's identity or serialization, never its computation. */
const META_KEYS = new Set([
  'name',
  'trainable',
  'dtype',
  'batch_input_shape',
  'batch_shape',
  'input_shape',
  'batch_size',
  'module',
  'registered_name',
  'build_config',
  'autocast',
  'input_dtype',
]);

/**
 * Screens a Keras config for options the spec does not read. Constraints and regularizers are
 * dropped with a warning (they shape training, not the forward pass of a trained model);
 * initializers are dropped silently (every Keras config spells them out, defaults included).
 * Anything else that is set (not null/undefined/false) is refused, naming the option: an unknown
 * option may change the computation, and Keras 3 adds its new options with null/false defaults.
 */
export function screenOptions(
  className: string,
  config: Record<string, unknown>,
  read: readonly string[],
  warnings: string[],
): string | null {
  for (const [key, value] of Object.entries(config)) {
    if (META_KEYS.has(key) || read.includes(key)) continue;
    if (value === null || value === undefined || value === false) continue;
    if (key.endsWith('_initializer')) continue;
    if (key.endsWith('_constraint') || key.endsWith('_regularizer')) {
      warnings.push(`${className}: ${key} ${show(value)} was dropped (it affects training, not shapes or a trained model's outputs)`);
      continue;
    }
    return `${className}: option ${key}=${show(value)} is not supported`;
  }
  return null;
}

/** A numeric option; `fallback` is Keras's default when the key is absent. */
export function readNumber(config: Record<string, unknown>, key: string, fallback?: number): Read<number> {
  const v = config[key];
  if ((v === undefined || v === null) && fallback !== undefined) return good(fallback);
  return typeof v === 'number' && Number.isFinite(v) ? good(v) : bad(`${key} ${show(v)} is not a number`);
}

/** A boolean option; `fallback` is Keras's default when the key is absent. */
export function readBool(config: Record<string, unknown>, key: string, fallback: boolean): Read<boolean> {
  const v = config[key];
  if (v === undefined || v === null) return good(fallback);
  return typeof v === 'boolean' ? good(v) : bad(`${key} ${show(v)} is not true or false`);
}

/**
 * A normalization `axis`: Keras 3 keeps `-1`; Keras 2 (and tfjs) save the resolved positive axis
 * as a one-element list (`[3]` after a conv). Only a single axis is representable; whether it is
 * the last one is checked by the shape rule, which knows the input rank.
 */
export function readSingleAxis(value: unknown, fallback: number): Read<number> {
  if (value === undefined || value === null) return good(fallback);
  const axis = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (typeof axis !== 'number' || !Number.isInteger(axis)) return bad(`axis ${show(value)} is not a single axis`);
  if (axis === 0) return bad('axis 0 is the batch axis, which cannot be normalized or joined here');
  if (axis < -1) {
    return bad(
      `axis ${axis} is not supported: give the last axis as -1 or as its positive index (TF.js 4.22 mishandles other negative axes)`,
    );
  }
  return good(axis);
}

/** The dtype name from a Keras 2 string or a Keras 3 DTypePolicy object. */
export function dtypeName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const cfg = (value as { config?: { name?: unknown } } | null)?.config;
  return typeof cfg?.name === 'string' ? cfg.name : null;
}

/** Collects reads; the first failure becomes the import error, prefixed by the class name. */
export function finish(
  className: string,
  reads: Record<string, Read<unknown>>,
  build: (v: Record<string, unknown>) => Params,
  warnings: string[],
): FromKerasResult {
  const values: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(reads)) {
    if (!r.ok) return { ok: false, error: `${className}: ${r.error}` };
    values[key] = r.value;
  }
  const params = build(values);
  return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
}

/** `100,480`: counts in explanations are read by students, so they get thousands separators. */
export const fmtInt = (n: number): string => n.toLocaleString('en-US');

/** Product of the dims with unknown (variable-length) dims counted as 1, i.e. "per time step". */
export function knownSize(shape: Shape): number {
  return shape.reduce<number>((n, d) => n * (d ?? 1), 1);
}

/** `28·28·1` for worked formulas; unknown dims print as `?`. */
export const dimsProduct = (shape: Shape): string => shape.map((d) => (d === null ? '?' : String(d))).join('·');

/** `28×28×1` for prose. */
export const dimsCross = (shape: Shape): string => shape.map((d) => (d === null ? '?' : String(d))).join('×');
