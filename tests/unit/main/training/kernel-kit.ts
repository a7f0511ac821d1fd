/**
 * Test helpers for Netwright's kernels: compute something with the stock cpu kernels (the
 * reference), again with ours on cpu or wasm, compare to 1e-4 of the reference's scale, and
 * check that nothing leaked (tensors in the engine and data buffers in the backend).
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { ensureWasmBackend } from '../../../../src-main/training/backends/wasm-setup.js';
import { registerNetwrightKernels, restoreStockKernels } from '../../../../src-main/training/kernels/register.js';

export type KernelBackend = 'cpu' | 'wasm';
export const BACKENDS: readonly KernelBackend[] = ['cpu', 'wasm'];

/** Activates `name` (starting wasm from node_modules first) with our kernels installed. */
export async function useOurs(name: KernelBackend): Promise<void> {
  registerNetwrightKernels();
  if (name === 'wasm') await ensureWasmBackend();
  expect(await tf.setBackend(name)).toBe(true);
}

/** Runs `f` on the cpu backend with the stock kernels, returning plain arrays; ours come back after. */
export async function stockCpu(f: () => tf.Tensor[]): Promise<Float32Array[]> {
  restoreStockKernels();
  try {
    expect(await tf.setBackend('cpu')).toBe(true);
    return tf.tidy(f).map((t) => {
      const v = t.dataSync() as Float32Array;
      t.dispose();
      return Float32Array.from(v);
    });
  } finally {
    registerNetwrightKernels();
  }
}

/** Runs `f` with our kernels on `backend`, asserting that it leaks neither tensors nor backend buffers. */
export async function ours(backend: KernelBackend, f: () => tf.Tensor[]): Promise<Float32Array[]> {
  await useOurs(backend);
  const tensorsBefore = tf.memory().numTensors;
  const buffersBefore = tf.engine().backend.numDataIds();
  const out = tf.tidy(f).map((t) => {
    const v = Float32Array.from(t.dataSync() as Float32Array);
    t.dispose();
    return v;
  });
  expect(tf.memory().numTensors).toBe(tensorsBefore);
  expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
  return out;
}

/** Deterministic values in [-1, 1) (a small LCG, so every backend gets identical inputs). */
export function values(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** A tensor of `values(size, seed)` on the active backend. */
export function rand(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(
    values(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );
}

/** Largest |actual − expected|, divided by max(1, largest |expected|). */
export function scaledError(actual: Float32Array, expected: Float32Array): number {
  expect(actual.length).toBe(expected.length);
  let err = 0;
  let scale = 1;
  for (let i = 0; i < expected.length; i++) {
    err = Math.max(err, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return err / scale;
}

/** Each output of ours within 1e-4 (of the reference's scale) of the stock cpu output. */
export function expectMatches(actual: Float32Array[], expected: Float32Array[], tol = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => expect(scaledError(a, expected[i]!), `output ${i}`).toBeLessThanOrEqual(tol));
}
