/**
 * Embedding: a learned lookup table. Each integer token id in a sequence [T] selects one row of
 * an inputDim×outputDim matrix, giving [T, outputDim]. Ids must lie in 0…inputDim−1.
 */
import { bool, fail, formatShape, num, ok } from '../common.js';
import type { LayerSpec } from '../types.js';
import { fmtInt, readBool, readNumber, screenOptions, show } from './core-keras.js';

/** Keras's default `uniform` initializer, spelled out (TF.js's own default differs in name only). */
const KERAS_UNIFORM = { class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } };

/** Embedding layer spec; the first layer after a token Input. */
export const embeddingSpec: LayerSpec<'Embedding'> = {
  kind: 'Embedding',
  label: 'Embedding',
  category: 'embedding',
  help: 'Turns each integer token id into a learned vector: a sequence of T ids becomes T×dim values.',
  params: {
    inputDim: {
      kind: 'int',
      label: 'Vocabulary size',
      help: 'Number of distinct token ids; ids run from 0 to this − 1.',
      default: 10000,
      min: 1,
    },
    outputDim: { kind: 'int', label: 'Vector size', help: 'Length of the vector learned for each token.', default: 64, min: 1 },
    maskZero: {
      kind: 'bool',
      label: 'Mask id 0',
      help: 'Treat id 0 as padding: recurrent layers after it skip those steps. Real tokens must then start at 1.',
      default: false,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const input = ctx.inputs[0]!;
    if (input.length !== 1) {
      return fail(ctx, 'RANK_MISMATCH', `Embedding "${ctx.name}" needs a sequence of token ids [T] but gets ${formatShape(input)}`);
    }
    return ok([input[0]!, num(ctx.params, 'outputDim')]);
  },

  countParams: (ctx) => ({ trainable: num(ctx.params, 'inputDim') * num(ctx.params, 'outputDim'), nonTrainable: 0 }),
  /** A table lookup: no multiplies. */
  macs: () => 0,

  keras: {
    classNames: ['Embedding'],
    toKeras: (p) => ({
      class_name: 'Embedding',
      config: {
        input_dim: num(p, 'inputDim'),
        output_dim: num(p, 'outputDim'),
        embeddings_initializer: KERAS_UNIFORM,
        embeddings_regularizer: null,
        activity_regularizer: null,
        embeddings_constraint: null,
        mask_zero: bool(p, 'maskZero'),
      },
    }),
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      // Keras 2's input_length only declares T; the Input layer carries that here.
      const screened = screenOptions('Embedding', c, ['input_dim', 'output_dim', 'mask_zero', 'input_length'], warnings);
      if (screened) return { ok: false, error: screened };
      const inputDim = readNumber(c, 'input_dim');
      const outputDim = readNumber(c, 'output_dim');
      const positive = (r: typeof inputDim) => r.ok && Number.isInteger(r.value) && r.value >= 1;
      if (!positive(inputDim)) return { ok: false, error: `Embedding: input_dim ${show(c.input_dim)} is not a positive integer` };
      if (!positive(outputDim)) return { ok: false, error: `Embedding: output_dim ${show(c.output_dim)} is not a positive integer` };
      const maskZero = readBool(c, 'mask_zero', false);
      if (!maskZero.ok) return { ok: false, error: `Embedding: ${maskZero.error}` };
      const params = {
        inputDim: inputDim.ok ? inputDim.value : 0,
        outputDim: outputDim.ok ? outputDim.value : 0,
        maskZero: maskZero.value,
      };
      return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
    },
  },

  explain(ctx) {
    const v = num(ctx.params, 'inputDim');
    const d = num(ctx.params, 'outputDim');
    const t = ctx.inputs[0]![0];
    return {
      summary: `Embedding "${ctx.name}" looks up each token id 0…${fmtInt(v - 1)} in a learned ${fmtInt(v)}×${d} table, so ${t ?? 'T'} ids become ${t ?? 'T'}×${d} values${bool(ctx.params, 'maskZero') ? '; id 0 is padding and masked' : ''}.`,
      formulas: [
        { label: 'Output', symbolic: 'y_t = E[id_t]  (row id_t of E)', worked: `E is ${fmtInt(v)}×${d} → output [${t ?? '?'}, ${d}]` },
        { label: 'Parameters', symbolic: 'inputDim·outputDim', worked: `${fmtInt(v)}·${d} = ${fmtInt(v * d)}` },
      ],
    };
  },
};
