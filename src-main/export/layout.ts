/**
 * Where ONNX and PyTorch keep each tensor channels-first. Keras (and the app) are channels-last
 * (NHWC, NTC); ONNX Conv/Pool and torch.nn.Conv2d are channels-first (NCHW, NCT). Rather than
 * wrapping every convolution in a transpose pair, a tensor stays channels-first from the first
 * convolution until a layer that depends on Keras's axis order (Flatten, Dense, Reshape, an RNN, a
 * model output…) needs it back. Both exporters follow this one plan, so their code has the same
 * shape. The policy table is keyed by LayerType: a new layer type must choose.
 */
import type { LayerType } from '../../src-shared/layers/catalog.js';
import type { GraphLayer, ModelGraph } from './model-graph.js';

/** 'keras': the app's channels-last order; 'cf': channels first (only differs for rank ≥ 3 with batch). */
export type Layout = 'keras' | 'cf';

/**
 * How a layer type treats layouts: 'cf' computes in channels-first; 'follow' works in whichever
 * layout its inputs share (falling back to 'keras' when they differ); 'keras' needs Keras's order.
 */
type Policy = 'cf' | 'follow' | 'keras';

const POLICY: Record<LayerType, Policy | ((layer: GraphLayer) => Policy)> = {
  Input: 'keras',
  Dense: 'keras',
  // Softmax runs over Keras's last axis; the others are element-wise.
  Activation: (l) => (l.className === 'Softmax' || l.config.activation === 'softmax' ? 'keras' : 'follow'),
  Dropout: 'follow',
  Flatten: 'keras', // Keras flattens in H, W, C order
  Reshape: 'keras',
  Rescaling: 'follow',
  // Channel-axis statistics follow the channels; any other axis stays in Keras order.
  BatchNormalization: (l) => (isLastAxis(l.config.axis, l.outputShape.length + 1) ? 'follow' : 'keras'),
  LayerNormalization: 'keras',
  Conv2D: 'cf',
  DepthwiseConv2D: 'cf',
  SeparableConv2D: 'cf',
  Conv1D: 'cf',
  MaxPooling2D: 'cf',
  AveragePooling2D: 'cf',
  GlobalAveragePooling2D: 'follow',
  GlobalMaxPooling2D: 'follow',
  MaxPooling1D: 'cf',
  AveragePooling1D: 'cf',
  GlobalAveragePooling1D: 'follow',
  GlobalMaxPooling1D: 'follow',
  ZeroPadding2D: 'follow',
  Cropping2D: 'follow',
  UpSampling2D: 'cf',
  SimpleRNN: 'keras',
  LSTM: 'keras',
  GRU: 'keras',
  Embedding: 'keras',
  Concatenate: 'follow', // the axis is mapped
  Add: 'follow',
  Subtract: 'follow',
  Multiply: 'follow',
  Average: 'follow',
  Maximum: 'follow',
};

/** Is `axis` (Keras numbering with batch, maybe negative; a one-element list allowed) the last of `rank`? */
export function isLastAxis(axis: unknown, rank: number): boolean {
  const a = Array.isArray(axis) && axis.length === 1 ? axis[0] : axis;
  return a === -1 || a === rank - 1;
}

/** The decision for one layer: the layout its inputs must arrive in, and the layout of its output. */
export interface LayerLayout {
  input: Layout;
  output: Layout;
}

/** Plans layouts for every layer, in topological order. Model outputs are converted back by the exporter. */
export function planLayouts(graph: ModelGraph): Map<string, LayerLayout> {
  const plan = new Map<string, LayerLayout>();
  const rankOf = new Map(graph.layers.map((l) => [l.name, l.outputShape.length + 1]));
  for (const layer of graph.layers) {
    const policy = layer.type === null ? 'keras' : POLICY[layer.type];
    const p = typeof policy === 'function' ? policy(layer) : policy;
    const inputs = layer.inputs.map((name) => plan.get(name)!.output);
    let input: Layout = 'keras';
    if (p === 'cf') input = 'cf';
    else if (p === 'follow' && inputs.length > 0 && inputs.every((l) => l === inputs[0])) input = inputs[0]!;
    // A layer with only rank-2 inputs has nothing to permute: call it 'keras'.
    if (layer.inputs.every((name) => (rankOf.get(name) ?? 2) < 3)) input = 'keras';
    const output: Layout = layer.outputShape.length + 1 >= 3 ? input : 'keras';
    plan.set(layer.name, { input, output });
  }
  return plan;
}

/** Permutation from Keras order to channels-first for a tensor of `rank` (batch included): [0, r−1, 1, …, r−2]. */
export function toChannelsFirst(rank: number): number[] {
  return [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
}

/** Permutation from channels-first back to Keras order: [0, 2, …, r−1, 1]. */
export function toChannelsLast(rank: number): number[] {
  return [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
}

/** Where Keras axis `axis` (batch-inclusive, maybe negative) sits in `layout` for a tensor of `rank`. */
export function mapAxis(axis: number, rank: number, layout: Layout): number {
  const a = axis < 0 ? axis + rank : axis;
  if (layout === 'keras' || a === 0) return a;
  return a === rank - 1 ? 1 : a + 1;
}
