/**
 * wasm BatchMatMul / _FusedMatMul with explicit transposes, against the stock cpu kernels: every
 * transpose combination, 2-D and batched 3-D (with broadcasting), the fused bias + activation
 * kernel, and Dense-style gradients.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { BACKENDS, expectMatches, ours, rand, stockCpu } from '../kernel-kit.js';

const FLAGS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** Operands of C = op(A)·op(B) with C of shape [batch?, m, n]. */
function operands(batchA: number[], batchB: number[], m: number, k: number, n: number, ta: boolean, tb: boolean) {
  const a = rand([...batchA, ...(ta ? [k, m] : [m, k])], 3);
  const b = rand([...batchB, ...(tb ? [n, k] : [k, n])], 4);
  return { a, b };
}

describe('matMul with transposes matches the stock cpu kernel', () => {
  for (const [ta, tb] of FLAGS) {
    for (const [batchA, batchB] of [
      [[], []],
      [[3], [3]],
      [[2], [1]],
    ] as number[][][]) {
      it(`wasm transposeA=${ta} transposeB=${tb} batch ${JSON.stringify([batchA, batchB])}`, async () => {
        const f = () => {
          const { a, b } = operands(batchA!, batchB!, 7, 13, 5, ta, tb);
          return [tf.matMul(a, b, ta, tb)];
        };
        expectMatches(await ours('wasm', f), await stockCpu(f));
      });
    }
    it(`wasm fused matMul + bias + relu, transposeA=${ta} transposeB=${tb}`, async () => {
      const f = () => {
        const { a, b } = operands([], [], 9, 6, 4, ta, tb);
        const bias = rand([4], 8);
        return [tf.fused.matMul({ a: a as tf.Tensor2D, b: b as tf.Tensor2D, transposeA: ta, transposeB: tb, bias, activation: 'relu' })];
      };
      expectMatches(await ours('wasm', f), await stockCpu(f));
    });
  }

  for (const backend of BACKENDS) {
    it(`${backend}: Dense gradients (dx, dW, db) through the fused kernel's custom gradient`, async () => {
      const f = () => {
        const x = rand([16, 20], 1);
        const w = rand([20, 12], 2);
        const bias = rand([12], 3);
        const dy = rand([16, 12], 4);
        const loss = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(tf.fused.matMul({ a: x as tf.Tensor2D, b: w as tf.Tensor2D, bias: b, activation: 'relu' }), dy));
        return tf.grads(loss)([x, w, bias]);
      };
      expectMatches(await ours(backend, f), await stockCpu(f));
    });
  }

  it('the wasm kernels are ours, and keep the stock setupFunc', async () => {
    await ours('wasm', () => []);
    const k = tf.getKernel('BatchMatMul', 'wasm');
    expect(k.setupFunc).toBeTypeOf('function');
    expect(k.kernelFunc.name).not.toBe('batchMatMul');
  });
});
