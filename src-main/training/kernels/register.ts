/**
 * Installs Netwright's kernels into tfjs's global kernel registry, once per process.
 *
 * How tfjs finds kernels: `registerKernel` stores configs in a global Map keyed
 * `${backendName}_${kernelName}`, and the engine looks the kernel up on every call (no cache),
 * so a replacement takes effect at once, even after the backend has initialized. Registering a
 * key that exists logs "The kernel '…' for backend '…' is already registered", so replacements
 * unregister the stock config first and keep it, which lets `restoreStockKernels()` put it back
 * (the benchmark compares both in one process). Gradients live in a separate global registry
 * shared by all backends; we override none: every fix here is a kernel, per backend, so
 * tfjs-node's native kernels are never touched.
 */
import * as tf from '@tensorflow/tfjs';
// Importing the wasm backend registers its kernels (and the 'wasm' backend factory, at a higher
// priority than cpu: callers pick a backend explicitly with setBackend, see select-backend.ts).
import '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { cpuConv2dFilterGradConfig, wasmConv2dFilterGradConfig } from './conv2d-filter-grad.js';
import { explicitTransposeConfig } from './matmul-transpose.js';
import { segmentSumConfig } from './segment-sum.js';
import { depthwiseFilterGradConfig, depthwiseInputGradConfig } from './depthwise-grads.js';
import { wasmConv2dInputGradConfig } from './conv2d-input-grad.js';
import { maxPoolGradConfig } from './maxpool-grad.js';

/** One kernel we install, and what it replaced (undefined: the backend had none). */
export interface InstalledKernel {
  kernelName: string;
  backendName: 'cpu' | 'wasm';
  why: string;
  replaced: KernelConfig | undefined;
}

let installed: InstalledKernel[] | null = null;

function plan(): { config: KernelConfig; why: string }[] {
  const stock = (name: string, backend: string): KernelConfig | undefined => tf.getKernel(name, backend) ?? undefined;
  const slowGemm = 'transposed operands take a 4–20x slower GEMM path (Dense gradients 7–15x faster)';
  const noDepthwise = 'missing on wasm: DepthwiseConv2D/SeparableConv2D could not train';
  const slowDepthwise = 'stock kernel reads every element through TensorBuffer.get (≈20x slower)';
  const wrap = (name: string, why: string, make: (stock: KernelConfig) => KernelConfig) => {
    const s = stock(name, 'wasm');
    return s ? [{ config: make(s), why }] : [];
  };
  return [
    {
      config: cpuConv2dFilterGradConfig(stock('Conv2DBackpropFilter', 'cpu')),
      why: 'stock kernel is ≈200–250x slower (90% of a CNN step)',
    },
    { config: wasmConv2dFilterGradConfig(), why: 'missing on wasm: no CNN could train' },
    ...wrap('BatchMatMul', slowGemm, explicitTransposeConfig),
    ...wrap('_FusedMatMul', slowGemm, explicitTransposeConfig),
    ...wrap('Conv2DBackpropInput', 'stock kernel is ≈3x slower than the same XNNPACK conv', wasmConv2dInputGradConfig),
    { config: segmentSumConfig('wasm'), why: 'missing on wasm: no Embedding could train' },
    { config: segmentSumConfig('cpu'), why: 'stock kernel is O(vocabulary × tokens × width): 8 s vs 9 ms at vocabulary 2000' },
    { config: maxPoolGradConfig('wasm'), why: 'stock kernel is ≈3x slower' },
    { config: maxPoolGradConfig('cpu'), why: 'stock kernel is ≈20x slower' },
    { config: depthwiseFilterGradConfig('wasm'), why: noDepthwise },
    { config: depthwiseInputGradConfig('wasm'), why: noDepthwise },
    { config: depthwiseFilterGradConfig('cpu'), why: slowDepthwise },
    { config: depthwiseInputGradConfig('cpu'), why: slowDepthwise },
  ];
}

/**
 * Registers every Netwright kernel (idempotent: later calls return the first call's list).
 * Call before training on the cpu or wasm backend; harmless when tfjs-node is in use.
 */
export function registerNetwrightKernels(): readonly InstalledKernel[] {
  if (installed) return installed;
  const done: InstalledKernel[] = [];
  for (const { config, why } of plan()) {
    const backendName = config.backendName as 'cpu' | 'wasm';
    const replaced = tf.getKernel(config.kernelName, backendName) ?? undefined;
    if (replaced) tf.unregisterKernel(config.kernelName, backendName);
    tf.registerKernel(config);
    done.push({ kernelName: config.kernelName, backendName, why, replaced });
  }
  installed = done;
  return installed;
}

/** Puts the stock kernels back (removes the ones the backend never had). For benchmarks and tests. */
export function restoreStockKernels(): void {
  if (!installed) return;
  for (const k of [...installed].reverse()) {
    tf.unregisterKernel(k.kernelName, k.backendName);
    if (k.replaced) tf.registerKernel(k.replaced);
  }
  installed = null;
}

/** Whether our kernels are currently installed. */
export function netwrightKernelsInstalled(): boolean {
  return installed !== null;
}
