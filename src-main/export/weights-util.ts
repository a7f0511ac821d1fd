/**
 * Array helpers for weights: transposing Keras layouts into the ones other runtimes use, and
 * TensorFlow's 'same' padding rule (shared by the ONNX and PyTorch exporters).
 */
import type { WeightArray } from './model-graph.js';

/** Returns `w` with its axes permuted (`perm[i]` = source axis of output axis i), like numpy.transpose. */
export function transpose(w: WeightArray, perm: number[]): WeightArray {
  const rank = w.shape.length;
  if (perm.length !== rank) throw new Error(`transpose: perm [${perm.join(', ')}] for rank ${rank}`);
  const shape = perm.map((p) => w.shape[p]!);
  const srcStrides = stridesOf(w.shape);
  const outStrides = stridesOf(shape);
  const out = new Float32Array(w.data.length);
  const index = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let rest = o;
    let src = 0;
    for (let i = 0; i < rank; i++) {
      index[i] = Math.floor(rest / outStrides[i]!);
      rest -= index[i]! * outStrides[i]!;
      src += index[i]! * srcStrides[perm[i]!]!;
    }
    out[o] = w.data[src]!;
  }
  return { shape, data: out };
}

function stridesOf(shape: number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1]! * shape[i + 1]!;
  return strides;
}

/**
 * Keras's stacked recurrent matrix [rows, gates·units] → [gates·units, rows] with the gate blocks
 * taken in `order` (indices into Keras's blocks). ONNX's W/R and PyTorch's weight_ih/hh are
 * [gates·units, rows]; e.g. ONNX LSTM wants i,o,f,c where Keras stores i,f,c,o → order [0, 3, 1, 2].
 */
export function gatesToRows(w: WeightArray, gates: number, order: number[]): Float32Array {
  const [rows, cols] = w.shape as [number, number];
  const units = cols / gates;
  const out = new Float32Array(rows * cols);
  order.forEach((block, slot) => {
    for (let u = 0; u < units; u++) {
      const dst = (slot * units + u) * rows;
      const col = block * units + u;
      for (let r = 0; r < rows; r++) out[dst + r] = w.data[r * cols + col]!;
    }
  });
  return out;
}

/** A bias [gates·units] with its gate blocks reordered the same way. */
export function reorderGateBias(bias: Float32Array, gates: number, order: number[]): Float32Array {
  const units = bias.length / gates;
  const out = new Float32Array(bias.length);
  order.forEach((block, slot) => out.set(bias.subarray(block * units, (block + 1) * units), slot * units));
  return out;
}

/**
 * TensorFlow's 'same' padding along one axis (tensorflow/core/framework/kernel_shape_util.cc,
 * GetWindowedOutputSize): out = ceil(n / s), total = max((out − 1)·s + k − n, 0), with the odd
 * pixel at the END (before = floor(total / 2)). tfjs computes the same (conv_util.ts computePadding).
 */
export function samePadding(n: number, k: number, s: number): [number, number] {
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + k - n, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** Begin and end pads per spatial axis for 'valid' (none) or 'same' padding. */
export function spatialPads(padding: unknown, sizes: number[], kernel: number[], strides: number[]): { begin: number[]; end: number[] } {
  if (padding === 'valid') return { begin: sizes.map(() => 0), end: sizes.map(() => 0) };
  if (padding !== 'same') throw new Error(`padding ${JSON.stringify(padding)} is not 'valid' or 'same'`);
  const pairs = sizes.map((n, i) => samePadding(n, kernel[i]!, strides[i]!));
  return { begin: pairs.map((p) => p[0]), end: pairs.map((p) => p[1]) };
}

/** A Keras int-or-list field (kernel_size, strides, pool_size) as a list of `rank` ints; null → `fallback`. */
export function intList(value: unknown, rank: number, fallback?: number[]): number[] {
  if ((value === null || value === undefined) && fallback) return fallback;
  if (typeof value === 'number') return new Array<number>(rank).fill(value);
  if (Array.isArray(value) && value.length === rank && value.every((v) => typeof v === 'number')) return value as number[];
  throw new Error(`expected ${rank} integer(s), got ${JSON.stringify(value)}`);
}
