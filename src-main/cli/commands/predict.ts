/**
 * `netwright predict <run-dir|model.json> <image|folder>… [--top K] [--json]`: classifies images
 * with a trained model, decoding, resizing and normalizing them exactly as its run did (the saved
 * preprocessing). Loaded lazily (it loads tfjs).
 */
import { inferenceResults } from './predict-format.js';
import { listImages, predictImages } from '../../export/inference.js';
import { loadRunForExport } from '../../export/index.js';
import { chooseBackend, savedLayerTypes } from '../../training/trainer/index.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';
import { modelDir } from './export.js';

export const PREDICT_USAGE = 'netwright predict <run-dir|model.json> <image|folder>… [--top K] [--json]';

export async function runPredict(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { top: { type: 'string' }, json: { type: 'boolean', default: false } });
  if (positionals.length < 2) throw new CliError(`predict takes a model and at least one image or folder. Usage: ${PREDICT_USAGE}`, 2);
  const k = values.top === undefined ? 3 : Number(values.top);
  if (!Number.isInteger(k) || k < 1) throw new CliError(`--top must be a whole number of at least 1, got "${values.top}"`, 2);
  const dir = await modelDir(positionals[0]!);
  const files: string[] = [];
  for (const target of positionals.slice(1)) {
    const found = await listImages(target).catch(() => {
      throw new CliError(`${target}: no such image or folder`);
    });
    if (found.length === 0) throw new CliError(`${target} holds no image files`);
    files.push(...found);
  }

  await chooseBackend(await savedLayerTypes(dir));
  const run = await loadRunForExport(dir);
  try {
    if (run.preprocessing.layout !== 'NHWC') throw new CliError(`this model takes ${run.preprocessing.layout} inputs (shape [${run.preprocessing.inputShape.join(', ')}]), not images`);
    const results = await predictImages(run.model, run.preprocessing, files, k);
    if (values.json) io.out(JSON.stringify(results));
    else for (const line of inferenceResults(results)) io.out(line);
    return results.some((r) => r.error) ? 1 : 0;
  } finally {
    run.model.dispose();
  }
}
