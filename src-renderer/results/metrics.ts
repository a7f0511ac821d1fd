/**
 * Small pure computations over results: the macro average row of the per-class table and the
 * heat-map shade of a confusion-matrix cell.
 */
import type { ClassMetrics } from '../../src-shared/ipc/contract-training.js';

export interface MacroAverage {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Unweighted mean over classes (scikit-learn's "macro avg"); support is the total. */
export function macroAverage(perClass: readonly ClassMetrics[]): MacroAverage | null {
  if (perClass.length === 0) return null;
  const mean = (f: (c: ClassMetrics) => number) => perClass.reduce((s, c) => s + f(c), 0) / perClass.length;
  return {
    precision: mean((c) => c.precision),
    recall: mean((c) => c.recall),
    f1: mean((c) => c.f1),
    support: perClass.reduce((s, c) => s + c.support, 0),
  };
}

/**
 * How strongly to shade a cell, 0–1: its share of the actual class's row, so a rare class's
 * mistakes stand out as much as a common one's. A square root lifts small shares (2 of 1000)
 * enough to be seen against zero without drowning the diagonal.
 */
export function cellShade(count: number, rowTotal: number): number {
  if (count <= 0 || rowTotal <= 0) return 0;
  return Math.min(1, Math.sqrt(count / rowTotal));
}

export function rowTotals(confusion: readonly (readonly number[])[]): number[] {
  return confusion.map((row) => row.reduce((a, b) => a + b, 0));
}

/** The off-diagonal cell with the most samples (the model's commonest mistake), or null if none. */
export function biggestMistake(confusion: readonly (readonly number[])[]): { actual: number; predicted: number } | null {
  let best: { actual: number; predicted: number } | null = null;
  let most = 0;
  confusion.forEach((row, actual) =>
    row.forEach((n, predicted) => {
      if (actual !== predicted && n > most) {
        most = n;
        best = { actual, predicted };
      }
    }),
  );
  return best;
}
