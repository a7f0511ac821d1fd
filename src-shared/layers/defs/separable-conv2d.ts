/**
 * SeparableConv2D: a depthwise convolution (each channel filtered on its own, `depthMultiplier`
 * kernels per channel) followed by a 1×1 pointwise convolution that mixes channels into F filters.
 */
import { ACTIVATION_FORMULAS, bool, ints, num, ok, str } from '../common.js';
import type { LayerSpec, ResolvedContext, ShapeContext } from '../types.js';
import { CONV_PARAMS, readPositiveInt } from './conv-common.js';
import {
  GLOROT_UNIFORM,
  ZEROS_BIAS,
  checkNoDilation,
  checkNoGroups,
  checkUnknownKeys,
  firstError,
  readActivation,
  readDroppedOptions,
  readPaddingMode,
  readPair,
  readUseBias,
  val,
} from './keras-spatial.js';
import { checkKnownChannels, checkSpatialRank, dimsText, fmtCount, knownProduct, outSizeFormulas, slideWindow } from './spatial-common.js';

const KNOWN_KERAS_KEYS = [
  'filters',
  'kernel_size',
  'strides',
  'padding',
  'data_format',
  'dilation_rate',
  'groups',
  'depth_multiplier',
  'activation',
  'use_bias',
  'depthwise_initializer',
  'pointwise_initializer',
  'bias_initializer',
  'depthwise_regularizer',
  'pointwise_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'depthwise_constraint',
  'pointwise_constraint',
  'bias_constraint',
] as const;

const inChannels = (ctx: ShapeContext): number => (ctx.inputs[0]?.[2] as number | null) ?? 0;

/** Weights: depthwise k_h·k_w·C_in·m, pointwise C_in·m·F, plus F biases. */
function weights(ctx: ResolvedContext): { depthwise: number; pointwise: number; bias: number } {
  const [kh, kw] = ints(ctx.params, 'kernelSize') as [number, number];
  const mid = inChannels(ctx) * num(ctx.params, 'depthMultiplier');
  const f = num(ctx.params, 'filters');
  return { depthwise: kh * kw * mid, pointwise: mid * f, bias: bool(ctx.params, 'useBias') ? f : 0 };
}

/** Keras SeparableConv2D, channels last; both kernels start Glorot-uniform (Keras's default). */
export const separableConv2dSpec: LayerSpec<'SeparableConv2D'> = {
  kind: 'SeparableConv2D',
  label: 'Separable Conv 2D',
  category: 'convolution',
  help: 'A cheaper Conv2D: filters each channel spatially, then mixes channels with 1×1 filters.',
  params: {
    filters: { kind: 'int', label: 'Filters', help: 'Number of output channels (pointwise filters).', default: 32, min: 1 },
    kernelSize: {
      kind: 'ints',
      label: 'Kernel size',
      help: 'Depthwise filter height × width, e.g. [3, 3].',
      default: [3, 3],
      length: 2,
      min: 1,
    },
    strides: {
      kind: 'ints',
      label: 'Strides',
      help: 'Step between filter positions (vertical, horizontal).',
      default: [1, 1],
      length: 2,
      min: 1,
    },
    padding: CONV_PARAMS.padding,
    depthMultiplier: {
      kind: 'int',
      label: 'Depth multiplier',
      help: 'Depthwise filters per input channel before the 1×1 mixing.',
      default: 1,
      min: 1,
    },
    activation: CONV_PARAMS.activation,
    useBias: CONV_PARAMS.useBias,
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'SeparableConv2D', 2) ?? checkKnownChannels(ctx, 'SeparableConv2D');
    if (rankProblem) return rankProblem;
    const p = ctx.params;
    const slid = slideWindow(ctx, 'SeparableConv2D', 'kernel', ints(p, 'kernelSize'), ints(p, 'strides'), str(p, 'padding'));
    if (!slid.ok) return slid.result;
    return ok([...slid.dims, num(p, 'filters')]);
  },

  countParams(ctx) {
    const w = weights(ctx);
    return { trainable: w.depthwise + w.pointwise + w.bias, nonTrainable: 0 };
  },

  /** Depthwise: k_h·k_w per intermediate value; pointwise: C_in·m per output value. */
  macs(ctx) {
    const [kh, kw] = ints(ctx.params, 'kernelSize') as [number, number];
    const positions = knownProduct(ctx.output.slice(0, 2));
    const mid = inChannels(ctx) * num(ctx.params, 'depthMultiplier');
    return positions * mid * kh * kw + positions * mid * num(ctx.params, 'filters');
  },

  keras: {
    classNames: ['SeparableConv2D', 'SeparableConvolution2D'],
    toKeras(p) {
      // No kernel_initializer key: tfjs refuses it on SeparableConv2D.
      return {
        class_name: 'SeparableConv2D',
        config: {
          filters: num(p, 'filters'),
          kernel_size: [...ints(p, 'kernelSize')],
          strides: [...ints(p, 'strides')],
          padding: str(p, 'padding'),
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          depth_multiplier: num(p, 'depthMultiplier'),
          activation: str(p, 'activation'),
          use_bias: bool(p, 'useBias'),
          depthwise_initializer: GLOROT_UNIFORM(),
          pointwise_initializer: GLOROT_UNIFORM(),
          bias_initializer: ZEROS_BIAS(),
          depthwise_regularizer: null,
          pointwise_regularizer: null,
          bias_regularizer: null,
          activity_regularizer: null,
          depthwise_constraint: null,
          pointwise_constraint: null,
          bias_constraint: null,
        },
      };
    },
    fromKeras({ config: c }) {
      const warnings: string[] = [];
      const filters = readPositiveInt(c.filters, 'filters');
      const m = readPositiveInt(c.depth_multiplier, 'depth_multiplier', 1);
      const kernel = readPair(c.kernel_size, 'kernel_size');
      const strides = readPair(c.strides, 'strides', [1, 1]);
      const padding = readPaddingMode(c.padding);
      const activation = readActivation(c.activation);
      const useBias = readUseBias(c.use_bias);
      readDroppedOptions(c, warnings, {
        constraints: ['depthwise_constraint', 'pointwise_constraint', 'bias_constraint'],
        initializers: ['depthwise_initializer', 'pointwise_initializer', 'bias_initializer'],
        regularizers: ['depthwise_regularizer', 'pointwise_regularizer', 'bias_regularizer', 'activity_regularizer'],
      });
      const error = firstError(
        'SeparableConv2D',
        checkUnknownKeys(c, KNOWN_KERAS_KEYS),
        filters,
        m,
        kernel,
        strides,
        padding,
        activation,
        useBias,
        checkNoDilation(c.dilation_rate),
        checkNoGroups(c.groups),
      );
      if (error !== null) return { ok: false, error };
      const params = {
        filters: val(filters),
        kernelSize: val(kernel),
        strides: val(strides),
        padding: val(padding),
        depthMultiplier: val(m),
        activation: val(activation),
        useBias: val(useBias),
      };
      return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
    },
  },

  explain(ctx) {
    const p = ctx.params;
    const [kh, kw] = ints(p, 'kernelSize') as [number, number];
    const [sh, sw] = ints(p, 'strides') as [number, number];
    const input = ctx.inputs[0] ?? [];
    const cIn = inChannels(ctx);
    const m = num(p, 'depthMultiplier');
    const f = num(p, 'filters');
    const padding = str(p, 'padding');
    const w = weights(ctx);
    const total = w.depthwise + w.pointwise + w.bias;
    const macs = separableConv2dSpec.macs(ctx);
    const bias = bool(p, 'useBias');
    return {
      summary:
        `SeparableConv2D "${ctx.name}" filters each of the ${cIn} channels with ${m} ${kh}×${kw} kernel${m === 1 ? '' : 's'} ` +
        `(stride ${sh}×${sw}, '${padding}' padding), then mixes the ${cIn * m} results into ${f} channels with 1×1 filters: ` +
        `${dimsText(input)} → ${dimsText(ctx.output)}.`,
      formulas: [
        ...outSizeFormulas('height', input[0] ?? null, kh, sh, padding),
        ...outSizeFormulas('width', input[1] ?? null, kw, sw, padding),
        {
          label: bias ? 'Parameters' : 'Parameters (no bias)',
          symbolic: `k_h·k_w·C_in·m + C_in·m·F${bias ? ' + F' : ''}`,
          worked: `${kh}·${kw}·${cIn}·${m} + ${cIn}·${m}·${f}${bias ? ` + ${f}` : ''} = ${fmtCount(total)}`,
        },
        {
          label: 'Multiply-accumulates per sample',
          symbolic: 'out_h·out_w·C_in·m·(k_h·k_w + F)',
          worked:
            macs > 0
              ? `${ctx.output[0]}·${ctx.output[1]}·${cIn}·${m}·(${kh}·${kw} + ${f}) = ${fmtCount(macs)}`
              : 'unknown while the input size is unknown',
        },
        { label: 'Activation', symbolic: ACTIVATION_FORMULAS[str(p, 'activation')] ?? str(p, 'activation') },
      ],
    };
  },
};
