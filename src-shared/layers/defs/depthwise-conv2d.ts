/**
 * DepthwiseConv2D: each input channel gets its own `depthMultiplier` k_h×k_w filters;
 * channels are never mixed (that is what a following 1×1 Conv2D is for).
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
  'kernel_size',
  'strides',
  'padding',
  'depth_multiplier',
  'data_format',
  'dilation_rate',
  'groups',
  'activation',
  'use_bias',
  'depthwise_initializer',
  'bias_initializer',
  'depthwise_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'depthwise_constraint',
  'bias_constraint',
] as const;

const inChannels = (ctx: ShapeContext): number => (ctx.inputs[0]?.[2] as number | null) ?? 0;

/** Weights: k_h·k_w·C_in·m kernel entries plus C_in·m biases. */
function weights(ctx: ResolvedContext): { kernel: number; bias: number } {
  const [kh, kw] = ints(ctx.params, 'kernelSize') as [number, number];
  const outC = inChannels(ctx) * num(ctx.params, 'depthMultiplier');
  return { kernel: kh * kw * outC, bias: bool(ctx.params, 'useBias') ? outC : 0 };
}

/** Keras DepthwiseConv2D, channels last; the depthwise kernel starts Glorot-uniform (Keras's default). */
export const depthwiseConv2dSpec: LayerSpec<'DepthwiseConv2D'> = {
  kind: 'DepthwiseConv2D',
  label: 'Depthwise Conv 2D',
  category: 'convolution',
  help: 'Filters each input channel separately with its own small kernels (no channel mixing); cheap spatial filtering.',
  params: {
    kernelSize: { kind: 'ints', label: 'Kernel size', help: 'Filter height × width, e.g. [3, 3].', default: [3, 3], length: 2, min: 1 },
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
      help: 'Filters per input channel; output channels = C_in × this.',
      default: 1,
      min: 1,
    },
    activation: CONV_PARAMS.activation,
    useBias: CONV_PARAMS.useBias,
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'DepthwiseConv2D', 2) ?? checkKnownChannels(ctx, 'DepthwiseConv2D');
    if (rankProblem) return rankProblem;
    const p = ctx.params;
    const slid = slideWindow(ctx, 'DepthwiseConv2D', 'kernel', ints(p, 'kernelSize'), ints(p, 'strides'), str(p, 'padding'));
    if (!slid.ok) return slid.result;
    return ok([...slid.dims, inChannels(ctx) * num(p, 'depthMultiplier')]);
  },

  countParams(ctx) {
    const w = weights(ctx);
    return { trainable: w.kernel + w.bias, nonTrainable: 0 };
  },

  /** Every output value is a dot product over one channel's k_h·k_w window. */
  macs(ctx) {
    const [kh, kw] = ints(ctx.params, 'kernelSize') as [number, number];
    return knownProduct(ctx.output) * kh * kw;
  },

  keras: {
    classNames: ['DepthwiseConv2D'],
    toKeras(p) {
      return {
        class_name: 'DepthwiseConv2D',
        config: {
          kernel_size: [...ints(p, 'kernelSize')],
          strides: [...ints(p, 'strides')],
          padding: str(p, 'padding'),
          depth_multiplier: num(p, 'depthMultiplier'),
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          activation: str(p, 'activation'),
          use_bias: bool(p, 'useBias'),
          depthwise_initializer: GLOROT_UNIFORM(),
          bias_initializer: ZEROS_BIAS(),
          depthwise_regularizer: null,
          bias_regularizer: null,
          activity_regularizer: null,
          depthwise_constraint: null,
          bias_constraint: null,
        },
      };
    },
    fromKeras({ config: c }) {
      const warnings: string[] = [];
      const m = readPositiveInt(c.depth_multiplier, 'depth_multiplier', 1);
      const kernel = readPair(c.kernel_size, 'kernel_size');
      const strides = readPair(c.strides, 'strides', [1, 1]);
      const padding = readPaddingMode(c.padding);
      const activation = readActivation(c.activation);
      const useBias = readUseBias(c.use_bias);
      readDroppedOptions(c, warnings, {
        constraints: ['depthwise_constraint', 'bias_constraint'],
        initializers: ['depthwise_initializer', 'bias_initializer'],
        regularizers: ['depthwise_regularizer', 'bias_regularizer', 'activity_regularizer'],
      });
      const error = firstError(
        'DepthwiseConv2D',
        checkUnknownKeys(c, KNOWN_KERAS_KEYS),
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
    const padding = str(p, 'padding');
    const w = weights(ctx);
    const macs = depthwiseConv2dSpec.macs(ctx);
    return {
      summary:
        `DepthwiseConv2D "${ctx.name}" filters each of the ${cIn} input channels with ${m} ${kh}×${kw} kernel${m === 1 ? '' : 's'} of its own ` +
        `(stride ${sh}×${sw}, '${padding}' padding), turning ${dimsText(input)} into ${dimsText(ctx.output)}.`,
      formulas: [
        ...outSizeFormulas('height', input[0] ?? null, kh, sh, padding),
        ...outSizeFormulas('width', input[1] ?? null, kw, sw, padding),
        { label: 'Output channels', symbolic: 'C_out = C_in·m', worked: `${cIn}·${m} = ${cIn * m}` },
        bool(p, 'useBias')
          ? {
              label: 'Parameters',
              symbolic: 'k_h·k_w·C_in·m + C_in·m',
              worked: `${kh}·${kw}·${cIn}·${m} + ${cIn}·${m} = ${fmtCount(w.kernel + w.bias)}`,
            }
          : { label: 'Parameters (no bias)', symbolic: 'k_h·k_w·C_in·m', worked: `${kh}·${kw}·${cIn}·${m} = ${fmtCount(w.kernel)}` },
        {
          label: 'Multiply-accumulates per sample',
          symbolic: 'out_h·out_w·C_in·m·k_h·k_w',
          worked:
            macs > 0
              ? `${ctx.output[0]}·${ctx.output[1]}·${cIn}·${m}·${kh}·${kw} = ${fmtCount(macs)}`
              : 'unknown while the input size is unknown',
        },
        { label: 'Activation', symbolic: ACTIVATION_FORMULAS[str(p, 'activation')] ?? str(p, 'activation') },
      ],
    };
  },
};
