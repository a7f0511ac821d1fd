/**
 * Activation as its own layer. Most functions compile to Keras `Activation`; leakyRelu
 * compiles to the `LeakyReLU` layer (slope 0.3) and relu6 to `ReLU(max_value=6)`, the
 * spellings that Keras 2, Keras 3 and TF.js 4.22 all load with the same meaning.
 */
import { ACTIVATION_FORMULAS, INLINE_ACTIVATIONS, KERAS_ACTIVATION_IN, LAYER_ACTIVATIONS, fmtNum, ok, str } from '../common.js';
import type { LayerSpec } from '../types.js';
import { dimsCross, fmtInt, screenOptions, show } from './core-keras.js';

/** Every function the Activation layer offers. */
export const ACTIVATION_LAYER_OPTIONS = [...LAYER_ACTIVATIONS, 'relu6'] as const;

/** Keras's LeakyReLU default; the only slope the catalog's leakyRelu means. */
const LEAKY_SLOPE = 0.3;
/** Keras 2 stores the slope as float32 (0.30000001192092896), so compare with float32 tolerance. */
const sameFloat32 = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

const FORMULAS: Record<string, string> = { ...ACTIVATION_FORMULAS, relu6: 'f(z) = min(max(0, z), 6)' };

/** The function itself, for the worked example in explain. */
const APPLY: Record<string, (z: number) => number> = {
  linear: (z) => z,
  relu: (z) => Math.max(0, z),
  relu6: (z) => Math.min(Math.max(0, z), 6),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  elu: (z) => (z > 0 ? z : Math.exp(z) - 1),
  leakyRelu: (z) => (z > 0 ? z : LEAKY_SLOPE * z),
};

/** Activation layer spec: applies one function to every value; shape unchanged, no weights. */
export const activationSpec: LayerSpec<'Activation'> = {
  kind: 'Activation',
  label: 'Activation',
  category: 'activation',
  help: 'Applies a non-linear function to every value; the shape does not change and there are no weights.',
  params: {
    activation: {
      kind: 'enum',
      label: 'Function',
      help: 'relu for hidden layers, softmax for class probabilities, sigmoid for a yes/no output; leakyRelu keeps slope 0.3 below zero; relu6 caps relu at 6.',
      default: 'relu',
      options: ACTIVATION_LAYER_OPTIONS,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape: (ctx) => ok(ctx.inputs[0]!),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Element-wise function evaluations are not multiply-accumulates. */
  macs: () => 0,

  keras: {
    classNames: ['Activation', 'ReLU', 'LeakyReLU', 'Softmax', 'ELU'],
    toKeras(p) {
      const act = str(p, 'activation');
      if (act === 'leakyRelu') return { class_name: 'LeakyReLU', config: { alpha: LEAKY_SLOPE } };
      if (act === 'relu6') return { class_name: 'ReLU', config: { max_value: 6, negative_slope: 0, threshold: 0 } };
      return { class_name: 'Activation', config: { activation: act } };
    },
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      const read = READERS[layer.class_name];
      if (!read) return { ok: false, error: `Activation cannot import Keras class ${layer.class_name}` };
      const screened = screenOptions(layer.class_name, c, read.keys, warnings);
      if (screened) return { ok: false, error: screened };
      const result = read.read(c);
      if (typeof result !== 'string') return { ok: false, error: `${layer.class_name}: ${result.error}` };
      return warnings.length > 0 ? { ok: true, params: { activation: result }, warnings } : { ok: true, params: { activation: result } };
    },
  },

  explain(ctx) {
    const act = str(ctx.params, 'activation');
    const shape = ctx.inputs[0]!;
    const formulas: { label: string; symbolic: string; worked?: string }[] = [
      { label: act, symbolic: FORMULAS[act] ?? act, worked: workedExample(act) },
    ];
    const shapeText = dimsCross(shape);
    const count = shape.every((d) => d !== null) ? `${fmtInt(shape.reduce<number>((n, d) => n * (d ?? 1), 1))} values` : 'every value';
    return {
      summary:
        act === 'softmax'
          ? `Activation "${ctx.name}" turns each row of ${shapeText} scores along the last axis into probabilities that sum to 1.`
          : `Activation "${ctx.name}" applies ${act} to ${count} of its ${shapeText} input, one at a time; the shape stays ${shapeText}.`,
      formulas,
    };
  },
};

/** The function at a few sample inputs (softmax on a small vector), so students see the numbers. */
function workedExample(act: string): string {
  if (act === 'softmax') {
    const z = [1, 2, 3];
    const e = z.map(Math.exp);
    const sum = e.reduce((a, b) => a + b, 0);
    return `softmax([1, 2, 3]) = [${e.map((v) => fmtNum(v / sum)).join(', ')}]`;
  }
  const f = APPLY[act];
  if (!f) return '';
  return [-2, 0.5, 8].map((z) => `f(${z}) = ${fmtNum(f(z))}`).join(', ');
}

type Reader = { keys: readonly string[]; read(c: Record<string, unknown>): string | { error: string } };

/** One reader per Keras class the Activation layer imports. */
const READERS: Record<string, Reader> = {
  Activation: {
    keys: ['activation'],
    read(c) {
      const raw = typeof c.activation === 'string' ? c.activation : (c.activation as { config?: unknown } | null)?.config;
      // Keras 3's `leaky_relu` function defaults to slope 0.2, not the LeakyReLU layer's 0.3.
      if (raw === 'leaky_relu')
        return { error: 'activation "leaky_relu" uses slope 0.2 in Keras 3; only the LeakyReLU layer with slope 0.3 is supported' };
      if (raw === 'relu6') return 'relu6';
      const ours = typeof raw === 'string' ? KERAS_ACTIVATION_IN[raw] : undefined;
      if (ours && (INLINE_ACTIVATIONS as readonly string[]).includes(ours)) return ours;
      return { error: `activation ${show(raw ?? c.activation)} is not supported (use one of ${ACTIVATION_LAYER_OPTIONS.join(', ')})` };
    },
  },
  ReLU: {
    keys: ['max_value', 'negative_slope', 'threshold'],
    read(c) {
      const slope = c.negative_slope ?? 0;
      const threshold = c.threshold ?? 0;
      if (slope !== 0) return { error: `negative_slope ${show(slope)} is not supported (use LeakyReLU with slope 0.3)` };
      if (threshold !== 0) return { error: `threshold ${show(threshold)} is not supported` };
      if (c.max_value === null || c.max_value === undefined) return 'relu';
      if (c.max_value === 6) return 'relu6';
      return { error: `max_value ${show(c.max_value)} is not supported (only 6, i.e. relu6, or none)` };
    },
  },
  LeakyReLU: {
    keys: ['alpha', 'negative_slope'],
    read(c) {
      // Keras 2 and TF.js say `alpha`, Keras 3 says `negative_slope`.
      const slope = c.negative_slope ?? c.alpha ?? LEAKY_SLOPE;
      if (typeof slope === 'number' && sameFloat32(slope, LEAKY_SLOPE)) return 'leakyRelu';
      return { error: `slope ${show(slope)} is not supported (leakyRelu here uses Keras's default 0.3)` };
    },
  },
  Softmax: {
    keys: ['axis'],
    read(c) {
      const axis = Array.isArray(c.axis) && c.axis.length === 1 ? c.axis[0] : (c.axis ?? -1);
      return axis === -1 ? 'softmax' : { error: `axis ${show(c.axis)} is not supported (softmax over the last axis only)` };
    },
  },
  ELU: {
    keys: ['alpha'],
    read(c) {
      const alpha = c.alpha ?? 1;
      return alpha === 1 ? 'elu' : { error: `alpha ${show(alpha)} is not supported (elu here uses alpha 1)` };
    },
  },
};
