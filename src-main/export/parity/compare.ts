/**
 * The parity verdict: the exported artifact's outputs against the app's own predictions on the
 * same held-out samples. Pass = every top-1 class agrees and max |Δ| ≤ 1e-4 (scaled by the
 * output's magnitude when it exceeds 1, so regression outputs in the hundreds are judged fairly).
 */

/** Held-out inputs, row-major [count, ...shape], in the model's own input layout and dtype. */
export interface SampleSet {
  x: Float32Array | Int32Array;
  count: number;
  /** Per-sample input shape. */
  shape: number[];
  /** Labels for train.py's sample data: class indices or regression targets (optional). */
  y?: Int32Array | Float32Array;
  /** Where the samples came from, for the report ("MNIST test split", "random inputs", …). */
  source: string;
}

/** Outputs of one runtime on a SampleSet: row-major [count, units]. */
export interface Predictions {
  data: Float32Array;
  count: number;
  units: number;
}

export interface ParityNumbers {
  samples: number;
  /** Percentage of samples whose arg-max class agrees (100 for a one-unit output compared by threshold 0.5). */
  top1Agreement: number;
  maxAbsDiff: number;
  tolerance: number;
  pass: boolean;
}

/** Absolute tolerance on probabilities; multiplied by max(1, max |reference|). */
export const PARITY_TOLERANCE = 1e-4;

/** Compares `candidate` with `reference` (same sample order). */
export function compareOutputs(reference: Predictions, candidate: Predictions): ParityNumbers {
  if (reference.count !== candidate.count || reference.data.length !== candidate.data.length) {
    throw new Error(`parity: shapes differ (${reference.count}×${reference.units} vs ${candidate.count}×${candidate.units})`);
  }
  let maxAbsDiff = 0;
  let scale = 1;
  for (let i = 0; i < reference.data.length; i++) {
    const r = reference.data[i]!;
    const d = Math.abs(r - candidate.data[i]!);
    // NaN must fail, and Math.max would drop it.
    maxAbsDiff = Number.isNaN(d) || d > maxAbsDiff ? (Number.isNaN(d) ? Infinity : d) : maxAbsDiff;
    scale = Math.max(scale, Math.abs(r));
  }
  let agree = 0;
  for (let s = 0; s < reference.count; s++) if (top1(reference, s) === top1(candidate, s)) agree++;
  const tolerance = PARITY_TOLERANCE * scale;
  const top1Agreement = reference.count === 0 ? 100 : (100 * agree) / reference.count;
  return { samples: reference.count, top1Agreement, maxAbsDiff, tolerance, pass: maxAbsDiff <= tolerance && agree === reference.count };
}

function top1(p: Predictions, sample: number): number {
  const row = p.data.subarray(sample * p.units, (sample + 1) * p.units);
  if (p.units === 1) return row[0]! > 0.5 ? 1 : 0;
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

/** "top-1 100.0%, max |Δ| 3.1e-7 (≤ 1e-4): pass". */
export function formatParity(n: ParityNumbers): string {
  return `${n.samples} samples, top-1 agreement ${n.top1Agreement.toFixed(1)}%, max |Δ| ${n.maxAbsDiff.toExponential(2)} (tolerance ${n.tolerance.toExponential(0)}): ${n.pass ? 'pass' : 'FAIL'}`;
}
