/**
 * Reading `doc.runs` as StoredRun records. The document schema keeps runs loose (id and start
 * time only), because a project file may come from an older app or a hand edit; here every
 * record becomes a complete StoredRun with safe defaults, so the views never meet `undefined`.
 */
import type { ProjectDocument, RunRecord } from '../../src-shared/graph/document.js';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { EpochMetrics, TrainSettings } from '../../src-shared/training/protocol.js';

const STATUSES: readonly StoredRun['status'][] = ['running', 'completed', 'stopped', 'early-stopped', 'failed'];

/** Runs whose model was saved: they have results and can be exported. */
export const FINISHED: ReadonlySet<StoredRun['status']> = new Set(['completed', 'stopped', 'early-stopped']);

const cache = new WeakMap<readonly RunRecord[], StoredRun[]>();

/** The document's runs as StoredRun records, newest first; the same array for the same `doc.runs`. */
export function storedRuns(doc: ProjectDocument): StoredRun[] {
  const hit = cache.get(doc.runs);
  if (hit) return hit;
  const runs = doc.runs.map(asStoredRun).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  cache.set(doc.runs, runs);
  return runs;
}

export function finishedRuns(doc: ProjectDocument): StoredRun[] {
  return storedRuns(doc).filter((r) => FINISHED.has(r.status));
}

export function hasFinishedRun(doc: ProjectDocument): boolean {
  return storedRuns(doc).some((r) => FINISHED.has(r.status));
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function asEpoch(value: unknown, i: number): EpochMetrics {
  const m = (value ?? {}) as Record<string, unknown>;
  return {
    epoch: num(m.epoch) ?? i + 1,
    loss: num(m.loss) ?? Number.NaN,
    valLoss: num(m.valLoss),
    accuracy: num(m.accuracy),
    valAccuracy: num(m.valAccuracy),
    mae: num(m.mae),
    valMae: num(m.valMae),
    learningRate: num(m.learningRate) ?? Number.NaN,
  };
}

/** One record of `doc.runs`, completed with defaults where a field is missing or malformed. */
export function asStoredRun(record: RunRecord): StoredRun {
  const r = record as Record<string, unknown>;
  const status = STATUSES.includes(r.status as StoredRun['status']) ? (r.status as StoredRun['status']) : 'failed';
  const settings = (typeof r.settings === 'object' && r.settings !== null ? r.settings : {}) as Partial<TrainSettings>;
  const test = r.test as StoredRun['test'] | undefined;
  const finishedAt = str(r.finishedAt);
  const backend = str(r.backend);
  const error = str(r.error);
  const classNames = Array.isArray(r.classNames) ? r.classNames.filter((c): c is string => typeof c === 'string') : undefined;
  return {
    id: record.id,
    startedAt: record.startedAt,
    ...(finishedAt ? { finishedAt } : {}),
    status,
    runDir: str(r.runDir) ?? '',
    settings: {
      ...settings,
      optimizer: settings.optimizer ?? 'adam',
      learningRate: num(settings.learningRate) ?? Number.NaN,
      batchSize: num(settings.batchSize) ?? 0,
      epochs: num(settings.epochs) ?? 0,
      seed: num(settings.seed) ?? 0,
    },
    ...(backend ? { backend } : {}),
    history: Array.isArray(r.history) ? r.history.map(asEpoch) : [],
    bestEpoch: num(r.bestEpoch),
    test:
      test && typeof test === 'object' ? { loss: num(test.loss) ?? Number.NaN, accuracy: num(test.accuracy), mae: num(test.mae) } : null,
    ...(classNames ? { classNames } : {}),
    ...(error ? { error } : {}),
  };
}

/** Classification when any accuracy was measured; regression runs report MAE instead. */
export function runTask(run: StoredRun): 'classification' | 'regression' {
  if (run.test?.accuracy != null || run.history.some((m) => m.accuracy !== null || m.valAccuracy !== null)) return 'classification';
  if (run.test?.mae != null || run.history.some((m) => m.mae !== null)) return 'regression';
  return (run.classNames?.length ?? 0) > 0 ? 'classification' : 'regression';
}

/** The epoch the run kept (bestEpoch), else the one with the lowest validation loss, else the last. */
export function bestMetrics(run: StoredRun): EpochMetrics | null {
  if (run.bestEpoch !== null) {
    const kept = run.history.find((m) => m.epoch === run.bestEpoch);
    if (kept) return kept;
  }
  let best: EpochMetrics | null = null;
  for (const m of run.history) if (m.valLoss !== null && (best?.valLoss == null || m.valLoss < best.valLoss)) best = m;
  return best ?? run.history.at(-1) ?? null;
}

export function finalMetrics(run: StoredRun): EpochMetrics | null {
  return run.history.at(-1) ?? null;
}

/** Runs are numbered by start time (Run 1 is the oldest), the way people refer to them. */
export function runNumbers(runs: readonly StoredRun[]): Map<string, number> {
  const oldestFirst = [...runs].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return new Map(oldestFirst.map((r, i) => [r.id, i + 1]));
}
