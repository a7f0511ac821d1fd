/**
 * UnsortedSegmentSum (the Embedding / Gather gradient), MaxPoolGrad and the DepthwiseConv2D
 * gradients, against the stock cpu kernels, on cpu and wasm.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, it } from 'vitest';
import { BACKENDS, expectMatches, ours, rand, stockCpu } from '../kernel-kit.js';

describe('Gather gradient (UnsortedSegmentSum) matches stock cpu', () => {
  const cases: [string, number[], number[], number][] = [
    ['embedding rows, repeated ids', [10, 4], [2, 7, 7, 0, 9, 2, 2], 0],
    ['one row', [1, 3], [0, 0], 0],
    ['axis 1', [3, 6, 2], [5, 1, 5], 1],
  ];
  for (const backend of BACKENDS) {
    for (const [name, shape, ids, axis] of cases) {
      it(`${backend} ${name}`, async () => {
        const f = () => {
          const table = rand(shape, 9);
          const idx = tf.tensor1d(ids, 'int32');
          const dy = rand(tf.gather(table, idx, axis).shape, 10);
          return tf.grads((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, idx, axis), dy)))([table]);
        };
        expectMatches(await ours(backend, f), await stockCpu(f));
      });
    }
    it(`${backend} out-of-range segment ids are dropped, int32 values summed`, async () => {
      const f = () => {
        const x = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2], 'int32');
        return [tf.cast(tf.unsortedSegmentSum(x, tf.tensor1d([1, -1, 1, 5], 'int32'), 3), 'float32')];
      };
      expectMatches(await ours(backend, f), await stockCpu(f));
    });
  }
});

describe('MaxPool gradient matches stock cpu, ties included', () => {
  // [shape, pool, stride, padding]
  const cases: [number[], number, number, 'same' | 'valid'][] = [
    [[2, 8, 8, 3], 2, 2, 'valid'],
    [[1, 7, 9, 4], 3, 2, 'same'],
    [[3, 5, 5, 2], 3, 1, 'valid'],
    [[2, 9, 7, 5], 2, 3, 'same'],
  ];
  for (const backend of BACKENDS) {
    for (const [shape, pool, stride, pad] of cases) {
      it(`${backend} ${shape.join('×')} pool ${pool} stride ${stride} ${pad}`, async () => {
        const f = () => {
          // ReLU zeros make whole windows tie: the first maximum must get the gradient.
          const x = tf.relu(rand(shape, 4));
          const y = tf.maxPool(x as tf.Tensor4D, pool, stride, pad);
          const dy = rand(y.shape, 5);
          return tf.grads((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, pool, stride, pad), dy)))([x]);
        };
        expectMatches(await ours(backend, f), await stockCpu(f));
      });
    }
  }
});

describe('DepthwiseConv2D gradients match stock cpu', () => {
  // [shape, kernel, multiplier, stride, padding]
  const cases: [number[], number, number, number, 'same' | 'valid'][] = [
    [[2, 7, 7, 3], 3, 1, 1, 'same'],
    [[1, 9, 8, 4], 3, 2, 2, 'valid'],
    [[3, 6, 6, 2], 2, 3, 1, 'valid'],
    [[2, 11, 11, 5], 5, 1, 2, 'same'],
  ];
  for (const backend of BACKENDS) {
    for (const [shape, k, mult, stride, pad] of cases) {
      it(`${backend} ${shape.join('×')} k${k} ×${mult} stride ${stride} ${pad}`, async () => {
        const f = () => {
          const x = rand(shape, 6) as tf.Tensor4D;
          const w = rand([k, k, shape[3]!, mult], 7) as tf.Tensor4D;
          const dy = rand(tf.depthwiseConv2d(x, w, stride, pad).shape, 8);
          const loss = (a: tf.Tensor, b: tf.Tensor) =>
            tf.sum(tf.mul(tf.depthwiseConv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad), dy));
          return tf.grads(loss)([x, w]);
        };
        expectMatches(await ours(backend, f), await stockCpu(f));
      });
    }
  }
});
