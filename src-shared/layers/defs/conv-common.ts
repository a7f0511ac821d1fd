/**
 * What the convolution specs (Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D) share: their
 * common parameters, the Keras fields for kernel, bias and activation, and the zero-init lint.
 */
import type { Finding } from '../../graph/findings.js';
import {
  INITIALIZERS,
  INLINE_ACTIVATIONS,
  bool,
  initializerFromKeras,
  initializerToKeras,
  l2FromKeras,
  l2ToKeras,
  num,
  str,
  warn,
} from '../common.js';
import type { ParamSpec, Params, ResolvedContext } from '../types.js';
import { ZEROS_BIAS, readDroppedOptions, type Read } from './keras-spatial.js';
import { PADDING_MODES } from './spatial-common.js';

/** Parameter specs reused by several convolution layers. */
export const CONV_PARAMS = {
  filters: { kind: 'int', label: 'Filters', help: 'Number of filters, i.e. output channels.', default: 32, min: 1 },
  padding: {
    kind: 'enum',
    label: 'Padding',
    help: "'valid': no padding, the output shrinks; 'same': zero-pad so out = ceil(n/stride).",
    default: 'valid',
    options: PADDING_MODES,
  },
  activation: {
    kind: 'enum',
    label: 'Activation',
    help: 'Function applied to each output value.',
    default: 'relu',
    options: INLINE_ACTIVATIONS,
  },
  useBias: { kind: 'bool', label: 'Use bias', help: 'Add one learned bias per output channel.', default: true },
  kernelInitializer: {
    kind: 'enum',
    label: 'Kernel initializer',
    help: 'How filter weights start before training.',
    default: 'glorotUniform',
    options: INITIALIZERS,
  },
  l2: {
    kind: 'float',
    label: 'L2 weight decay',
    help: 'Penalty l2·Σw² on the filter weights added to the loss; 0 disables it.',
    default: 0,
    min: 0,
  },
} as const satisfies Record<string, ParamSpec>;

/** Keras config keys of Conv1D / Conv2D that the readers handle. */
export const CONV_KERAS_KEYS = [
  'filters',
  'kernel_size',
  'strides',
  'padding',
  'data_format',
  'dilation_rate',
  'groups',
  'activation',
  'use_bias',
  'kernel_initializer',
  'bias_initializer',
  'kernel_regularizer',
  'bias_regularizer',
  'activity_regularizer',
  'kernel_constraint',
  'bias_constraint',
] as const;

/** The Conv1D / Conv2D Keras fields after the geometry: activation, bias, kernel init and L2, no extras. */
export function convKernelToKeras(p: Params): Record<string, unknown> {
  return {
    activation: str(p, 'activation'),
    use_bias: bool(p, 'useBias'),
    kernel_initializer: initializerToKeras(str(p, 'kernelInitializer')),
    bias_initializer: ZEROS_BIAS(),
    kernel_regularizer: l2ToKeras(num(p, 'l2')),
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
  };
}

/** Reads `filters`, the kernel initializer and L2 of a Conv1D / Conv2D config, dropping what we don't offer. */
export function readConvKernel(
  c: Record<string, unknown>,
  warnings: string[],
): Read<{ filters: number; kernelInitializer: string; l2: number }> {
  const filters = readPositiveInt(c.filters, 'filters');
  if (!filters.ok) return filters;
  const l2 = l2FromKeras(c.kernel_regularizer, 'kernel_regularizer');
  if (!l2.ok) return l2;
  readDroppedOptions(c, warnings, {
    constraints: ['kernel_constraint', 'bias_constraint'],
    initializers: ['bias_initializer'],
    regularizers: ['bias_regularizer', 'activity_regularizer'],
  });
  const kernelInitializer =
    c.kernel_initializer === undefined ? 'glorotUniform' : initializerFromKeras(c.kernel_initializer, warnings, 'kernel_initializer');
  return { ok: true, value: { filters: filters.value, kernelInitializer, l2: l2.l2 } };
}

/** A positive-integer Keras field such as depth_multiplier; `fallback` is Keras's default (none: required). */
export function readPositiveInt(value: unknown, field: string, fallback?: number): Read<number> {
  if ((value === undefined || value === null) && fallback !== undefined) return { ok: true, value: fallback };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return { ok: true, value };
  return { ok: false, error: `${field} ${JSON.stringify(value)} is not a positive integer` };
}

/** ZERO_INIT: all-zero filters receive identical gradients and never become different. */
export function zeroInitLint(ctx: ResolvedContext, kind: string): Finding[] {
  if (str(ctx.params, 'kernelInitializer') !== 'zeros') return [];
  const message = `${kind} "${ctx.name}" starts all ${num(ctx.params, 'filters')} filters at zero, so they stay identical during training`;
  return [
    warn(ctx, 'ZERO_INIT', message, {
      kind: 'set-param',
      label: 'Use Glorot uniform initialization',
      nodeId: ctx.nodeId,
      param: 'kernelInitializer',
      value: 'glorotUniform',
    }),
  ];
}
