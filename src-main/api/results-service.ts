/**
 * results:* and predict:image: a finished run's confusion matrix, per-class scores and mistakes,
 * a cell's samples, and "try it" on one picture. An evaluation is computed once per run folder and
 * split and cached, so clicking through the matrix is instant; tfjs loads on first use.
 */
import { readFile, stat } from 'node:fs/promises';
import type { CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import type { SplitName } from '../../src-shared/training/dataset-types.js';
import { DatasetError } from '../datasets/dataset-error.js';
import { ApiFailure } from './api-failure.js';
import type { PathPolicy } from './path-policy.js';
import { resolveRunDir } from './run-paths.js';
import type { RunEvaluation } from './run-evaluation.js';

/** Evaluations kept at once (each holds the split's predictions and, for images, its pixels). */
const MAX_EVALUATIONS = 4;
/** Images per results:cell unless the request says. */
const DEFAULT_CELL_LIMIT = 50;
/** The biggest picture "try it" accepts from a path (a phone photo is a few MB). */
const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

export interface ResultsServiceOptions {
  paths: PathPolicy;
  userDataDir: string;
  cacheDir: string;
}

export type ResultsHandlers = {
  [K in 'results:get' | 'results:cell' | 'predict:image']: (request: CallRequest<K>) => Promise<CallResponse<K>>;
};

/** Creates the results and predict handlers. */
export function createResultsHandlers(options: ResultsServiceOptions): ResultsHandlers {
  const evaluations = new Map<string, Promise<RunEvaluation>>();

  const evaluation = async (runDir: string, split: SplitName | undefined): Promise<RunEvaluation> => {
    const dir = await resolveRunDir(options.paths, options.userDataDir, runDir);
    const key = `${dir}\u0000${split ?? ''}`;
    const cached = evaluations.get(key);
    if (cached) return cached;
    const { evaluateRun } = await import('./run-evaluation.js');
    const computing = userErrors(() => evaluateRun(dir, split, options.cacheDir));
    evaluations.set(key, computing);
    computing.catch(() => evaluations.delete(key));
    if (evaluations.size > MAX_EVALUATIONS) evaluations.delete(evaluations.keys().next().value!);
    return computing;
  };

  return {
    async 'results:get'({ runDir, split }) {
      return (await evaluation(runDir, split)).results;
    },

    async 'results:cell'({ runDir, actual, predicted, limit, split }) {
      const ev = await evaluation(runDir, split);
      if (ev.results.task !== 'classification') throw new ApiFailure('BAD_REQUEST', 'A regression run has no confusion matrix.');
      const classes = ev.results.classNames.length;
      if (actual >= classes || predicted >= classes) throw new ApiFailure('BAD_REQUEST', `The model has ${classes} classes (0–${classes - 1}); there is no cell (${actual}, ${predicted}).`);
      const { rank, withImages } = await import('./run-evaluation.js');
      const all = rank(ev, (i) => ev.actual[i] === actual && ev.predicted[i] === predicted);
      return { items: await withImages(ev, all.slice(0, limit ?? DEFAULT_CELL_LIMIT)), total: all.length };
    },

    async 'predict:image'({ runDir, image, top }) {
      const dir = await resolveRunDir(options.paths, options.userDataDir, runDir);
      const [{ predictImage, dataUrlBytes }, { runModel }, { readRunSummary }] = await Promise.all([
        import('./predict-image.js'),
        import('./inference-backend.js'),
        import('../training/trainer/index.js'),
      ]);
      let bytes: Buffer;
      if ('path' in image) {
        const file = await options.paths.resolve(image.path, 'existing');
        if ((await stat(file)).size > MAX_IMAGE_BYTES) throw new ApiFailure('BAD_REQUEST', `${image.path} is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
        bytes = await readFile(file);
      } else bytes = dataUrlBytes(image.dataUrl);
      const summary = (await readRunSummary(dir))!;
      return predictImage(await runModel(dir), summary, bytes, top ?? 5);
    },
  };
}

/** Data that no longer loads (a moved folder, a changed CSV) is the user's to fix: BAD_REQUEST with the loader's words. */
async function userErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = (error as Error | null)?.name;
    if (error instanceof DatasetError || name === 'TrainerError') throw new ApiFailure('BAD_REQUEST', `The run's data cannot be loaded: ${(error as Error).message}`);
    throw error;
  }
}
