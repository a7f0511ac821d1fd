/**
 * Reshape: the same values in a new per-sample shape. One target dimension may be -1, which
 * Keras infers from the input size. (TF.js 4.22 leaves a -1 unknown in its symbolic shape and
 * checks sizes only when it runs; we resolve and check it up front, as Python Keras does.)
 */
import { fail, formatShape, ints, ok, sizeOf, warn } from '../common.js';
import type { Dim, LayerSpec, ShapeContext } from '../types.js';
import { dimsProduct, fmtInt, screenOptions, show } from './core-keras.js';

const target = (ctx: { params: ShapeContext['params'] }): readonly number[] => ints(ctx.params, 'targetShape');

/** Reshape layer spec; no weights. */
export const reshapeSpec: LayerSpec<'Reshape'> = {
  kind: 'Reshape',
  label: 'Reshape',
  category: 'reshape',
  help: 'Rearranges the same values into a new shape, e.g. 784 → 28×28×1. One dimension may be -1 to infer it.',
  params: {
    targetShape: {
      kind: 'ints',
      label: 'Target shape',
      help: 'Per-sample shape without the batch dimension; its size must equal the input size. Use -1 once to let it be inferred.',
      default: [28, 28, 1],
      minLength: 1,
      min: 1,
      allowMinusOne: true,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const input = ctx.inputs[0]!;
    const t = target(ctx);
    const unknowns = t.filter((d) => d === -1).length;
    if (unknowns > 1) {
      return fail(
        ctx,
        'RESHAPE_SIZE',
        `Reshape "${ctx.name}" target ${formatShape(t)} has ${unknowns} dimensions of -1; only one can be inferred`,
      );
    }
    const inSize = sizeOf(input);
    // A variable-length input: the -1 stays unknown too, as in Keras (see lint for the fixed case).
    if (inSize === null) return ok(t.map((d): Dim => (d === -1 ? null : d)));
    const known = t.reduce((n, d) => (d === -1 ? n : n * d), 1);
    if (unknowns === 1) {
      if (inSize % known !== 0) {
        return fail(
          ctx,
          'RESHAPE_SIZE',
          `Reshape "${ctx.name}" cannot fill -1 in ${formatShape(t)}: the input ${formatShape(input)} has ${fmtInt(inSize)} values, which is not a multiple of ${fmtInt(known)}`,
        );
      }
      return ok(t.map((d) => (d === -1 ? inSize / known : d)));
    }
    if (known !== inSize) {
      return fail(
        ctx,
        'RESHAPE_SIZE',
        `Reshape "${ctx.name}" gets ${formatShape(input)} (${fmtInt(inSize)} values) but target ${formatShape(t)} holds ${fmtInt(known)}`,
      );
    }
    return ok(t);
  },
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** Only reinterprets memory. */
  macs: () => 0,

  keras: {
    classNames: ['Reshape'],
    toKeras: (p) => ({ class_name: 'Reshape', config: { target_shape: [...ints(p, 'targetShape')] } }),
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      const screened = screenOptions('Reshape', c, ['target_shape'], warnings);
      if (screened) return { ok: false, error: screened };
      const raw = c.target_shape;
      const valid = Array.isArray(raw) && raw.length > 0 && raw.every((d) => Number.isInteger(d) && (d >= 1 || d === -1));
      if (!valid)
        return { ok: false, error: `Reshape: target_shape ${show(raw)} is not a list of positive integers (with at most one -1)` };
      const params = { targetShape: raw as number[] };
      return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
    },
  },

  explain(ctx) {
    const input = ctx.inputs[0]!;
    const t = target(ctx);
    const inSize = sizeOf(input);
    const outSize = sizeOf(ctx.output);
    const formulas: { label: string; symbolic: string; worked?: string }[] = [
      {
        label: 'Sizes agree',
        symbolic: '∏ input dims = ∏ target dims',
        worked: `${dimsProduct(input)} = ${inSize === null ? '?' : fmtInt(inSize)} = ${dimsProduct(ctx.output)}`,
      },
    ];
    const at = t.indexOf(-1);
    if (at >= 0 && inSize !== null && outSize !== null) {
      const known = t.filter((d) => d !== -1);
      formulas.push({
        label: 'Inferred dimension',
        symbolic: '−1 = (input size) / (product of the other target dims)',
        worked: `${fmtInt(inSize)} / ${known.length > 0 ? known.join('·') : '1'} = ${fmtInt(ctx.output[at] as number)}`,
      });
    }
    return {
      summary: `Reshape "${ctx.name}" keeps the same ${inSize === null ? '' : `${fmtInt(inSize)} `}values in the same order and reads them as ${formatShape(ctx.output)}.`,
      formulas,
    };
  },

  lint(ctx) {
    const input = ctx.inputs[0]!;
    const t = target(ctx);
    if (sizeOf(input) !== null || t.includes(-1)) return [];
    const known = t.reduce((n, d) => n * d, 1);
    return [
      warn(
        ctx,
        'UNKNOWN_DIM',
        `Reshape "${ctx.name}" gets ${formatShape(input)}, whose size varies, but target ${formatShape(t)} always holds ${fmtInt(known)} values; it works only for inputs of exactly that size (use -1 for the variable part)`,
      ),
    ];
  },
};
