/**
 * ONNX emitters for convolutions, pooling, padding, cropping and upsampling. Convolutions and
 * local pooling always receive channels-first input (see layout.ts); the rest work in either layout.
 * Keras 'same' padding becomes explicit pads computed like TensorFlow (odd pixel at the end).
 */
import { inlineAct } from '../activations.js';
import { knownShape, weightOf, type GraphLayer } from '../model-graph.js';
import { intList, spatialPads, transpose } from '../weights-util.js';
import { attr, type OnnxBuilder } from './builder.js';
import { emitAct, only, type OnnxEmitter } from './context.js';

/** Kernel window, strides and explicit pads ([begins…, ends…], ONNX order) of a conv/pool layer. */
function geometry(layer: GraphLayer, rank: number, kernel: number[], strideKey = 'strides') {
  // Only 'same' needs the sizes (a variable-length sequence is fine with 'valid').
  const sizes = layer.config.padding === 'same' ? knownShape(layer, layer.inputShapes[0]!).slice(0, rank) : kernel.map(() => 0);
  const dilation = intList(layer.config.dilation_rate ?? 1, rank);
  if (dilation.some((d) => d !== 1)) throw new Error(`${layer.className} "${layer.name}": dilation ${dilation.join('×')} does not export`);
  const strides = intList(layer.config[strideKey], rank, kernel);
  const { begin, end } = spatialPads(layer.config.padding, sizes, kernel, strides);
  return { kernel_shape: attr.ints(kernel), strides: attr.ints(strides), pads: attr.ints([...begin, ...end]) };
}

function conv(b: OnnxBuilder, layer: GraphLayer, x: string, w: { shape: number[]; data: Float32Array }, group: number, rank: number, withBias: boolean, base: string): string {
  const inputs = [x, b.floats(`${layer.name}/${base}_kernel`, w.shape, w.data)];
  if (withBias && layer.config.use_bias !== false) {
    const bias = weightOf(layer, 'bias');
    inputs.push(b.floats(`${layer.name}/bias`, bias.shape, bias.data));
  }
  return b.op('Conv', inputs, `${layer.name}/${base}`, { ...geometry(layer, rank, w.shape.slice(2)), group: attr.int(group) });
}

/** Conv2D / Conv1D: Keras kernels are [kh, kw, in, out] / [k, in, out]; ONNX wants [out, in, kh, kw] / [out, in, k]. */
export function emitConv(rank: 1 | 2): OnnxEmitter {
  return (ctx) => {
    const { b, layer } = ctx;
    const kernel = weightOf(layer, 'kernel');
    const w = transpose(kernel, rank === 2 ? [3, 2, 0, 1] : [2, 1, 0]);
    const y = conv(b, layer, only(ctx), w, 1, rank, true, 'conv');
    emitAct(b, y, inlineAct(layer), `${layer.name}/act`, ctx.out, 1);
  };
}

/**
 * Depthwise kernel [kh, kw, C, M] → grouped-conv weight [C·M, 1, kh, kw] with group = C: output
 * channel c·M + m reads input channel c, the order Keras's DepthwiseConv2D produces.
 */
function depthwiseWeight(layer: GraphLayer) {
  const k = weightOf(layer, 'depthwise_kernel');
  const [kh, kw, c, m] = k.shape as [number, number, number, number];
  const t = transpose(k, [2, 3, 0, 1]);
  return { shape: [c * m, 1, kh, kw], data: t.data, channels: c };
}

/** DepthwiseConv2D: one grouped Conv. */
export const emitDepthwise: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const w = depthwiseWeight(layer);
  const y = conv(b, layer, only(ctx), w, w.channels, 2, true, 'depthwise');
  emitAct(b, y, inlineAct(layer), `${layer.name}/act`, ctx.out, 1);
};

/** SeparableConv2D: the grouped depthwise Conv (strides, padding) then a 1×1 pointwise Conv with the bias. */
export const emitSeparable: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const dw = depthwiseWeight(layer);
  const mid = conv(b, layer, only(ctx), dw, dw.channels, 2, false, 'depthwise');
  const pw = transpose(weightOf(layer, 'pointwise_kernel'), [3, 2, 0, 1]);
  const inputs = [mid, b.floats(`${layer.name}/pointwise_kernel`, pw.shape, pw.data)];
  if (layer.config.use_bias !== false) inputs.push(b.floats(`${layer.name}/bias`, [pw.shape[0]!], weightOf(layer, 'bias').data));
  const y = b.op('Conv', inputs, `${layer.name}/pointwise`, { kernel_shape: attr.ints([1, 1]) });
  emitAct(b, y, inlineAct(layer), `${layer.name}/act`, ctx.out, 1);
};

/** Max/Average pooling; TF's average divides by the in-bounds count, i.e. count_include_pad = 0. */
export function emitPool(kind: 'max' | 'average', rank: 1 | 2): OnnxEmitter {
  return (ctx) => {
    const { layer } = ctx;
    const pool = intList(layer.config.pool_size, rank);
    const g = geometry(layer, rank, pool);
    if (kind === 'max') ctx.b.op('MaxPool', [only(ctx)], layer.name, g, ctx.out);
    else ctx.b.op('AveragePool', [only(ctx)], layer.name, { ...g, count_include_pad: attr.int(0) }, ctx.out);
  };
}

/** Global pooling: reduce every spatial axis (1…r−2 in Keras order, 2…r−1 channels-first). */
export function emitGlobalPool(kind: 'max' | 'average'): OnnxEmitter {
  return (ctx) => {
    const rank = ctx.layer.inputShapes[0]!.length + 1;
    const first = ctx.layout === 'cf' ? 2 : 1;
    const axes = Array.from({ length: rank - 2 }, (_, i) => first + i);
    const keepdims = attr.int(ctx.layer.config.keepdims === true ? 1 : 0);
    ctx.b.op(kind === 'max' ? 'ReduceMax' : 'ReduceMean', [only(ctx)], ctx.layer.name, { axes: attr.ints(axes), keepdims }, ctx.out);
  };
}

/** [[top, bottom], [left, right]] from a Keras padding/cropping config (an int or pairs are allowed). */
function sides(value: unknown): [number, number, number, number] {
  if (typeof value === 'number') return [value, value, value, value];
  const [h, w] = value as [number | number[], number | number[]];
  const pair = (v: number | number[]): [number, number] => (typeof v === 'number' ? [v, v] : [v[0]!, v[1]!]);
  return [...pair(h), ...pair(w)];
}

/** ZeroPadding2D: Pad with zeros on H and W wherever they sit in the current layout. */
export const emitZeroPad: OnnxEmitter = (ctx) => {
  const [top, bottom, left, right] = sides(ctx.layer.config.padding);
  const pads = ctx.layout === 'cf' ? [0, 0, top, left, 0, 0, bottom, right] : [0, top, left, 0, 0, bottom, right, 0];
  ctx.b.op('Pad', [only(ctx), ctx.b.int64s(`${ctx.layer.name}/pads`, pads)], ctx.layer.name, { mode: attr.str('constant') }, ctx.out);
};

/** Cropping2D: Slice H and W; a negative end counts from the far edge, so the input size is not needed. */
export const emitCrop: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const [top, bottom, left, right] = sides(layer.config.cropping);
  const far = 2 ** 31 - 1;
  const axes = ctx.layout === 'cf' ? [2, 3] : [1, 2];
  const starts = b.int64s(`${layer.name}/starts`, [top, left]);
  const ends = b.int64s(`${layer.name}/ends`, [bottom > 0 ? -bottom : far, right > 0 ? -right : far]);
  b.op('Slice', [only(ctx), starts, ends, b.int64s(`${layer.name}/axes`, axes)], layer.name, {}, ctx.out);
};

/**
 * UpSampling2D (channels-first): tfjs uses resizeNearestNeighbor / resizeBilinear with
 * alignCorners = halfPixelCenters = false, i.e. source = dest / scale: ONNX's 'asymmetric' mode
 * (nearest rounds down).
 */
export const emitUpSampling: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const [sh, sw] = intList(layer.config.size, 2);
  const bilinear = layer.config.interpolation === 'bilinear';
  const scales = b.floats(`${layer.name}/scales`, [4], [1, 1, sh!, sw!]);
  b.op('Resize', [only(ctx), '', scales], layer.name, {
    mode: attr.str(bilinear ? 'linear' : 'nearest'),
    coordinate_transformation_mode: attr.str('asymmetric'),
    ...(bilinear ? {} : { nearest_mode: attr.str('floor') }),
  }, ctx.out);
};
