/**
 * Chooses the fastest backend that can train a given graph, and says why faster ones were not used:
 *
 *   1. tfjs-node-gpu — only if it loads AND its TensorFlow found a CUDA GPU. If it loads without
 *      one, its libtensorflow still runs on the CPU and we use it that way: loading tfjs-node as
 *      well would put two libtensorflows in one process.
 *   2. tfjs-node — libtensorflow on all cores.
 *   3. wasm — XNNPACK with SIMD on one thread, only when every kernel the graph needs (forward and
 *      backward) is registered for wasm after Netwright's kernels are installed.
 *   4. cpu — plain JS, always available.
 */
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { registerNetwrightKernels } from '../kernels/register.js';
import { kernelsForLayers, missingKernels } from './layer-kernels.js';
import { firstLine, type ModuleLoader, type NativePackage, type NativeProbe, nodeRequire, probeNative } from './native-loader.js';
import { ensureWasmBackend } from './wasm-setup.js';

export type BackendId = 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';

/** A faster backend that was not used, and why (shown to the user at run start). */
export interface BackendReason {
  backend: BackendId;
  why: string;
}

export interface BackendChoice {
  backend: BackendId;
  /** The tfjs backend name now active: 'tensorflow' for both native packages. */
  tfjsBackend: 'tensorflow' | 'wasm' | 'cpu';
  device: 'gpu' | 'cpu';
  reasons: BackendReason[];
  /** Threads doing the math: all cores for libtensorflow, one for wasm (no threads in Node) and cpu. */
  threads: number;
}

export interface SelectOptions {
  /** Layer types of the graph (catalog names); mapped to kernels with LAYER_KERNELS. */
  layerTypes?: readonly string[];
  /** Kernel names the training step runs (e.g. from traceKernels), checked in addition. */
  requiredKernels?: readonly string[];
  /** Backends the user turned off. */
  exclude?: readonly BackendId[];
  /** How to require tfjs-node(-gpu); tests pass a fake. Defaults to the real require. */
  load?: ModuleLoader;
}

export const GPU_REQUIREMENT = 'needs an NVIDIA GPU with CUDA 11.2 + cuDNN 8.1 (Linux/Windows x64)';

const SAME_AS_GPU_PACKAGE = 'not loaded: tfjs-node-gpu already provides libtensorflow on the CPU in this process';

/** Human wording for a failed native probe. */
export function describeProbe(p: Exclude<NativeProbe, { status: 'loaded' }>): string {
  switch (p.status) {
    case 'not-installed':
      return `not installed (${p.message})`;
    case 'load-failed':
      return `installed but failed to load (${p.message})`;
    case 'refused':
      return `not loaded: ${p.message}`;
  }
}

async function activateNative(p: Extract<NativeProbe, { status: 'loaded' }>): Promise<boolean> {
  // tfjs-node activates 'tensorflow' when required; set it again in case something switched since.
  return (await p.module.setBackend?.('tensorflow')) ?? false;
}

/** Picks, activates and reports the backend (see the module comment for the order). */
export async function selectBackend(options: SelectOptions = {}): Promise<BackendChoice> {
  const load = options.load ?? nodeRequire;
  const excluded = new Set(options.exclude ?? []);
  const reasons: BackendReason[] = [];
  const cores = os.availableParallelism();

  // 1 + 2: the native packages, never both.
  let gpuPackageLoaded = false;
  const natives: [BackendId, NativePackage][] = [
    ['tfjs-node-gpu', '@tensorflow/tfjs-node-gpu'],
    ['tfjs-node', '@tensorflow/tfjs-node'],
  ];
  for (const [id, pkg] of natives) {
    if (excluded.has(id)) {
      reasons.push({ backend: id, why: 'turned off in the settings' });
      continue;
    }
    if (id === 'tfjs-node' && gpuPackageLoaded) {
      reasons.push({ backend: id, why: 'not loaded: tfjs-node-gpu is already loaded in this process (the two must never load together)' });
      continue;
    }
    const probe = probeNative(pkg, load);
    if (probe.status !== 'loaded') {
      reasons.push({ backend: id, why: describeProbe(probe) });
      continue;
    }
    const gpuPackage = id === 'tfjs-node-gpu';
    if (gpuPackage) gpuPackageLoaded = true;
    if (gpuPackage && !probe.gpu) {
      reasons.push({ backend: id, why: `loaded but found no CUDA GPU — ${GPU_REQUIREMENT}; running its libtensorflow on the CPU` });
    }
    if (await activateNative(probe)) {
      if (gpuPackage && !probe.gpu) reasons.push({ backend: 'tfjs-node', why: SAME_AS_GPU_PACKAGE });
      return { backend: id, tfjsBackend: 'tensorflow', device: probe.gpu ? 'gpu' : 'cpu', reasons, threads: cores };
    }
    reasons.push({ backend: id, why: "loaded but the 'tensorflow' backend failed to initialize" });
  }

  // 3: wasm, when every needed kernel exists there (ours included).
  registerNetwrightKernels();
  const wasmWhy = await wasmBlocker(options, excluded);
  if (!wasmWhy) {
    const info = await ensureWasmBackend();
    if (await tf.setBackend('wasm')) {
      return { backend: 'wasm', tfjsBackend: 'wasm', device: 'cpu', reasons, threads: info.threads };
    }
    reasons.push({ backend: 'wasm', why: 'the wasm backend failed to initialize' });
  } else {
    reasons.push({ backend: 'wasm', why: wasmWhy });
  }

  // 4: cpu. Excluding it too is not an option: something must train.
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend failed to initialize');
  return { backend: 'cpu', tfjsBackend: 'cpu', device: 'cpu', reasons, threads: 1 };
}

/** Why wasm cannot train this graph, or null if it can. */
async function wasmBlocker(options: SelectOptions, excluded: ReadonlySet<BackendId>): Promise<string | null> {
  if (excluded.has('wasm')) return 'turned off in the settings';
  const { kernels, unknownTypes } = kernelsForLayers(options.layerTypes ?? []);
  if (unknownTypes.length > 0) return `unknown kernel needs for layer type(s) ${unknownTypes.join(', ')}`;
  const missing = missingKernels([...new Set([...kernels, ...(options.requiredKernels ?? [])])], 'wasm');
  if (missing.length > 0) return `lacks the kernel(s) ${missing.join(', ')} this graph needs`;
  try {
    await ensureWasmBackend();
  } catch (e) {
    return `failed to load (${firstLine(e)})`;
  }
  return null;
}
