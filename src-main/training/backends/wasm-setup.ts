/**
 * Starts tfjs's wasm backend in Node from the .wasm files inside node_modules.
 *
 * In plain Node, Emscripten would find the binaries next to tf-backend-wasm.node.js anyway,
 * but bundlers and Electron's asar move that script, so we resolve the package folder and hand
 * it to `setWasmPaths` (it must be called before the backend first initializes; afterwards it
 * throws). Node gets the SIMD binary: the WASM_HAS_SIMD_SUPPORT probe passes on Node 20+.
 * Threads are never used in Node: tfjs hard-codes WASM_HAS_MULTITHREAD_SUPPORT to false there
 * (tfjs issue 3830), so XNNPACK runs on one thread.
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What the wasm backend reported when it started. */
export interface WasmInfo {
  simd: boolean;
  threads: number;
  /** Folder the .wasm binaries were loaded from (with a trailing separator). */
  wasmDir: string;
}

let pathsSet = false;
let started: Promise<WasmInfo> | null = null;

/** The folder holding tfjs-backend-wasm's .wasm binaries. */
export function wasmBinaryDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + path.sep;
}

/**
 * Initializes the wasm backend once (later calls share the result). If another backend was
 * active it stays active, so this is safe to call just to probe. Rejects if the binary cannot load.
 */
export function ensureWasmBackend(): Promise<WasmInfo> {
  if (!started) {
    started = (async () => {
      const wasmDir = wasmBinaryDir();
      if (!pathsSet) {
        setWasmPaths(wasmDir);
        pathsSet = true;
      }
      const previous = tf.engine().backendName;
      const ok = await tf.setBackend('wasm');
      if (!ok) throw new Error('the wasm backend failed to initialize');
      const info: WasmInfo = {
        simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
        threads: getThreadsCount(),
        wasmDir,
      };
      if (previous && previous !== 'wasm') await tf.setBackend(previous);
      return info;
    })();
    // A failed start may be retried (e.g. after fixing the path); keep only successes.
    started.catch(() => {
      started = null;
    });
  }
  return started;
}
