/**
 * Conv2D: F learned k_h×k_w×C_in filters slid over an H×W×C_in map (channels last).
 * Dilation and groups are not offered; imports that use them are refused.
 */
import { ACTIVATION_FORMULAS, bool, ints, num, ok, str } from '../common.js';
import type { LayerSpec, ResolvedContext, ShapeContext } from '../types.js';
import { CONV_KERAS_KEYS, CONV_PARAMS, convKernelToKeras, readConvKernel, zeroInitLint } from './conv-common.js';
import {
  checkNoDilation,
  checkNoGroups,
  checkUnknownKeys,
  firstError,
  readActivation,
  readPaddingMode,
  readPair,
  readUseBias,
  val,
} from './keras-spatial.js';
import {
  checkKnownChannels,
  checkSpatialRank,
  dimsText,
  fmtCount,
  initFormula,
  knownProduct,
  outSizeFormulas,
  slideWindow,
} from './spatial-common.js';

const inChannels = (ctx: ShapeContext): number => (ctx.inputs[0]?.[2] as number | null) ?? 0;

/** Weights: k_h·k_w·C_in·F kernel entries plus F biases. */
function weights(ctx: ResolvedContext): { kernel: number; bias: number } {
  const [kh, kw] = ints(ctx.params, 'kernelSize') as [number, number];
  const f = num(ctx.params, 'filters');
  return { kernel: kh * kw * inChannels(ctx) * f, bias: bool(ctx.params, 'useBias') ? f : 0 };
}

/** Keras Conv2D, channels last. */
export const conv2dSpec: LayerSpec<'Conv2D'> = {
  kind: 'Conv2D',
  label: 'Conv 2D',
  category: 'convolution',
  help: 'Slides learned filters over an image (H×W×C) to detect local patterns; outputs one feature map per filter.',
  params: {
    filters: CONV_PARAMS.filters,
    kernelSize: {
      kind: 'ints',
      label: 'Kernel size',
      help: 'Filter height × width, e.g. [3, 3]; [1, 1] mixes channels only.',
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
    activation: CONV_PARAMS.activation,
    useBias: CONV_PARAMS.useBias,
    kernelInitializer: CONV_PARAMS.kernelInitializer,
    l2: CONV_PARAMS.l2,
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'Conv2D', 2) ?? checkKnownChannels(ctx, 'Conv2D');
    if (rankProblem) return rankProblem;
    const p = ctx.params;
    const slid = slideWindow(ctx, 'Conv2D', 'kernel', ints(p, 'kernelSize'), ints(p, 'strides'), str(p, 'padding'));
    if (!slid.ok) return slid.result;
    return ok([...slid.dims, num(p, 'filters')]);
  },

  countParams(ctx) {
    const w = weights(ctx);
    return { trainable: w.kernel + w.bias, nonTrainable: 0 };
  },

  /** Every output value is a dot product of k_h·k_w·C_in inputs and weights. */
  macs(ctx) {
    const [kh, kw] = ints(ctx.params, 'kernelSize') as [number, number];
    return knownProduct(ctx.output) * kh * kw * inChannels(ctx);
  },

  keras: {
    classNames: ['Conv2D', 'Convolution2D'],
    toKeras(p) {
      return {
        class_name: 'Conv2D',
        config: {
          filters: num(p, 'filters'),
          kernel_size: [...ints(p, 'kernelSize')],
          strides: [...ints(p, 'strides')],
          padding: str(p, 'padding'),
          data_format: 'channels_last',
          dilation_rate: [1, 1],
          ...convKernelToKeras(p),
        },
      };
    },
    fromKeras({ config: c }) {
      const warnings: string[] = [];
      const kernel = readPair(c.kernel_size, 'kernel_size');
      const strides = readPair(c.strides, 'strides', [1, 1]);
      const padding = readPaddingMode(c.padding);
      const activation = readActivation(c.activation);
      const useBias = readUseBias(c.use_bias);
      const weights = readConvKernel(c, warnings);
      const error = firstError(
        'Conv2D',
        checkUnknownKeys(c, CONV_KERAS_KEYS),
        checkNoDilation(c.dilation_rate),
        checkNoGroups(c.groups),
        weights,
        kernel,
        strides,
        padding,
        activation,
        useBias,
      );
      if (error !== null) return { ok: false, error };
      const { filters, kernelInitializer, l2 } = val(weights);
      const params = {
        filters,
        kernelSize: val(kernel),
        strides: val(strides),
        padding: val(padding),
        activation: val(activation),
        useBias: val(useBias),
        kernelInitializer,
        l2,
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
    const f = num(p, 'filters');
    const padding = str(p, 'padding');
    const w = weights(ctx);
    const macs = conv2dSpec.macs(ctx);
    const formulas = [
      ...outSizeFormulas('height', input[0] ?? null, kh, sh, padding),
      ...outSizeFormulas('width', input[1] ?? null, kw, sw, padding),
      bool(p, 'useBias')
        ? { label: 'Parameters', symbolic: 'k_h·k_w·C_in·F + F', worked: `${kh}·${kw}·${cIn}·${f} + ${f} = ${fmtCount(w.kernel + w.bias)}` }
        : { label: 'Parameters (no bias)', symbolic: 'k_h·k_w·C_in·F', worked: `${kh}·${kw}·${cIn}·${f} = ${fmtCount(w.kernel)}` },
      {
        label: 'Multiply-accumulates per sample',
        symbolic: 'out_h·out_w·F·k_h·k_w·C_in',
        worked:
          macs > 0
            ? `${ctx.output[0]}·${ctx.output[1]}·${f}·${kh}·${kw}·${cIn} = ${fmtCount(macs)}`
            : 'unknown while the input size is unknown',
      },
      { label: 'Activation', symbolic: ACTIVATION_FORMULAS[str(p, 'activation')] ?? str(p, 'activation') },
    ];
    const init = initFormula(
      str(p, 'kernelInitializer'),
      { expr: 'k_h·k_w·C_in', worked: `${kh}·${kw}·${cIn}`, value: kh * kw * cIn },
      { expr: 'k_h·k_w·F', worked: `${kh}·${kw}·${f}`, value: kh * kw * f },
    );
    if (init) formulas.push(init);
    return {
      summary:
        `Conv2D "${ctx.name}" slides ${f} filters of ${kh}×${kw}×${cIn} over its ${dimsText(input)} input ` +
        `with stride ${sh}×${sw} and '${padding}' padding, giving ${dimsText(ctx.output)}.`,
      formulas,
    };
  },

  lint: (ctx) => zeroInitLint(ctx, 'Conv2D'),
};
