/**
 * What `netwright doctor` reports about training here: which backends load, whether a GPU is
 * used and why not, threads and memory. It probes the same way selection does (one native
 * package per process at most), so run it in a fresh process for a complete answer.
 */
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import v8 from 'node:v8';
import { type ModuleLoader, type NativePackage, nodeRequire, probeNative } from './native-loader.js';
import { type BackendId, describeProbe, GPU_REQUIREMENT } from './select-backend.js';
import { ensureWasmBackend, wasmBinaryDir } from './wasm-setup.js';

export interface BackendStatus {
  backend: BackendId;
  available: boolean;
  /** One line: version and device when available, the reason when not. */
  detail: string;
  threads?: number;
}

export interface EnvironmentReport {
  node: string;
  platform: string;
  tfjs: string;
  cpu: { model: string; logicalCores: number; usableThreads: number };
  memory: { totalBytes: number; freeBytes: number; processRssBytes: number; jsHeapLimitBytes: number };
  gpu: { used: boolean; why: string };
  backends: BackendStatus[];
}

/** Probes every backend (the native ones through `load`, injectable for tests). */
export async function describeEnvironment(load: ModuleLoader = nodeRequire): Promise<EnvironmentReport> {
  const previous = tf.engine().backendName;
  const cpus = os.cpus();
  const cores = os.availableParallelism();
  const backends: BackendStatus[] = [];
  let gpu = { used: false, why: '' };

  const natives: [BackendId, NativePackage][] = [
    ['tfjs-node-gpu', '@tensorflow/tfjs-node-gpu'],
    ['tfjs-node', '@tensorflow/tfjs-node'],
  ];
  for (const [id, pkg] of natives) {
    const p = probeNative(pkg, load);
    if (p.status === 'loaded') {
      const device = p.gpu ? 'CUDA GPU' : 'CPU';
      backends.push({
        backend: id,
        available: true,
        detail: `${pkg} ${p.version ?? ''} on the ${device}`.replace('  ', ' '),
        threads: cores,
      });
      if (id === 'tfjs-node-gpu') {
        gpu = p.gpu
          ? { used: true, why: 'tfjs-node-gpu found a CUDA GPU' }
          : { used: false, why: `tfjs-node-gpu loaded but found no CUDA GPU — ${GPU_REQUIREMENT}` };
      }
    } else {
      backends.push({ backend: id, available: false, detail: describeProbe(p) });
      if (id === 'tfjs-node-gpu') gpu = { used: false, why: `tfjs-node-gpu ${describeProbe(p)}; ${GPU_REQUIREMENT}` };
    }
  }

  try {
    const w = await ensureWasmBackend();
    const simd = w.simd ? 'SIMD' : 'no SIMD';
    backends.push({
      backend: 'wasm',
      available: true,
      detail: `XNNPACK, ${simd}, ${w.threads} thread (tfjs disables wasm threads in Node); binaries in ${w.wasmDir}`,
      threads: w.threads,
    });
  } catch (e) {
    const message = (e as { message?: string })?.message ?? String(e);
    backends.push({ backend: 'wasm', available: false, detail: `failed to load from ${wasmBinaryDir()} (${message})` });
  }
  backends.push({ backend: 'cpu', available: true, detail: 'plain JavaScript, one thread', threads: 1 });
  if (previous && tf.getBackend() !== previous) await tf.setBackend(previous);

  const mem = process.memoryUsage();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    tfjs: tf.version.tfjs ?? 'unknown',
    cpu: { model: cpus[0]?.model.trim() ?? 'unknown', logicalCores: cpus.length, usableThreads: cores },
    memory: {
      totalBytes: os.totalmem(),
      freeBytes: os.freemem(),
      processRssBytes: mem.rss,
      jsHeapLimitBytes: v8.getHeapStatistics().heap_size_limit,
    },
    gpu,
    backends,
  };
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/** The report as the lines `netwright doctor` prints. */
export function formatEnvironment(r: EnvironmentReport): string {
  const lines = [
    `Node ${r.node} (${r.platform}), TensorFlow.js ${r.tfjs}`,
    `CPU: ${r.cpu.model}, ${r.cpu.logicalCores} logical cores, ${r.cpu.usableThreads} usable`,
    `Memory: ${gib(r.memory.totalBytes)} total, ${gib(r.memory.freeBytes)} free; this process ${gib(r.memory.processRssBytes)}, JS heap limit ${gib(r.memory.jsHeapLimitBytes)}`,
    `GPU: ${r.gpu.used ? 'used' : 'not used'} — ${r.gpu.why}`,
    'Backends (fastest first):',
    ...r.backends.map((b) => `  ${b.available ? '✓' : '✗'} ${b.backend}: ${b.detail}`),
  ];
  return lines.join('\n');
}
