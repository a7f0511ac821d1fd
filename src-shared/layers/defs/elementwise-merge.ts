/**
 * Element-wise merges: Add, Subtract, Multiply, Average, Maximum. Shapes follow TF.js 4.22's
 * `Merge.computeElementwiseOpOutputShape` (and Keras's): dims are aligned from the right, a dim
 * of 1 broadcasts, an unknown dim makes the result unknown, anything else must be equal.
 * TF.js 4.22 registers no `Subtract` class: a Subtract model exports to Keras fine but the in-app
 * trainer has to supply the layer itself.
 */
import { fail, formatShape, ok } from '../common.js';
import type { Dim, LayerSpec, Shape, ShapeContext, ShapeResult } from '../types.js';
import { dimsCross, screenOptions } from './core-keras.js';

/** Right-aligned broadcast of two shapes, exactly as TF.js computes it; null when they clash. */
export function broadcastShapes(a: Shape, b: Shape): Dim[] | null {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const out: Dim[] = long.slice(0, long.length - short.length);
  for (let k = 0; k < short.length; k++) {
    const i = long[long.length - short.length + k]!;
    const j = short[k]!;
    if (i === null || j === null) out.push(null);
    else if (i === 1) out.push(j);
    else if (j === 1) out.push(i);
    else if (i === j) out.push(i);
    else return null;
  }
  return out;
}

const listShapes = (shapes: readonly Shape[]): string => {
  const all = shapes.map(formatShape);
  return all.length <= 2 ? all.join(' and ') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
};

interface MergeInfo<K extends string> {
  kind: K;
  /** What it does with n inputs, for the summary. */
  does: (n: number) => string;
  help: string;
  /** Symbolic rule for two inputs and for n inputs. */
  formula: (n: number) => string;
  maxInputs: number;
}

function elementwiseShape(ctx: ShapeContext, kind: string): ShapeResult {
  let out: Dim[] | null = [...ctx.inputs[0]!];
  for (const shape of ctx.inputs.slice(1)) {
    out = broadcastShapes(out, shape);
    if (!out) {
      return fail(
        ctx,
        'SHAPE_MISMATCH',
        `${kind} "${ctx.name}" needs inputs of the same shape (a dimension of 1 may broadcast) but gets ${listShapes(ctx.inputs)}`,
      );
    }
  }
  return ok(out);
}

function makeMerge<K extends string>(info: MergeInfo<K>): LayerSpec<K> {
  return {
    kind: info.kind,
    label: info.kind,
    category: 'merge',
    help: info.help,
    params: {},
    arity: { min: 2, max: info.maxInputs },
    inferShape: (ctx) => elementwiseShape(ctx, info.kind),
    countParams: () => ({ trainable: 0, nonTrainable: 0 }),
    /** Element-wise arithmetic is not counted as multiply-accumulates. */
    macs: () => 0,
    keras: {
      classNames: [info.kind],
      toKeras: () => ({ class_name: info.kind, config: {} }),
      fromKeras(layer) {
        const warnings: string[] = [];
        const screened = screenOptions(info.kind, layer.config, [], warnings);
        if (screened) return { ok: false, error: screened };
        return warnings.length > 0 ? { ok: true, params: {}, warnings } : { ok: true, params: {} };
      },
    },
    explain(ctx) {
      const n = ctx.inputs.length;
      const same = ctx.inputs.every((s) => formatShape(s) === formatShape(ctx.output));
      const formulas = [
        {
          label: 'Output',
          symbolic: info.formula(n),
          worked: same
            ? `${n} inputs of ${dimsCross(ctx.output)} → ${dimsCross(ctx.output)}, value by value`
            : `${listShapes(ctx.inputs)} broadcast to ${formatShape(ctx.output)} (missing or size-1 dimensions are repeated)`,
        },
      ];
      return {
        summary: `${info.kind} "${ctx.name}" ${info.does(n)} value by value, giving ${formatShape(ctx.output)}; nothing is learned.`,
        formulas,
      };
    },
  };
}

/** `x₁₂` style subscripts so formulas read like the textbook. */
const sub = (n: number): string => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]!);
const terms = (n: number, op: string): string => (n === 2 ? `x₁ ${op} x₂` : `x₁ ${op} x₂ ${op} … ${op} x${sub(n)}`);

/** Add: the residual ("skip") connection. */
export const addSpec = makeMerge({
  kind: 'Add',
  does: (n) => `adds its ${n} inputs`,
  help: 'Adds two or more tensors of the same shape value by value, e.g. a residual (skip) connection.',
  formula: (n) => `y = ${terms(n, '+')}`,
  maxInputs: Infinity,
});

/** Subtract: exactly two inputs, first minus second. */
export const subtractSpec = makeMerge({
  kind: 'Subtract',
  does: () => 'subtracts its second input from its first',
  help: 'Subtracts the second input from the first, value by value (exactly two inputs of the same shape).',
  formula: () => 'y = x₁ − x₂',
  maxInputs: 2,
});

/** Multiply: e.g. gating one branch by another. */
export const multiplySpec = makeMerge({
  kind: 'Multiply',
  does: (n) => `multiplies its ${n} inputs`,
  help: 'Multiplies two or more tensors of the same shape value by value, e.g. to gate one branch with another.',
  formula: (n) => `y = ${terms(n, '·')}`,
  maxInputs: Infinity,
});

/** Average: the mean of the inputs, e.g. an ensemble of branches. */
export const averageSpec = makeMerge({
  kind: 'Average',
  does: (n) => `averages its ${n} inputs`,
  help: 'Averages two or more tensors of the same shape value by value, e.g. to ensemble branches.',
  formula: (n) => `y = (${terms(n, '+')}) / ${n}`,
  maxInputs: Infinity,
});

/** Maximum: the largest input at each position. */
export const maximumSpec = makeMerge({
  kind: 'Maximum',
  does: (n) => `keeps the largest of its ${n} inputs`,
  help: 'Keeps, at each position, the largest value among two or more tensors of the same shape.',
  formula: (n) => `y = max(${n === 2 ? 'x₁, x₂' : `x₁, x₂, …, x${sub(n)}`})`,
  maxInputs: Infinity,
});
