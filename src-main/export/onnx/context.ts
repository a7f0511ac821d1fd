/**
 * What an ONNX layer emitter receives, and the activation functions every emitter may need.
 */
import type { Act } from '../activations.js';
import type { Layout } from '../layout.js';
import type { GraphLayer } from '../model-graph.js';
import { attr, type OnnxBuilder } from './builder.js';

/** One layer being emitted: its inputs are already in `layout`; the emitter must write `out`. */
export interface OnnxLayerContext {
  b: OnnxBuilder;
  layer: GraphLayer;
  /** ONNX tensor names of the inputs, in `layout`. */
  inputs: string[];
  /** The layout the inputs are in; the output must be in the same one (unless it is rank 2). */
  layout: Layout;
  /** The exact tensor name the layer's result must have. */
  out: string;
}

/** Emits one layer. Throws UnsupportedLayerError (through the table) or Error for settings it cannot map. */
export type OnnxEmitter = (ctx: OnnxLayerContext) => void;

/**
 * Applies `act` to `x`, writing `out`. `softmaxAxis` is where Keras's last axis sits (1 for a
 * convolution's channels-first output). Opset-13+ Softmax normalizes one axis, like Keras.
 */
export function emitAct(b: OnnxBuilder, x: string, act: Act, base: string, out: string, softmaxAxis = -1): void {
  switch (act.kind) {
    case 'linear':
      b.op('Identity', [x], base, {}, out);
      return;
    case 'relu':
      b.op('Relu', [x], base, {}, out);
      return;
    case 'relu6':
      b.op('Clip', [x, b.floats(`${base}/min`, [], [0]), b.floats(`${base}/max`, [], [6])], base, {}, out);
      return;
    case 'sigmoid':
      b.op('Sigmoid', [x], base, {}, out);
      return;
    case 'hardSigmoid':
      // tfjs: clip(0.2x + 0.5, 0, 1); ONNX HardSigmoid computes max(0, min(1, alpha·x + beta)).
      b.op('HardSigmoid', [x], base, { alpha: attr.float(0.2), beta: attr.float(0.5) }, out);
      return;
    case 'tanh':
      b.op('Tanh', [x], base, {}, out);
      return;
    case 'softmax':
      b.op('Softmax', [x], base, { axis: attr.int(softmaxAxis) }, out);
      return;
    case 'elu':
      b.op('Elu', [x], base, { alpha: attr.float(act.alpha) }, out);
      return;
    case 'leakyRelu':
      b.op('LeakyRelu', [x], base, { alpha: attr.float(act.alpha) }, out);
      return;
  }
}

/** The single input of a one-input layer. */
export function only(ctx: OnnxLayerContext): string {
  if (ctx.inputs.length !== 1) throw new Error(`${ctx.layer.className} "${ctx.layer.name}" takes one input, got ${ctx.inputs.length}`);
  return ctx.inputs[0]!;
}
