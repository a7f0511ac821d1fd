/**
 * `netwright evaluate <run-dir|model.json> [--data …] [--split test|validation|train|all] [--json]`:
 * scores a trained model — accuracy, per-class precision/recall/F1 and the confusion matrix, or
 * MAE/MSE/RMSE for regression. A run folder is evaluated on the same held-out test split it was
 * trained with (run-summary.json keeps the seed and fractions). Loaded lazily: it loads tfjs.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { SplitName } from '../../../src-shared/training/dataset-types.js';
import { DatasetError } from '../../datasets/index.js';
import { dataSourceFromArgument, DataSourceError, resolveDataSource } from '../../training/host/run-setup.js';
import { TrainerError } from '../../training/trainer/errors.js';
import {
  chooseBackend,
  evaluateModel,
  loadRunData,
  loadSavedModel,
  readRunSummary,
  savedLayerTypes,
  scoreConfusion,
  type Evaluation,
  type RunSummary,
} from '../../training/trainer/index.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';
import { formatEvaluation } from './evaluate-format.js';

const SPLITS: readonly (SplitName | 'all')[] = ['test', 'validation', 'train', 'all'];
const USAGE = 'netwright evaluate <run-dir|model.json> [--data mnist|<folder>|<file.csv>] [--split test|validation|train|all] [--json]';

/** Sums classification confusions; averages regression errors weighted by sample count. */
export function mergeEvaluations(parts: Evaluation[]): Evaluation {
  const first = parts[0]!;
  if (first.task === 'classification') {
    const all = parts as Extract<Evaluation, { task: 'classification' }>[];
    const confusion = first.confusion.map((row, i) => row.map((_, j) => all.reduce((n, p) => n + p.confusion[i]![j]!, 0)));
    return scoreConfusion(confusion, first.classNames);
  }
  const all = parts as Extract<Evaluation, { task: 'regression' }>[];
  const count = all.reduce((n, p) => n + p.count, 0);
  const mean = (f: (p: (typeof all)[number]) => number) => all.reduce((s, p) => s + f(p) * p.count, 0) / Math.max(1, count);
  const mse = mean((p) => p.mse);
  return { task: 'regression', count, mae: mean((p) => p.mae), mse, rmse: Math.sqrt(mse) };
}

async function modelFolder(target: string): Promise<string> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new CliError(`${target}: no such run folder or model.json`);
  const dir = info.isDirectory() ? target : path.dirname(target);
  if (info.isFile() && path.basename(target) !== 'model.json')
    throw new CliError(`${target}: expected a run folder or a TF.js model.json (with its weights beside it)`);
  if (!(await stat(path.join(dir, 'model.json')).catch(() => null)))
    throw new CliError(`${dir} has no model.json: it is not a finished run folder`);
  return dir;
}

export async function runEvaluate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    data: { type: 'string' },
    split: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new CliError(`evaluate takes one run folder or model.json. Usage: ${USAGE}`, 2);
  if (values.split !== undefined && !(SPLITS as readonly string[]).includes(values.split)) {
    throw new CliError(`unknown --split "${values.split}"; choose one of ${SPLITS.join(', ')}`, 2);
  }
  const dir = await modelFolder(positionals[0]!);
  const summary: RunSummary | null = await readRunSummary(dir);
  if (!summary && values.data === undefined)
    throw new CliError(`${dir} has no run-summary.json, so the data is unknown: pass --data mnist|<folder>|<file.csv>`, 2);
  const source =
    values.data !== undefined
      ? await resolveDataSource(
          dataSourceFromArgument(values.data, summary?.data.kind === 'csv' ? { ...summary.data } : null),
          process.cwd(),
        ).catch((e: unknown) => {
          throw e instanceof DataSourceError ? new CliError(e.message) : e;
        })
      : summary!.data;
  // A model trained elsewhere has no held-out split of ours: score it on everything.
  const split = (values.split ?? (summary ? 'test' : 'all')) as SplitName | 'all';

  const backend = await chooseBackend(await savedLayerTypes(dir));
  const model = await loadSavedModel(dir);
  let evaluation: Evaluation;
  try {
    const inputShape = summary?.preprocessing.inputShape ?? (model.inputs[0]!.shape.slice(1) as number[]);
    const data = await loadRunData(source, {
      inputShape,
      seed: summary?.settings.seed ?? 42,
      ...(summary?.settings.split ? { split: summary.settings.split } : {}),
    });
    const classNames = summary?.preprocessing.classNames ?? data.report.classNames;
    const task = summary?.task ?? data.report.task;
    if (task === 'classification' && data.report.classNames.join('\n') !== classNames.join('\n')) {
      throw new DatasetError(
        `the data has classes ${data.report.classNames.join(', ')} but the model was trained on ${classNames.join(', ')}`,
      );
    }
    const splits: SplitName[] = split === 'all' ? ['train', 'validation', 'test'] : [split];
    const parts: Evaluation[] = [];
    for (const s of splits) {
      if (data.splits[s].count > 0) parts.push(await evaluateModel(model, data.splits[s], { task, classNames, batchSize: 256 }));
    }
    if (parts.length === 0) throw new CliError(`the ${split} split of this data is empty; try --split all`);
    evaluation = mergeEvaluations(parts);
  } catch (e) {
    if (e instanceof DatasetError || e instanceof TrainerError) throw new CliError(e.message);
    throw e;
  } finally {
    model.dispose();
  }

  if (values.json) {
    io.out(JSON.stringify({ model: dir, runId: summary?.runId ?? null, data: source, split, backend: backend.backend, ...evaluation }));
    return 0;
  }
  const origin = summary
    ? ` (run ${summary.runId}: ${summary.epochsRun} epoch${summary.epochsRun === 1 ? '' : 's'} on ${summary.backend.backend})`
    : '';
  io.out(`Model: ${dir}${origin}`);
  io.out(
    `Data: ${source.kind === 'mnist' ? 'built-in MNIST' : source.path}, ${split === 'all' ? 'all splits' : `${split} split`}: ${evaluation.count.toLocaleString('en-US')} samples (evaluated on ${backend.backend})`,
  );
  io.out('');
  io.out(formatEvaluation(evaluation));
  return 0;
}
