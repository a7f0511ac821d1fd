/**
 * Concatenate: joins 2+ tensors along one axis; every other dimension must match exactly.
 * `axis` is Keras's: the batch is axis 0, so -1 (the default) or 1…rank. TF.js 4.22 runs every
 * negative axis as -1 (its symbolic shape says otherwise), so -2 and below are not offered.
 * Unknown dims must match too: TF.js compares them exactly (null ≠ 3), stricter than Keras 2.
 */
import { fail, formatShape, num, ok } from '../common.js';
import type { LayerSpec, Shape, ShapeContext } from '../types.js';
import { readSingleAxis, screenOptions } from './core-keras.js';

/** The per-sample index Keras's axis refers to, or null if it is out of range for this rank. */
function resolveAxis(axis: number, rank: number): number | null {
  if (axis === -1) return rank - 1;
  return axis >= 1 && axis <= rank ? axis - 1 : null;
}

const listShapes = (shapes: readonly Shape[]): string => {
  const all = shapes.map(formatShape);
  return all.length <= 2 ? all.join(' and ') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
};

/** Concatenate layer spec (a merge); no weights. */
export const concatenateSpec: LayerSpec<'Concatenate'> = {
  kind: 'Concatenate',
  label: 'Concatenate',
  category: 'merge',
  help: 'Joins two or more tensors end to end along one axis (by default the last, e.g. feature vectors side by side).',
  params: {
    axis: {
      kind: 'int',
      label: 'Axis',
      help: 'Axis to join along, counted as Keras does (batch = 0): -1 is the last axis, 1 the first per-sample axis.',
      default: -1,
      min: -1,
    },
  },
  arity: { min: 2, max: Infinity },

  inferShape(ctx: ShapeContext) {
    const shapes = ctx.inputs;
    const first = shapes[0]!;
    if (shapes.some((s) => s.length !== first.length)) {
      return fail(ctx, 'SHAPE_MISMATCH', `Concatenate "${ctx.name}" needs inputs of the same rank but gets ${listShapes(shapes)}`);
    }
    const keras = num(ctx.params, 'axis');
    const axis = resolveAxis(keras, first.length);
    if (axis === null) {
      return fail(
        ctx,
        'PARAM_INVALID',
        `Concatenate "${ctx.name}" joins along axis ${keras}, but rank-${first.length} inputs ${formatShape(first)} have axes 1…${first.length} (0 is the batch)`,
        { kind: 'set-param', label: 'Set axis to -1', nodeId: ctx.nodeId, param: 'axis', value: -1 },
      );
    }
    for (const shape of shapes.slice(1)) {
      if (shape.some((d, i) => i !== axis && d !== first[i])) {
        return fail(
          ctx,
          'SHAPE_MISMATCH',
          `Concatenate "${ctx.name}" needs inputs that match except on axis ${keras}, but gets ${listShapes(shapes)}`,
        );
      }
    }
    const joined = shapes.some((s) => s[axis] === null) ? null : shapes.reduce((n, s) => n + (s[axis] as number), 0);
    return ok(first.map((d, i) => (i === axis ? joined : d)));
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Copies values. */
  macs: () => 0,

  keras: {
    classNames: ['Concatenate'],
    toKeras: (p) => ({ class_name: 'Concatenate', config: { axis: num(p, 'axis') } }),
    fromKeras(layer) {
      const warnings: string[] = [];
      const screened = screenOptions('Concatenate', layer.config, ['axis'], warnings);
      if (screened) return { ok: false, error: screened };
      const axis = readSingleAxis(layer.config.axis, -1);
      if (!axis.ok) return { ok: false, error: `Concatenate: ${axis.error}` };
      return warnings.length > 0 ? { ok: true, params: { axis: axis.value }, warnings } : { ok: true, params: { axis: axis.value } };
    },
  },

  explain(ctx) {
    const keras = num(ctx.params, 'axis');
    const axis = resolveAxis(keras, ctx.output.length) ?? ctx.output.length - 1;
    const parts = ctx.inputs.map((s) => (s[axis] === null ? '?' : String(s[axis])));
    const total = ctx.output[axis];
    return {
      summary: `Concatenate "${ctx.name}" places its ${ctx.inputs.length} inputs ${listShapes(ctx.inputs)} side by side along axis ${keras}, giving ${formatShape(ctx.output)}.`,
      formulas: [
        {
          label: 'Joined axis',
          symbolic: 'n_out = Σ n_i',
          worked: `${parts.join(' + ')} = ${total === null || total === undefined ? '?' : total}`,
        },
      ],
    };
  },
};
