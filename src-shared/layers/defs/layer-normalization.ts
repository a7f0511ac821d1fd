/**
 * LayerNormalization over the last axis: each position's features are normalized with their own
 * mean and variance (no batch statistics, so training and inference behave the same).
 */
import { bool, fmtNum, num } from '../common.js';
import type { LayerSpec } from '../types.js';
import { finish, fmtInt, knownSize, readBool, readNumber, readSingleAxis, screenOptions } from './core-keras.js';
import { AXIS_PARAM, featureCount, lastAxisShape, trainerLint } from './normalization-common.js';

const ZEROS = { class_name: 'Zeros', config: {} };
const ONES = { class_name: 'Ones', config: {} };

/** LayerNormalization layer spec: γ and β per feature, all trainable. */
export const layerNormalizationSpec: LayerSpec<'LayerNormalization'> = {
  kind: 'LayerNormalization',
  label: 'Layer normalization',
  category: 'normalization',
  help: "Normalizes each sample's features (at each time step) to mean 0 and variance 1, then learns a scale γ and shift β; common in sequence models.",
  params: {
    epsilon: {
      kind: 'float',
      label: 'Epsilon',
      help: 'Added to the variance before the square root, to avoid dividing by zero.',
      default: 0.001,
      min: 0,
      minExclusive: true,
    },
    center: { kind: 'bool', label: 'Center (β)', help: 'Learn a shift β per feature.', default: true },
    scale: { kind: 'bool', label: 'Scale (γ)', help: 'Learn a scale γ per feature.', default: true },
    axis: AXIS_PARAM,
  },
  arity: { min: 1, max: 1 },

  inferShape: (ctx) => lastAxisShape(ctx, 'LayerNormalization'),

  countParams(ctx) {
    const c = featureCount(ctx);
    return { trainable: ((bool(ctx.params, 'center') ? 1 : 0) + (bool(ctx.params, 'scale') ? 1 : 0)) * c, nonTrainable: 0 };
  },

  /** The γ·x̂ + β multiply-add per value; the mean/variance reductions involve no weights. */
  macs: (ctx) => knownSize(ctx.inputs[0]!),

  keras: {
    classNames: ['LayerNormalization'],
    toKeras: (p) => ({
      class_name: 'LayerNormalization',
      config: {
        axis: num(p, 'axis'),
        epsilon: num(p, 'epsilon'),
        center: bool(p, 'center'),
        scale: bool(p, 'scale'),
        beta_initializer: ZEROS,
        gamma_initializer: ONES,
        beta_regularizer: null,
        gamma_regularizer: null,
        beta_constraint: null,
        gamma_constraint: null,
      },
    }),
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      // Keras 3's rms_scaling=true changes the maths; the screen refuses it (false passes).
      const screened = screenOptions('LayerNormalization', c, ['axis', 'epsilon', 'center', 'scale'], warnings);
      if (screened) return { ok: false, error: screened };
      return finish(
        'LayerNormalization',
        {
          axis: readSingleAxis(c.axis, -1),
          epsilon: readNumber(c, 'epsilon', 0.001),
          center: readBool(c, 'center', true),
          scale: readBool(c, 'scale', true),
        },
        (v) => ({ epsilon: v.epsilon as number, center: v.center as boolean, scale: v.scale as boolean, axis: v.axis as number }),
        warnings,
      );
    },
  },

  explain(ctx) {
    const c = featureCount(ctx);
    const p = ctx.params;
    const learned = (bool(p, 'center') ? 1 : 0) + (bool(p, 'scale') ? 1 : 0);
    const gamma = bool(p, 'scale') ? 'γ·' : '';
    const beta = bool(p, 'center') ? ' + β' : '';
    return {
      summary: `LayerNormalization "${ctx.name}" normalizes the ${c} features of each ${ctx.inputs[0]!.length > 1 ? 'position' : 'sample'} with their own mean and variance, the same way in training and inference.`,
      formulas: [
        { label: 'Statistics', symbolic: 'μ = (1/C)·Σ x_i,  σ² = (1/C)·Σ (x_i − μ)²', worked: `C = ${c}` },
        { label: 'Output', symbolic: `y = ${gamma}(x − μ)/√(σ² + ε)${beta}`, worked: `ε = ${fmtNum(num(p, 'epsilon'))}` },
        { label: 'Parameters', symbolic: `${learned}·C`, worked: `${learned}·${c} = ${fmtInt(learned * c)}` },
      ],
    };
  },

  lint: (ctx) => trainerLint(ctx, 'LayerNormalization'),
};
