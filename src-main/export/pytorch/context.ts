/**
 * What a PyTorch layer emitter receives and returns: lines for `__init__`, `forward` and the
 * weight loader of the generated model.py, plus Python spelling helpers.
 */
import type { Act } from '../activations.js';
import type { Layout } from '../layout.js';
import type { GraphLayer } from '../model-graph.js';

/** One layer being generated. Inputs are Python variables already in `layout`. */
export interface TorchLayerContext {
  layer: GraphLayer;
  /** The module attribute for the layer (`self.<attr>`), a valid identifier. */
  attr: string;
  inputs: string[];
  layout: Layout;
  /** The variable the forward lines must assign. */
  out: string;
  /** Asks for a helper from helpers-py.ts to be included in model.py. */
  useHelper(name: HelperName): void;
  /** A unique identifier for an extra module attribute of this layer (`<attr>_<suffix>`). */
  claim(suffix: string): string;
}

/** Generated code for one layer. */
export interface TorchCode {
  /** `self.x = …` lines (modules and parameters). */
  init: string[];
  /** Lines computing `out`. */
  forward: string[];
  /** Lines of load_weights filling `state[...]` from the Keras arrays (`k("layer/kernel")`). */
  load: string[];
  /** Python expressions of this layer's L2-regularized kernels with their factor (Keras kernel_regularizer). */
  l2?: { param: string; factor: number }[];
  /** Parameters that are Keras kernels (weight decay applies to them). */
  kernels?: string[];
}

export type TorchEmitter = (ctx: TorchLayerContext) => TorchCode;

export type HelperName = 'avgPoolExcludingPadding' | 'resizeBilinearAsymmetric' | 'kerasRecurrent';

/** A number as a Python literal (finite only; 1e-7 and 0.5 spell the same in both languages). */
export function py(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} into Python source`);
  return Number.isInteger(n) ? `${n}` : `${n}`;
}

export const pyFloat = (n: number): string => (Number.isInteger(n) ? `${n}.0` : py(n));
export const pyBool = (b: boolean): string => (b ? 'True' : 'False');
/** A string literal (JSON's escapes are valid Python). */
export const pyStr = (s: string): string => JSON.stringify(s);
export const pyTuple = (xs: number[]): string => (xs.length === 1 ? `(${py(xs[0]!)},)` : `(${xs.map(py).join(', ')})`);

/** `act(expr)` as a Python expression; `dim` is where Keras's last axis sits for softmax. */
export function pyAct(act: Act, expr: string, dim = -1): string {
  switch (act.kind) {
    case 'linear':
      return expr;
    case 'relu':
      return `F.relu(${expr})`;
    case 'relu6':
      return `F.hardtanh(${expr}, 0.0, 6.0)`;
    case 'sigmoid':
      return `torch.sigmoid(${expr})`;
    case 'hardSigmoid':
      return `torch.clamp(0.2 * ${expr} + 0.5, 0.0, 1.0)`; // tfjs's hard sigmoid, not F.hardsigmoid (x/6 + 1/2)
    case 'tanh':
      return `torch.tanh(${expr})`;
    case 'softmax':
      return `F.softmax(${expr}, dim=${dim})`;
    case 'elu':
      return `F.elu(${expr}, alpha=${pyFloat(act.alpha)})`;
    case 'leakyRelu':
      return `F.leaky_relu(${expr}, negative_slope=${pyFloat(act.alpha)})`;
  }
}

/** The activation's name for the KerasRecurrent helper (which applies it by name). */
export function actName(act: Act): string {
  if (act.kind === 'elu' && act.alpha !== 1) throw new Error(`elu with alpha ${act.alpha} inside a recurrent cell does not export`);
  if (act.kind === 'leakyRelu') throw new Error('leakyRelu inside a recurrent cell does not export');
  return act.kind;
}

/** Single input of a one-input layer. */
export function onlyInput(ctx: TorchLayerContext): string {
  if (ctx.inputs.length !== 1) throw new Error(`${ctx.layer.className} "${ctx.layer.name}" takes one input, got ${ctx.inputs.length}`);
  return ctx.inputs[0]!;
}

/** `k("layer/short")`: the Keras array as a torch tensor, inside load_weights. */
export const kerasArray = (layer: GraphLayer, short: string): string => `k(${pyStr(`${layer.name}/${short}`)})`;
