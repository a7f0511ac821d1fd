/**
 * Turns the live run into chart points incrementally: each frame only the batch points added
 * since the last frame are smoothed and appended, so a long run costs the same per frame as a
 * short one. Epoch series are rebuilt (one point per epoch, a handful).
 */
import type { EpochMetrics } from '../../src-shared/training/protocol.js';
import type { BatchPoint, LiveRun } from '../state/training-store.js';

export interface XY {
  x: number;
  y: number;
}

/**
 * Exponential moving average with bias correction (as TensorBoard smooths): without the
 * correction the first points would be pulled towards zero.
 */
export function createEma(beta: number): (value: number) => number {
  let average = 0;
  let n = 0;
  return (value) => {
    n += 1;
    average = beta * average + (1 - beta) * value;
    return beta === 0 ? value : average / (1 - beta ** n);
  };
}

export interface BatchSeries {
  runKey: string | null;
  consumed: number;
  points: XY[];
  smooth: (value: number) => number;
}

export function emptyBatchSeries(beta: number): BatchSeries {
  return { runKey: null, consumed: 0, points: [], smooth: createEma(beta) };
}

/** Which run a series belongs to: a new run (or a restart) starts the series over. */
export const runKey = (run: LiveRun | null): string | null => (run ? `${run.startedAt}|${run.id ?? ''}` : null);

/**
 * Appends the run's new batch points (picked and smoothed) to `series`; returns true when the
 * points changed. A different run resets the series first.
 */
export function syncBatchSeries(series: BatchSeries, run: LiveRun | null, pick: (b: BatchPoint) => number | null, beta: number): boolean {
  const key = runKey(run);
  let changed = false;
  if (key !== series.runKey) {
    series.runKey = key;
    series.consumed = 0;
    series.points = [];
    series.smooth = createEma(beta);
    changed = true;
  }
  if (!run) return changed;
  for (let i = series.consumed; i < run.batchCount; i++) {
    const b = run.batches[i]!;
    const y = pick(b);
    if (y !== null && Number.isFinite(y)) series.points.push({ x: b.x, y: series.smooth(y) });
  }
  if (run.batchCount !== series.consumed) changed = true;
  series.consumed = run.batchCount;
  return changed;
}

/** One point per finished epoch, at the epoch's end on the x axis. */
export function epochPoints(history: readonly EpochMetrics[], pick: (m: EpochMetrics) => number | null): XY[] {
  const out: XY[] = [];
  for (const m of history) {
    const y = pick(m);
    if (y !== null && Number.isFinite(y)) out.push({ x: m.epoch, y });
  }
  return out;
}

/**
 * A learning-rate staircase: the rate of epoch e holds from e − 1 to e, so each rate is a point
 * at its epoch's start plus one closing point at the end (drawn with chart.js `stepped: 'before'`: horizontal first).
 */
export function rateSteps(rates: readonly { epoch: number; rate: number }[]): XY[] {
  const out = rates.filter((r) => Number.isFinite(r.rate)).map((r) => ({ x: r.epoch - 1, y: r.rate }));
  const last = rates[rates.length - 1];
  if (last && Number.isFinite(last.rate)) out.push({ x: last.epoch, y: last.rate });
  return out;
}
