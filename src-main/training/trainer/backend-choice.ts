/**
 * Picks the backend for a run through the shared selector and turns its answer into the
 * protocol's BackendReport. A backend forced in the settings that cannot run is an error, not a
 * silent fallback: forced runs are for tests and benchmarks that must know what they measure.
 */
import type { BackendName, BackendReport } from '../../../src-shared/training/protocol.js';
import { selectBackend } from '../backends/select-backend.js';
import { TrainerError } from './errors.js';

const ORDER: readonly BackendName[] = ['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'];

/** Kernels the training loop itself runs on top of the layers' (losses, packing loss + predictions). */
export const LOOP_KERNELS: readonly string[] = [
  'Concat',
  'Reshape',
  'Sum',
  'Sub',
  'Square',
  'ClipByValue',
  'Log',
  'Mean',
  'Multiply',
  'RealDiv',
  'Neg',
  'AddN',
];

/** Activates the fastest usable backend (or the forced one) for these layer types. */
export async function chooseBackend(layerTypes: readonly string[], forced?: BackendName): Promise<BackendReport> {
  const exclude = forced ? ORDER.slice(0, ORDER.indexOf(forced)) : [];
  const choice = await selectBackend({ layerTypes, requiredKernels: LOOP_KERNELS, exclude });
  if (forced && choice.backend !== forced) {
    const why = choice.reasons.find((r) => r.backend === forced)?.why ?? 'it is not available';
    throw new TrainerError('BACKEND', `The ${forced} backend was requested but cannot train this model: ${why}.`);
  }
  return {
    backend: choice.backend,
    device: choice.device,
    notUsed: choice.reasons,
    threads: choice.threads,
  };
}
