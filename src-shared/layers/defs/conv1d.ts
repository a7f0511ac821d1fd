/**
 * Conv1D: F learned k×C_in filters slid along a sequence T×C_in (steps × features).
 * Keras's 'causal' padding is not offered: tfjs 4.22 accepts it in a config but computes a
 * 'valid'-sized output shape and throws when run.
 */
import { ACTIVATION_FORMULAS, bool, num, ok, str } from '../common.js';
import type { LayerSpec, ResolvedContext, ShapeContext } from '../types.js';
import { CONV_KERAS_KEYS, CONV_PARAMS, convKernelToKeras, readConvKernel, zeroInitLint } from './conv-common.js';
import {
  checkNoDilation,
  checkNoGroups,
  checkUnknownKeys,
  firstError,
  readActivation,
  readPaddingMode,
  readSingle,
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

const inChannels = (ctx: ShapeContext): number => (ctx.inputs[0]?.[1] as number | null) ?? 0;

/** Weights: k·C_in·F kernel entries plus F biases. */
function weights(ctx: ResolvedContext): { kernel: number; bias: number } {
  const f = num(ctx.params, 'filters');
  return { kernel: num(ctx.params, 'kernelSize') * inChannels(ctx) * f, bias: bool(ctx.params, 'useBias') ? f : 0 };
}

/** Keras Conv1D over [steps, features]. */
export const conv1dSpec: LayerSpec<'Conv1D'> = {
  kind: 'Conv1D',
  label: 'Conv 1D',
  category: 'convolution',
  help: 'Slides learned filters along a sequence (steps × features) to detect local patterns in time.',
  params: {
    filters: CONV_PARAMS.filters,
    kernelSize: { kind: 'int', label: 'Kernel size', help: 'How many consecutive steps each filter sees.', default: 3, min: 1 },
    strides: { kind: 'int', label: 'Stride', help: 'Step between filter positions.', default: 1, min: 1 },
    padding: CONV_PARAMS.padding,
    activation: CONV_PARAMS.activation,
    useBias: CONV_PARAMS.useBias,
    kernelInitializer: CONV_PARAMS.kernelInitializer,
    l2: CONV_PARAMS.l2,
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const rankProblem = checkSpatialRank(ctx, 'Conv1D', 1) ?? checkKnownChannels(ctx, 'Conv1D');
    if (rankProblem) return rankProblem;
    const p = ctx.params;
    const slid = slideWindow(ctx, 'Conv1D', 'kernel', [num(p, 'kernelSize')], [num(p, 'strides')], str(p, 'padding'));
    if (!slid.ok) return slid.result;
    return ok([...slid.dims, num(p, 'filters')]);
  },

  countParams(ctx) {
    const w = weights(ctx);
    return { trainable: w.kernel + w.bias, nonTrainable: 0 };
  },

  /** Every output value is a dot product of k·C_in inputs and weights. */
  macs(ctx) {
    return knownProduct(ctx.output) * num(ctx.params, 'kernelSize') * inChannels(ctx);
  },

  keras: {
    classNames: ['Conv1D', 'Convolution1D'],
    toKeras(p) {
      return {
        class_name: 'Conv1D',
        config: {
          filters: num(p, 'filters'),
          kernel_size: [num(p, 'kernelSize')],
          strides: [num(p, 'strides')],
          padding: str(p, 'padding'),
          dilation_rate: [1],
          ...convKernelToKeras(p),
        },
      };
    },
    fromKeras({ config: c }) {
      const warnings: string[] = [];
      const kernel = readSingle(c.kernel_size, 'kernel_size');
      const strides = readSingle(c.strides, 'strides', 1);
      const padding = readPaddingMode(c.padding);
      const activation = readActivation(c.activation);
      const useBias = readUseBias(c.use_bias);
      const weights = readConvKernel(c, warnings);
      const error = firstError(
        'Conv1D',
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
    const k = num(p, 'kernelSize');
    const s = num(p, 'strides');
    const input = ctx.inputs[0] ?? [];
    const cIn = inChannels(ctx);
    const f = num(p, 'filters');
    const padding = str(p, 'padding');
    const w = weights(ctx);
    const macs = conv1dSpec.macs(ctx);
    const formulas = [
      ...outSizeFormulas('length', input[0] ?? null, k, s, padding),
      bool(p, 'useBias')
        ? { label: 'Parameters', symbolic: 'k·C_in·F + F', worked: `${k}·${cIn}·${f} + ${f} = ${fmtCount(w.kernel + w.bias)}` }
        : { label: 'Parameters (no bias)', symbolic: 'k·C_in·F', worked: `${k}·${cIn}·${f} = ${fmtCount(w.kernel)}` },
      {
        label: 'Multiply-accumulates per sample',
        symbolic: 'out_T·F·k·C_in',
        worked: macs > 0 ? `${ctx.output[0]}·${f}·${k}·${cIn} = ${fmtCount(macs)}` : 'unknown while the sequence length is unknown',
      },
      { label: 'Activation', symbolic: ACTIVATION_FORMULAS[str(p, 'activation')] ?? str(p, 'activation') },
    ];
    const init = initFormula(
      str(p, 'kernelInitializer'),
      { expr: 'k·C_in', worked: `${k}·${cIn}`, value: k * cIn },
      { expr: 'k·F', worked: `${k}·${f}`, value: k * f },
    );
    if (init) formulas.push(init);
    return {
      summary:
        `Conv1D "${ctx.name}" slides ${f} filters spanning ${k} step${k === 1 ? '' : 's'} × ${cIn} features along its ${dimsText(input)} input ` +
        `with stride ${s} and '${padding}' padding, giving ${dimsText(ctx.output)}.`,
      formulas,
    };
  },

  lint: (ctx) => zeroInitLint(ctx, 'Conv1D'),
};
