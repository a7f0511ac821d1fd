/**
 * BatchNormalization over the last (feature/channel) axis: normalizes with the batch's mean and
 * variance while training, with moving averages at inference, then scales by γ and shifts by β.
 */
import { bool, fmtNum, num } from '../common.js';
import type { LayerSpec } from '../types.js';
import { finish, fmtInt, knownSize, readBool, readNumber, readSingleAxis, screenOptions } from './core-keras.js';
import { AXIS_PARAM, featureCount, lastAxisShape, trainerLint } from './normalization-common.js';

const ZEROS = { class_name: 'Zeros', config: {} };
const ONES = { class_name: 'Ones', config: {} };

/** BatchNormalization layer spec: γ, β trainable; moving mean and variance not. */
export const batchNormalizationSpec: LayerSpec<'BatchNormalization'> = {
  kind: 'BatchNormalization',
  label: 'Batch normalization',
  category: 'normalization',
  help: 'Normalizes each channel to mean 0 and variance 1 over the batch, then learns a scale γ and shift β; steadies and speeds up training.',
  params: {
    momentum: {
      kind: 'float',
      label: 'Momentum',
      help: 'How slowly the moving mean and variance follow the batches (0.99 = slowly).',
      default: 0.99,
      min: 0,
      max: 1,
    },
    epsilon: {
      kind: 'float',
      label: 'Epsilon',
      help: 'Added to the variance before the square root, to avoid dividing by zero.',
      default: 0.001,
      min: 0,
      minExclusive: true,
    },
    center: { kind: 'bool', label: 'Center (β)', help: 'Learn a shift β per channel.', default: true },
    scale: { kind: 'bool', label: 'Scale (γ)', help: 'Learn a scale γ per channel (can be off when relu follows).', default: true },
    axis: AXIS_PARAM,
  },
  arity: { min: 1, max: 1 },

  inferShape: (ctx) => lastAxisShape(ctx, 'BatchNormalization'),

  countParams(ctx) {
    const c = featureCount(ctx);
    const learned = (bool(ctx.params, 'center') ? 1 : 0) + (bool(ctx.params, 'scale') ? 1 : 0);
    return { trainable: learned * c, nonTrainable: 2 * c };
  },

  /** At inference the four vectors fold into one multiply-add per value: y = a·x + b. */
  macs: (ctx) => knownSize(ctx.inputs[0]!),

  keras: {
    classNames: ['BatchNormalization'],
    toKeras: (p) => ({
      class_name: 'BatchNormalization',
      config: {
        axis: num(p, 'axis'),
        momentum: num(p, 'momentum'),
        epsilon: num(p, 'epsilon'),
        center: bool(p, 'center'),
        scale: bool(p, 'scale'),
        beta_initializer: ZEROS,
        gamma_initializer: ONES,
        moving_mean_initializer: ZEROS,
        moving_variance_initializer: ONES,
        beta_regularizer: null,
        gamma_regularizer: null,
        beta_constraint: null,
        gamma_constraint: null,
      },
    }),
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      // renorm_momentum/renorm_clipping are inert while renorm is false (renorm=true, virtual_batch_size
      // and adjustment are refused by the screen); fused/synchronized pick an implementation, same maths.
      const read = ['axis', 'momentum', 'epsilon', 'center', 'scale', 'renorm_momentum', 'renorm_clipping', 'fused', 'synchronized'];
      const screened = screenOptions('BatchNormalization', c, read, warnings);
      if (screened) return { ok: false, error: screened };
      return finish(
        'BatchNormalization',
        {
          axis: readSingleAxis(c.axis, -1),
          momentum: readNumber(c, 'momentum', 0.99),
          epsilon: readNumber(c, 'epsilon', 0.001),
          center: readBool(c, 'center', true),
          scale: readBool(c, 'scale', true),
        },
        (v) => ({
          momentum: v.momentum as number,
          epsilon: v.epsilon as number,
          center: v.center as boolean,
          scale: v.scale as boolean,
          axis: v.axis as number,
        }),
        warnings,
      );
    },
  },

  explain(ctx) {
    const c = featureCount(ctx);
    const p = ctx.params;
    const m = num(p, 'momentum');
    const gamma = bool(p, 'scale') ? 'γ·' : '';
    const beta = bool(p, 'center') ? ' + β' : '';
    const learned = (bool(p, 'center') ? 1 : 0) + (bool(p, 'scale') ? 1 : 0);
    return {
      summary: `BatchNormalization "${ctx.name}" normalizes each of the ${c} channels with its batch mean and variance while training (moving averages at inference)${learned > 0 ? `, then applies a learned ${[gamma && 'scale γ', beta && 'shift β'].filter(Boolean).join(' and ')}` : ''}.`,
      formulas: [
        {
          label: 'Output',
          symbolic: `y = ${gamma}(x − μ)/√(σ² + ε)${beta}`,
          worked: `ε = ${fmtNum(num(p, 'epsilon'))}; μ, σ² per channel (${c} of them)`,
        },
        {
          label: 'Trainable parameters',
          symbolic: `${learned}·C (${[gamma && 'γ', beta && 'β'].filter(Boolean).join(', ') || 'none'})`,
          worked: `${learned}·${c} = ${fmtInt(learned * c)}`,
        },
        { label: 'Non-trainable parameters', symbolic: '2·C (moving μ, moving σ²)', worked: `2·${c} = ${fmtInt(2 * c)}` },
        {
          label: 'Moving average',
          symbolic: 'μ_moving ← m·μ_moving + (1 − m)·μ_batch',
          worked: `μ_moving ← ${fmtNum(m)}·μ_moving + ${fmtNum(1 - m)}·μ_batch`,
        },
      ],
    };
  },

  lint: (ctx) => trainerLint(ctx, 'BatchNormalization'),
};
