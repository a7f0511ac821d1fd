/**
 * The comparison table's rows: one per setting or result, one value per run, and whether the
 * runs differ there, so the table can point at what changed between them.
 */
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import { bestMetrics, finalMetrics, runTask } from './stored-runs.js';
import { DASH, STATUS_LABEL, duration, lr, num, optimizerLabel, pct, scheduleLabel } from './format.js';

export interface CompareRow {
  label: string;
  group: 'Settings' | 'Results';
  values: string[];
  /** At least two runs show different values (a dash counts as a value). */
  differs: boolean;
  /** Index of the best value (results only: highest accuracy, lowest loss), when the runs differ. */
  best: number | null;
}

type Pick = (run: StoredRun) => string;
type Score = (run: StoredRun) => number | null;

const SETTINGS: [string, Pick][] = [
  ['Optimizer', (r) => optimizerLabel(r.settings)],
  ['Learning rate', (r) => lr(r.settings.learningRate)],
  ['Schedule', (r) => scheduleLabel(r.settings.schedule)],
  ['Batch size', (r) => String(r.settings.batchSize)],
  ['Epochs', (r) => String(r.settings.epochs)],
  ['Seed', (r) => String(r.settings.seed)],
  ['Loss', (r) => r.settings.loss ?? 'auto'],
  ['Weight decay', (r) => (r.settings.weightDecay ? String(r.settings.weightDecay) : 'none')],
  [
    'Early stopping',
    (r) =>
      r.settings.earlyStopping
        ? `patience ${r.settings.earlyStopping.patience}${r.settings.earlyStopping.restoreBest ? ', restore best' : ''}`
        : 'off',
  ],
  ['Backend', (r) => r.backend ?? DASH],
];

const higher = (v: number | null | undefined) => (v == null ? null : v);
const lower = (v: number | null | undefined) => (v == null || !Number.isFinite(v) ? null : -v);

function results(task: 'classification' | 'regression'): [string, Pick, Score | null][] {
  const common: [string, Pick, Score | null][] = [
    ['Status', (r) => STATUS_LABEL[r.status], null],
    ['Epochs run', (r) => String(r.history.length), null],
    ['Best epoch', (r) => String(bestMetrics(r)?.epoch ?? DASH), null],
    ['Best val loss', (r) => num(bestMetrics(r)?.valLoss), (r) => lower(bestMetrics(r)?.valLoss)],
    ['Final train loss', (r) => num(finalMetrics(r)?.loss), (r) => lower(finalMetrics(r)?.loss)],
    ['Test loss', (r) => num(r.test?.loss), (r) => lower(r.test?.loss)],
  ];
  const specific: [string, Pick, Score | null][] =
    task === 'classification'
      ? [
          ['Best val accuracy', (r) => pct(bestMetrics(r)?.valAccuracy), (r) => higher(bestMetrics(r)?.valAccuracy)],
          ['Test accuracy', (r) => pct(r.test?.accuracy), (r) => higher(r.test?.accuracy)],
        ]
      : [
          ['Best val MAE', (r) => num(bestMetrics(r)?.valMae), (r) => lower(bestMetrics(r)?.valMae)],
          ['Test MAE', (r) => num(r.test?.mae), (r) => lower(r.test?.mae)],
        ];
  return [...common, ...specific, ['Duration', (r) => duration(r) ?? DASH, null]];
}

function bestIndex(runs: readonly StoredRun[], score: Score): number | null {
  let best: number | null = null;
  let bestScore = -Infinity;
  runs.forEach((r, i) => {
    const s = score(r);
    if (s !== null && s > bestScore) {
      bestScore = s;
      best = i;
    }
  });
  return best;
}

export function compareRows(runs: readonly StoredRun[]): CompareRow[] {
  const task = runs.every((r) => runTask(r) === 'regression') ? 'regression' : 'classification';
  const row = (group: CompareRow['group'], label: string, pick: Pick, score: Score | null): CompareRow => {
    const values = runs.map(pick);
    const differs = new Set(values).size > 1;
    return { label, group, values, differs, best: differs && score ? bestIndex(runs, score) : null };
  };
  return [
    ...SETTINGS.map(([label, pick]) => row('Settings', label, pick, null)),
    ...results(task).map(([label, pick, score]) => row('Results', label, pick, score)),
  ];
}
