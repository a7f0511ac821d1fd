/**
 * `netwright train <project|template> [--data …] [--epochs N] …`: validates and compiles the
 * project, merges its training settings with the flags, and trains in a trainer process through
 * the same host the app uses. The trainer writes model.json, history.json and run-summary.json.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { compileToKeras } from '../../../src-shared/compile/to-keras.js';
import { taskFromDataset, validateDocument } from '../../../src-shared/graph/validate.js';
import type { BackendName, OptimizerName, TrainSettings } from '../../../src-shared/training/protocol.js';
import { loadModelFile } from '../../projects/load-model-file.js';
import { dataSourceFromArgument, DataSourceError, resolveDataSource, trainSettingsFromProject } from '../../training/host/run-setup.js';
import { TrainingHost, type StartCommand } from '../../training/host/training-host.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';
import { createProgressPrinter } from '../train-progress.js';

export const TRAIN_USAGE =
  'netwright train <project|template> [--data mnist|<folder>|<file.csv>] [--epochs N] [--batch N] [--lr X] [--optimizer sgd|adam|rmsprop|adagrad] [--seed N] [--backend B] [--out DIR] [--json]';

const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam', 'rmsprop', 'adagrad'];
const BACKENDS: readonly BackendName[] = ['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'];

const OPTIONS = {
  data: { type: 'string' },
  epochs: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  optimizer: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Parses a whole number flag within [min, max], or says what was wrong with it. */
function integerFlag(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new CliError(`--${name} must be a whole number, got "${value}"`, 2);
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${n}`, 2);
  return n;
}

function choiceFlag<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(choices as readonly string[]).includes(value))
    throw new CliError(`unknown --${name} "${value}"; choose one of ${choices.join(', ')}`, 2);
  return value as T;
}

/** The flags on top of the project's settings; every value checked before any process starts. */
export function applyTrainFlags(base: TrainSettings, flags: Record<string, string | boolean | undefined>): TrainSettings {
  const str = (k: string) => flags[k] as string | undefined;
  const settings = { ...base };
  const epochs = integerFlag('epochs', str('epochs'), 1, 100_000);
  const batch = integerFlag('batch', str('batch'), 1, 1_000_000);
  const seed = integerFlag('seed', str('seed'), 0, 2 ** 31 - 1);
  const optimizer = choiceFlag('optimizer', str('optimizer'), OPTIMIZERS);
  const backend = choiceFlag('backend', str('backend'), BACKENDS);
  if (epochs !== undefined) settings.epochs = epochs;
  if (batch !== undefined) settings.batchSize = batch;
  if (seed !== undefined) settings.seed = seed;
  if (optimizer !== undefined) settings.optimizer = optimizer;
  if (backend !== undefined) settings.backend = backend;
  const lr = str('lr');
  if (lr !== undefined) {
    const n = Number(lr);
    if (lr.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 10)
      throw new CliError(`--lr must be a number above 0 and at most 10, got "${lr}"`, 2);
    settings.learningRate = n;
  }
  return settings;
}

/** `2025-01-31-142530`: sortable, and safe in every file system. */
function timestamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** What tests swap: the host (and so the trainer process it spawns). */
export interface TrainDeps {
  host?: TrainingHost;
}

export async function runTrain(args: string[], io: CliIo, deps: TrainDeps = {}): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  if (positionals.length !== 1) throw new CliError(`train takes one project, got ${positionals.length}. Usage: ${TRAIN_USAGE}`, 2);
  const { doc, source, warnings } = await loadModelFile(positionals[0]!);
  const json = values.json === true;
  if (!json) for (const w of warnings) io.err(`note: ${w}`);

  const projectDir = path.dirname(path.resolve(source));
  const datasetSetting = values.data !== undefined ? dataSourceFromArgument(values.data, doc.dataset) : doc.dataset;
  if (!datasetSetting) throw new CliError(`${source} names no dataset; pass --data mnist|<folder>|<file.csv>`, 2);
  // --data paths are the user's, relative to where they typed; project paths are relative to the project.
  const data = await resolveDataSource(datasetSetting, values.data !== undefined ? process.cwd() : projectDir).catch((e: unknown) => {
    throw e instanceof DataSourceError ? new CliError(e.message) : e;
  });
  const settings = applyTrainFlags(trainSettingsFromProject(doc.training), values);

  const { findings } = validateDocument(doc, taskFromDataset(datasetSetting));
  const errors = findings.filter((f) => f.severity === 'error');
  const compiled = errors.length === 0 ? compileToKeras(doc) : null;
  if (!compiled?.ok) {
    const list = (compiled ? compiled.findings.filter((f) => f.severity === 'error') : errors).map(
      (f) => `  error ${f.code}: ${f.message}`,
    );
    throw new CliError(`${source} cannot be trained: ${list.length} error${list.length === 1 ? '' : 's'}\n${list.join('\n')}`);
  }

  const slug = path
    .basename(source)
    .replace(/\.(nwproj|json)$/i, '')
    .replace(/[^\w.-]+/g, '-');
  const runId = `${slug}-${timestamp()}`;
  const outDir = path.resolve(values.out ?? path.join('runs', runId));
  await mkdir(outDir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`cannot create the output folder ${outDir} (${e.code ?? e.message})`);
  });

  const command: StartCommand = { type: 'start', runId, model: compiled.model, data, settings, outDir };
  const run = (deps.host ?? new TrainingHost()).startRun(command);
  if (!json)
    io.out(
      `Training ${doc.name} for ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'} (${settings.optimizer}, lr ${settings.learningRate}, batch ${settings.batchSize}, seed ${settings.seed}) → ${outDir}`,
    );

  // Ctrl-C once stops cleanly (the trainer still saves); twice ends the process at once.
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts === 1) {
      io.err('Interrupted: the run stops and saves after this batch (Ctrl-C again kills the trainer at once).');
      run.stop();
    } else run.kill();
  };
  process.on('SIGINT', onInterrupt);
  const print = createProgressPrinter(io, { json, batchSize: settings.batchSize, epochs: settings.epochs });
  try {
    for await (const event of run) print(event);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  const final = await run.done;
  if (final.type === 'error') {
    // Add where it happened unless the message already says so (crash reports and NaN losses do).
    const said = /\bepoch \d/i.test(final.message);
    const where =
      !said && final.epoch !== undefined ? ` (epoch ${final.epoch}${final.batch !== undefined ? `, batch ${final.batch}` : ''})` : '';
    throw new CliError(`training failed [${final.code}]${where}: ${final.message}`);
  }
  return 0;
}
