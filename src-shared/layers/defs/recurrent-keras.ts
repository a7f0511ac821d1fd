/**
 * Keras config writing and reading shared by SimpleRNN, LSTM and GRU.
 * Writing spells out every option (TF.js's own defaults differ from Keras's: glorotNormal
 * kernels and a hardSigmoid gate), so the compiled JSON means the same thing in both.
 * Reading refuses options TF.js would load but compute differently.
 */
import { INLINE_ACTIVATIONS, KERAS_ACTIVATION_IN, bool, initializerFromKeras, initializerToKeras, l2FromKeras, l2ToKeras, num, str } from '../common.js';
import type { FromKerasResult, KerasLayerJson, Params } from '../types.js';
import { RECURRENT_ACTIVATIONS, type RecurrentFamily } from './recurrent-common.js';

/** Family-specific Keras keys: written verbatim, and checked on import (null = fine). */
export interface RecurrentKerasExtras {
  write: Record<string, unknown>;
  read?(config: Record<string, unknown>, warnings: string[]): string | null;
}

const ORTHOGONAL: KerasLayerJson = { class_name: 'Orthogonal', config: { gain: 1, seed: null } };

/** Ours → Keras's activation string (only hardSigmoid is spelled differently). */
const activationToKeras = (name: string): string => (name === 'hardSigmoid' ? 'hard_sigmoid' : name);

/** The Keras config of a recurrent layer; loadable by tfjs-layers 4.22 `modelFromJSON`. */
export function recurrentToKeras(family: RecurrentFamily, p: Params, extras: RecurrentKerasExtras): KerasLayerJson {
  const config: Record<string, unknown> = {
    units: num(p, 'units'),
    activation: activationToKeras(str(p, 'activation')),
    ...(family.gated ? { recurrent_activation: activationToKeras(str(p, 'recurrentActivation')) } : {}),
    use_bias: bool(p, 'useBias'),
    kernel_initializer: initializerToKeras(str(p, 'kernelInitializer')),
    recurrent_initializer: ORTHOGONAL,
    bias_initializer: initializerToKeras('zeros'),
    kernel_regularizer: l2ToKeras(num(p, 'l2')),
    recurrent_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    recurrent_constraint: null,
    bias_constraint: null,
    dropout: num(p, 'dropout'),
    recurrent_dropout: num(p, 'recurrentDropout'),
    return_sequences: bool(p, 'returnSequences'),
    return_state: false,
    go_backwards: bool(p, 'goBackwards'),
    stateful: false,
    unroll: false,
    ...extras.write,
  };
  return { class_name: family.kind, config };
}

/** Options TF.js cannot honour when true, and why. */
const REFUSED_WHEN_TRUE: Record<string, string> = {
  stateful: 'is not supported: Netwright resets the state for every sequence (stateful RNNs also need a fixed batch size in TensorFlow.js); set stateful=False',
  return_state: 'is not supported: the layer would have several outputs; set return_state=False',
  time_major: 'is not supported: TensorFlow.js ignores it and would read the batch axis as time; use batch-major input (batch, time, features)',
  zero_output_for_mask: 'is not supported: TensorFlow.js repeats the previous output at masked steps instead of zeros',
};

/** Keys that carry no computation (or are checked elsewhere); anything else unknown is reported. */
const KNOWN_KEYS = new Set([
  'name', 'trainable', 'dtype', 'batch_input_shape', 'batch_shape', 'input_shape', 'input_dim', 'input_length',
  'implementation', 'use_cudnn', 'seed', 'unit_forget_bias', 'reset_after', 'unroll',
  'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
  'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer',
  'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout',
  'return_sequences', 'go_backwards', ...Object.keys(REFUSED_WHEN_TRUE),
]);

/** Keras 3 writes a DTypePolicy object for dtype and a `seed` on every RNN; Keras 2 writes neither. */
const looksLikeKeras3 = (c: Record<string, unknown>): boolean => (typeof c.dtype === 'object' && c.dtype !== null) || 'seed' in c;

/** An activation as Keras writes it: "tanh", or Keras 3's {class_name: "function", config: "tanh"}. */
function activationName(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const v = value as { class_name?: unknown; config?: unknown };
    if (typeof v.config === 'string') return v.config;
    if (typeof v.class_name === 'string') return v.class_name;
  }
  return null;
}

/** Maps a Keras activation onto `allowed`; `missing` is Keras's default when the key is absent. */
function readActivation(c: Record<string, unknown>, key: string, missing: string, allowed: readonly string[]): { ok: true; value: string } | { ok: false; error: string } {
  if (!(key in c)) return { ok: true, value: missing };
  if (c[key] === null) return { ok: true, value: 'linear' }; // Keras: None means no activation
  const raw = activationName(c[key]);
  const ours = raw === null ? undefined : raw === 'hard_sigmoid' || raw === 'hardSigmoid' ? 'hardSigmoid' : KERAS_ACTIVATION_IN[raw];
  if (ours === undefined || !allowed.includes(ours)) {
    return { ok: false, error: `${key} ${JSON.stringify(raw ?? c[key])} is not supported (choose one of ${allowed.join(', ')})` };
  }
  if (ours === 'hardSigmoid' && looksLikeKeras3(c)) {
    return {
      ok: false,
      error: `${key} "hard_sigmoid" from Keras 3 is relu6(x + 3)/6 (slope 1/6), but TensorFlow.js computes the Keras 2 form clip(0.2·x + 0.5, 0, 1); use "sigmoid" in the source model`,
    };
  }
  return { ok: true, value: ours };
}

function rate(c: Record<string, unknown>, key: string): number | string {
  const v = c[key] ?? 0;
  if (typeof v !== 'number' || !(v >= 0 && v < 1)) return `${key} ${JSON.stringify(v)} is not supported (a rate from 0 up to but not including 1)`;
  return v;
}

const initClass = (v: unknown): string => {
  const cls = typeof v === 'string' ? v : (v as { class_name?: unknown } | null)?.class_name;
  return typeof cls === 'string' ? cls.replace(/_/g, '').toLowerCase() : String(cls);
};

/** Inverse of `recurrentToKeras`; also reads Keras 2 `to_json()` and Keras 3 configs. */
export function recurrentFromKeras(family: RecurrentFamily, layer: KerasLayerJson, extras: RecurrentKerasExtras): FromKerasResult {
  const c = layer.config;
  const warnings: string[] = [];
  const refuse = (error: string): FromKerasResult => ({ ok: false, error: `${family.kind}: ${error}` });

  for (const [key, why] of Object.entries(REFUSED_WHEN_TRUE)) if (c[key] === true) return refuse(`${key}=True ${why}`);
  const extraError = extras.read?.(c, warnings);
  if (extraError) return refuse(extraError);
  if (c.unroll === true) warnings.push('unroll=True ignored: TensorFlow.js always loops over the time steps, with the same result');

  const units = c.units;
  if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) return refuse(`units ${JSON.stringify(units)} must be a positive integer`);
  const activation = readActivation(c, 'activation', 'tanh', INLINE_ACTIVATIONS);
  if (!activation.ok) return refuse(activation.error);
  const params: Params = { units, activation: activation.value };
  if (family.gated) {
    // Every Keras that writes the key writes it; when absent, take the Keras 2.3+ default.
    const gate = readActivation(c, 'recurrent_activation', 'sigmoid', RECURRENT_ACTIVATIONS);
    if (!gate.ok) return refuse(gate.error);
    params.recurrentActivation = gate.value;
  }
  params.useBias = c.use_bias !== false;
  params.returnSequences = c.return_sequences === true;
  params.goBackwards = c.go_backwards === true;
  params.kernelInitializer = initializerFromKeras(c.kernel_initializer ?? 'GlorotUniform', warnings, 'kernel_initializer');
  if (c.recurrent_initializer !== undefined && initClass(c.recurrent_initializer) !== 'orthogonal') {
    warnings.push(`recurrent_initializer ${initClass(c.recurrent_initializer)} is not offered; using Orthogonal (initialization does not affect shapes or a trained model)`);
  }
  if (c.bias_initializer !== undefined && initClass(c.bias_initializer) !== 'zeros') {
    warnings.push(`bias_initializer ${initClass(c.bias_initializer)} is not offered; using Zeros (initialization does not affect shapes or a trained model)`);
  }
  for (const key of ['dropout', 'recurrent_dropout'] as const) {
    const r = rate(c, key);
    if (typeof r === 'string') return refuse(r);
    params[key === 'dropout' ? 'dropout' : 'recurrentDropout'] = r;
  }
  const l2 = l2FromKeras(c.kernel_regularizer, 'kernel_regularizer');
  if (!l2.ok) return refuse(l2.error);
  params.l2 = l2.l2;
  for (const key of ['recurrent_regularizer', 'bias_regularizer', 'activity_regularizer']) {
    if (c[key] !== null && c[key] !== undefined) return refuse(`${key} is not supported (it changes the training loss; Netwright offers L2 on the input kernel only); remove it`);
  }
  for (const key of ['kernel_constraint', 'recurrent_constraint', 'bias_constraint']) {
    if (c[key] !== null && c[key] !== undefined) warnings.push(`${key} dropped (constraints are not offered; they only clip weights during training)`);
  }
  for (const key of Object.keys(c)) if (!KNOWN_KEYS.has(key)) warnings.push(`unknown option ${key} ignored`);
  return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
}
