/**
 * How run facts read on screen: percentages, losses, times, settings in one line. One place,
 * so the runs list, the comparison table and the export dialog say the same thing the same way.
 */
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { LearningRateSchedule, TrainSettings } from '../../src-shared/training/protocol.js';

export const STATUS_LABEL: Record<StoredRun['status'], string> = {
  running: 'Running',
  completed: 'Completed',
  stopped: 'Stopped',
  'early-stopped': 'Early-stopped',
  failed: 'Failed',
};

const OPTIMIZER_LABEL: Record<TrainSettings['optimizer'], string> = { sgd: 'SGD', adam: 'Adam', rmsprop: 'RMSprop', adagrad: 'Adagrad' };

export const DASH = '—';

/** 0.9834 → "98.3%"; null → "—". */
export function pct(v: number | null | undefined, digits = 1): string {
  return v == null || !Number.isFinite(v) ? DASH : `${(v * 100).toFixed(digits)}%`;
}

/** Losses and errors: 4 significant digits, exponent for tiny values. */
export function num(v: number | null | undefined): string {
  if (v == null || !Number.isFinite(v)) return DASH;
  if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(1);
  return Number(v.toPrecision(4)).toString();
}

/** Precision, recall, F1: three decimals, as scikit-learn's report prints them. */
export function ratio(v: number | null | undefined): string {
  return v == null || !Number.isFinite(v) ? DASH : v.toFixed(3);
}

export function lr(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(3))) : DASH;
}

/** "12 Mar, 14:02" in the user's locale. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Wall time between start and finish: "4 min 12 s", or null while unknown. */
export function duration(run: StoredRun): string | null {
  if (!run.finishedAt) return null;
  const s = Math.round((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000);
  if (!Number.isFinite(s) || s < 0) return null;
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function optimizerLabel(settings: TrainSettings): string {
  const name = OPTIMIZER_LABEL[settings.optimizer] ?? String(settings.optimizer);
  if (settings.optimizer !== 'sgd' || !settings.momentum) return name;
  return `${name} (momentum ${settings.momentum}${settings.nesterov ? ', Nesterov' : ''})`;
}

export function scheduleLabel(s: LearningRateSchedule | undefined): string {
  switch (s?.kind) {
    case undefined:
    case 'constant':
      return 'constant';
    case 'step':
      return `step ×${s.factor} every ${s.everyEpochs}`;
    case 'exponential':
      return `exponential ×${s.decay}`;
    case 'cosine':
      return 'cosine';
    case 'plateau':
      return `on plateau ×${s.factor}, patience ${s.patience}`;
    default:
      return 'custom';
  }
}

/** The settings that tell runs apart, in one line: "Adam · lr 0.001 · batch 64 · 10 epochs". */
export function settingsSummary(settings: TrainSettings): string {
  return [
    OPTIMIZER_LABEL[settings.optimizer] ?? settings.optimizer,
    `lr ${lr(settings.learningRate)}`,
    `batch ${settings.batchSize}`,
    `${settings.epochs} epochs`,
  ].join(' · ');
}
