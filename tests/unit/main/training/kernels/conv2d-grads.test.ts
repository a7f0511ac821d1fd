/**
 * Conv2D gradients with our Conv2DBackpropFilter (cpu loops; wasm loops or XNNPACK conv) and
 * wasm Conv2DBackpropInput, against the stock cpu kernels, through tf.grads as training uses them.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BACKENDS, expectMatches, ours, rand, stockCpu } from '../kernel-kit.js';

type Stride = number | [number, number];
// [batch, height, width, inChannels, kernelH, kernelW, outChannels, stride, padding]
type Case = [number, number, number, number, number, number, number, Stride, 'same' | 'valid'];

// Covers every block of the JS loops (4×4, 1×8, 1×1 remainders), both wasm strategies (ci ≤ 3:
// loops, ci ≥ 4: XNNPACK), strides 1/2/3 and mixed, even/odd/1×1/non-square kernels, odd sizes,
// 'valid' convs whose stride skips trailing rows, batch 1 and > 1.
const CASES: Case[] = [
  [1, 5, 5, 1, 3, 3, 1, 1, 'valid'],
  [2, 7, 9, 3, 3, 3, 5, 2, 'same'],
  [3, 11, 10, 6, 5, 5, 6, 2, 'valid'],
  [4, 9, 9, 8, 3, 3, 12, 1, 'same'],
  [2, 8, 7, 4, 2, 3, 8, [2, 1], 'same'],
  [1, 13, 13, 16, 3, 3, 16, 2, 'same'],
  [2, 6, 6, 5, 1, 1, 9, 1, 'valid'],
  [2, 10, 10, 8, 4, 4, 8, 3, 'valid'],
  [1, 12, 12, 2, 3, 3, 16, 1, 'same'],
];

function conv(c: Case, fused: boolean): tf.Tensor[] {
  const [n, h, w, ci, kh, kw, co, stride, pad] = c;
  const x = rand([n, h, w, ci], 11) as tf.Tensor4D;
  const filter = rand([kh, kw, ci, co], 23) as tf.Tensor4D;
  const bias = rand([co], 5) as tf.Tensor1D;
  const probe = (x: tf.Tensor4D, f: tf.Tensor4D) => tf.conv2d(x, f, stride, pad);
  const y = probe(x, filter);
  const dy = rand(y.shape, 37);
  // The fused path (linear activation, as tf.layers uses under a tape) has its own custom
  // gradient that calls the same two backprop kernels.
  const loss = fused
    ? (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.fused.conv2d({ x: a as tf.Tensor4D, filter: b as tf.Tensor4D, strides: stride, pad, bias }), dy))
    : (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(probe(a as tf.Tensor4D, b as tf.Tensor4D), dy));
  return tf.grads(loss)([x, filter]);
}

describe('Conv2D gradients (dx, dW) match the stock cpu kernels', () => {
  for (const backend of BACKENDS) {
    for (const c of CASES) {
      it(`${backend} ${c.join(' ')}`, async () => {
        const expected = await stockCpu(() => conv(c, false));
        expectMatches(await ours(backend, () => conv(c, false)), expected);
      });
    }
    it(`${backend} fused conv (bias, linear) uses the same kernels`, async () => {
      const c = CASES[3]!;
      const expected = await stockCpu(() => conv(c, true));
      expectMatches(await ours(backend, () => conv(c, true)), expected);
    });
  }

  it('ours is installed: the wasm backend now has Conv2DBackpropFilter', async () => {
    await ours('wasm', () => []);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeTruthy();
  });

  it('the cpu kernel is far faster than stock on a CNN-sized gradient', async () => {
    // A coarse guard (the benchmark has real numbers): stock takes ~250 ms here, ours ~1.5 ms.
    const run = () => {
      const x = rand([16, 28, 28, 1], 1);
      const dy = rand([16, 28, 28, 8], 2);
      const t0 = performance.now();
      const dw = tf
        .engine()
        .runKernel('Conv2DBackpropFilter', { x, dy }, {
          strides: [1, 1],
          pad: 'same',
          dataFormat: 'NHWC',
          filterShape: [3, 3, 1, 8],
        } as never) as tf.Tensor;
      dw.dataSync();
      return [tf.scalar(performance.now() - t0)];
    };
    const [stockMs] = await stockCpu(run);
    const [oursMs] = await ours('cpu', run);
    expect(oursMs![0]! * 10).toBeLessThan(stockMs![0]!);
  });
});
