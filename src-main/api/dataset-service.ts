/**
 * dataset:* calls: inspect a dataset for the dataset panel (with `dataset:progress` events) and
 * preview augmentation. Paths go through the policy (browser mode's roots); the heavy modules
 * (sharp, the dataset layer) load on first use so the app starts without them.
 */
import { DEFAULT_SPLIT_FRACTIONS } from '../../src-shared/training/dataset-types.js';
import type { CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import { DatasetError } from '../datasets/dataset-error.js';
import { ApiFailure } from './api-failure.js';
import { throttleProgress, type EventSink } from './events.js';
import type { PathPolicy } from './path-policy.js';
import { resolveRequestSource } from './run-paths.js';

/** The seed a new project trains with (DEFAULT_TRAINING.seed), so default inspections match training. */
const DEFAULT_SEED = 42;

export interface DatasetServiceOptions {
  paths: PathPolicy;
  emit: EventSink;
  /** Where decoded images are cached; the trainer gets the same folder, so it reuses the import. */
  cacheDir: string;
}

export type DatasetHandlers = {
  [K in 'dataset:inspect' | 'dataset:augmentPreview']: (request: CallRequest<K>) => Promise<CallResponse<K>>;
};

/** Creates the dataset:* handlers. */
export function createDatasetHandlers(options: DatasetServiceOptions): DatasetHandlers {
  const { paths, emit } = options;
  return {
    async 'dataset:inspect'(request) {
      const source = await resolveRequestSource(paths, request.source, request.projectPath);
      const { inspectDataset } = await import('./dataset-inspect.js');
      return asUserError(() =>
        inspectDataset({
          source,
          ...(request.sampleShape ? { sampleShape: request.sampleShape } : {}),
          seed: request.seed ?? DEFAULT_SEED,
          split: request.split ?? DEFAULT_SPLIT_FRACTIONS,
          cacheDir: options.cacheDir,
          onProgress: throttleProgress((p) => emit('dataset:progress', { phase: p.phase, done: p.done, total: p.total })),
        }),
      );
    },

    async 'dataset:augmentPreview'(request) {
      const source = await resolveRequestSource(paths, request.source, request.projectPath);
      const { augmentPreview } = await import('./augment-preview.js');
      return asUserError(() =>
        augmentPreview({
          source,
          augmentation: request.augmentation,
          count: request.count,
          seed: request.seed ?? 0,
          ...(request.sampleShape ? { sampleShape: request.sampleShape } : {}),
        }),
      );
    },
  };
}

/** A dataset the loaders refuse (no class folders, a bad CSV cell) is the user's to fix: BAD_REQUEST with their message. */
async function asUserError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DatasetError) throw new ApiFailure('BAD_REQUEST', error.message);
    throw error;
  }
}
