/**
 * Shape arithmetic shared by the convolution, pooling, padding and resampling specs:
 * the Keras/tfjs sliding-window rule, rank checks with their one-click repairs, and the
 * worked formulas students see in the explainer.
 */
import type { Repair } from '../../graph/findings.js';
import { fail, fmtNum, formatShape } from '../common.js';
import type { Dim, Explanation, Shape, ShapeContext, ShapeResult } from '../types.js';

/** Padding modes tfjs 4.22 implements for every layer here (Keras's 'causal' is declared but not implemented). */
export const PADDING_MODES = ['valid', 'same'] as const;

/**
 * Output length of a sliding window, exactly tfjs `convOutputLength` with dilation 1:
 * 'same' → ceil(n/s); 'valid' → floor((n − k)/s) + 1, which is ≤ 0 when the window exceeds n.
 */
export function windowOutLength(n: number, k: number, s: number, padding: string): number {
  return padding === 'same' ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
}

/** `28×28`, `?×5`, or `7` for one axis. */
export function dimsText(dims: readonly Dim[]): string {
  return dims.map((d) => (d === null ? '?' : String(d))).join('×');
}

/** `100,480`: counts read better with separators. */
export function fmtCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Product of the dims, or 0 when any is unknown (MACs of a variable-size map are not a number we can state). */
export function knownProduct(dims: readonly Dim[]): number {
  let p = 1;
  for (const d of dims) {
    if (d === null) return 0;
    p *= d;
  }
  return p;
}

/** The layouts our spatial layers accept, for messages. */
export const LAYOUT = {
  2: { rank: 3, text: 'H×W×C', axes: 'H×W' },
  1: { rank: 2, text: 'T×F (steps × features)', axes: 'T' },
} as const;

/**
 * Fails unless the single input has the rank of a `spatialRank`-D map with channels last.
 * The repair reshapes a flat vector that is obviously an image (a perfect square) or a
 * sequence (a vector → n steps of 1 feature), or adds the missing channel axis.
 */
export function checkSpatialRank(ctx: ShapeContext, kind: string, spatialRank: 1 | 2): ShapeResult | null {
  const input = ctx.inputs[0] ?? [];
  const layout = LAYOUT[spatialRank];
  if (input.length === layout.rank) return null;
  const message = `${kind} "${ctx.name}" needs a ${layout.rank}-D input ${layout.text} but gets ${formatShape(input)}`;
  const target = reshapeTarget(input, spatialRank);
  if (!target) return fail(ctx, 'RANK_MISMATCH', message);
  const repair: Repair = {
    kind: 'insert-layer',
    label: `Insert Reshape to ${formatShape(target)} before "${ctx.name}"`,
    source: '',
    target: ctx.nodeId,
    layerType: 'Reshape',
    params: { targetShape: target },
  };
  return fail(ctx, 'RANK_MISMATCH', message, repair);
}

function reshapeTarget(input: Shape, spatialRank: 1 | 2): number[] | null {
  if (input.some((d) => d === null)) return null;
  const dims = input as readonly number[];
  if (spatialRank === 1) return dims.length === 1 ? [dims[0]!, 1] : null;
  if (dims.length === 2) return [dims[0]!, dims[1]!, 1];
  if (dims.length !== 1) return null;
  const side = Math.round(Math.sqrt(dims[0]!));
  return side * side === dims[0] ? [side, side, 1] : null;
}

/** Fails when the channel count (the last axis) is unknown: weight shapes depend on it. */
export function checkKnownChannels(ctx: ShapeContext, kind: string): ShapeResult | null {
  const input = ctx.inputs[0] ?? [];
  if (input[input.length - 1] !== null) return null;
  return fail(ctx, 'UNKNOWN_DIM', `${kind} "${ctx.name}" needs a known channel count (last axis) but gets ${formatShape(input)}`);
}

/**
 * Slides a window over the spatial axes (all but the last) and returns their output sizes,
 * or the finding: a window larger than a 'valid' input is KERNEL_TOO_LARGE (with the repair
 * "use 'same' padding"); any other size ≤ 0 is NONPOSITIVE_SIZE. Unknown sizes stay unknown.
 */
export function slideWindow(
  ctx: ShapeContext,
  kind: string,
  windowWord: 'kernel' | 'pool window',
  window: readonly number[],
  strides: readonly number[],
  padding: string,
): { ok: true; dims: Dim[] } | { ok: false; result: ShapeResult } {
  const input = ctx.inputs[0] ?? [];
  const spatial = input.slice(0, -1);
  const axes = spatial.length === 1 ? 'T' : 'H×W';
  const tooLarge = padding === 'valid' && spatial.some((n, i) => n !== null && window[i]! > n);
  if (tooLarge) {
    const repair: Repair = {
      kind: 'set-param',
      label: `Use 'same' padding in "${ctx.name}"`,
      nodeId: ctx.nodeId,
      param: 'padding',
      value: 'same',
    };
    const message = `${kind} "${ctx.name}" has a ${windowWord} of size ${dimsText(window)} but its input is only ${dimsText(spatial)} (${axes}) with 'valid' padding`;
    return { ok: false, result: fail(ctx, 'KERNEL_TOO_LARGE', message, repair) };
  }
  const dims = spatial.map((n, i) => (n === null ? null : windowOutLength(n, window[i]!, strides[i]!, padding)));
  if (dims.some((d) => d !== null && d <= 0)) {
    const message = `${kind} "${ctx.name}" would output a ${dimsText(dims)} map (${axes}) from its ${dimsText(spatial)} input`;
    return { ok: false, result: fail(ctx, 'NONPOSITIVE_SIZE', message) };
  }
  return { ok: true, dims };
}

type Formula = Explanation['formulas'][number];

/**
 * The output-size rule for one axis, worked with the real numbers; for 'same' padding also
 * the padding it implies (TensorFlow puts the odd extra cell after, i.e. bottom/right).
 */
export function outSizeFormulas(axis: string, n: Dim, k: number, s: number, padding: string): Formula[] {
  if (padding === 'same') {
    const rule: Formula = { label: `Output ${axis} ('same' padding)`, symbolic: 'out = ceil(n/s)' };
    if (n === null) return [{ ...rule, worked: `n is unknown (variable), so out is unknown` }];
    const out = Math.ceil(n / s);
    const total = Math.max((out - 1) * s + k - n, 0);
    const before = Math.floor(total / 2);
    return [
      { ...rule, worked: `ceil(${n}/${s}) = ${out}` },
      {
        label: `Implied padding (${axis})`,
        symbolic: 'p_total = max((out − 1)·s + k − n, 0), split floor(p_total/2) before and the rest after',
        worked: `max((${out} − 1)·${s} + ${k} − ${n}, 0) = ${total} → ${before} before, ${total - before} after`,
      },
    ];
  }
  const rule: Formula = { label: `Output ${axis} ('valid' padding, p = 0)`, symbolic: 'out = floor((n + 2p − k)/s) + 1' };
  if (n === null) return [{ ...rule, worked: `n is unknown (variable), so out is unknown` }];
  return [{ ...rule, worked: `floor((${n} + 0 − ${k})/${s}) + 1 = ${windowOutLength(n, k, s, 'valid')}` }];
}

/** Weight-initialization variance for the initializers that have one, with fans worked out. */
export function initFormula(
  init: string,
  fanIn: { expr: string; worked: string; value: number },
  fanOut: { expr: string; worked: string; value: number },
): Formula | null {
  const fans = `fan_in = ${fanIn.expr} = ${fanIn.worked} = ${fanIn.value}, fan_out = ${fanOut.expr} = ${fanOut.worked} = ${fanOut.value}`;
  if (init === 'glorotUniform' || init === 'glorotNormal') {
    const v = 2 / (fanIn.value + fanOut.value);
    return {
      label: `Glorot (${init === 'glorotUniform' ? 'uniform' : 'normal'}) initial weight variance`,
      symbolic: `Var(w) = 2/(fan_in + fan_out), fan_in = ${fanIn.expr}, fan_out = ${fanOut.expr}`,
      worked: `${fans}; 2/(${fanIn.value} + ${fanOut.value}) = ${fmtNum(v)}`,
    };
  }
  if (init === 'heNormal' || init === 'heUniform') {
    return {
      label: `He (${init === 'heUniform' ? 'uniform' : 'normal'}) initial weight variance`,
      symbolic: `Var(w) = 2/fan_in, fan_in = ${fanIn.expr}`,
      worked: `fan_in = ${fanIn.expr} = ${fanIn.worked} = ${fanIn.value}; 2/${fanIn.value} = ${fmtNum(2 / fanIn.value)}`,
    };
  }
  return null;
}
