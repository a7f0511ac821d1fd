import { describe, expect, it } from 'vitest';
import { embeddingSpec } from '../../../../src-shared/layers/defs/embedding.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import {
  expectMatchesTfjs,
  expectMatchesTfjsRun,
  expectRoundTrip,
  failureAll,
  formula,
  importError,
  K3_DTYPE,
  resolveAll,
} from './core-helpers.js';

const CASES: [string, Params, Shape][] = [
  ['fixed-length reviews', { inputDim: 100, outputDim: 8 }, [10]],
  ['variable length, masked', { inputDim: 1000, outputDim: 16, maskZero: true }, [null]],
  ['smallest', { inputDim: 1, outputDim: 1 }, [1]],
  ['odd sizes', { inputDim: 5, outputDim: 3 }, [37]],
  ['defaults', {}, [200]],
];

describe('Embedding', () => {
  it.each(CASES)('matches tfjs (int32 token input): %s', async (_, params, input) => {
    await expectMatchesTfjs(embeddingSpec, params, [input]);
    if (input[0] !== null) await expectMatchesTfjsRun(embeddingSpec, params, [input]);
  });

  it('needs a rank-1 token sequence (tfjs would also embed a grid, which no course network means)', async () => {
    const f = failureAll(embeddingSpec, {}, [[28, 28, 1]], 'emb');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toBe('Embedding "emb" needs a sequence of token ids [T] but gets [28, 28, 1]');
    expect((await tfjsFactsForSpec(embeddingSpec, { inputDim: 10, outputDim: 4 }, [[3, 4]])).outputShape).toEqual([3, 4, 4]);
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(embeddingSpec, {}, [[10]]);
    expectRoundTrip(embeddingSpec, { inputDim: 20000, outputDim: 128, maskZero: true }, [[null]]);
  });

  it('imports a Keras 2 config, ignoring input_length', () => {
    const r = embeddingSpec.keras.fromKeras({
      class_name: 'Embedding',
      config: {
        name: 'embedding',
        trainable: true,
        batch_input_shape: [null, 100],
        dtype: 'float32',
        input_dim: 10000,
        output_dim: 64,
        embeddings_initializer: { class_name: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: null } },
        embeddings_regularizer: null,
        activity_regularizer: null,
        embeddings_constraint: null,
        mask_zero: false,
        input_length: 100,
      },
    });
    expect(r).toEqual({ ok: true, params: { inputDim: 10000, outputDim: 64, maskZero: false } });
  });

  it('imports a Keras 3 config', () => {
    const r = embeddingSpec.keras.fromKeras({
      class_name: 'Embedding',
      config: {
        name: 'embedding',
        trainable: true,
        dtype: K3_DTYPE,
        input_dim: 5000,
        output_dim: 32,
        embeddings_initializer: {
          module: 'keras.initializers',
          class_name: 'RandomUniform',
          config: { seed: null, minval: -0.05, maxval: 0.05 },
          registered_name: null,
        },
        embeddings_regularizer: null,
        activity_regularizer: null,
        embeddings_constraint: null,
        mask_zero: true,
        lora_rank: null,
      },
    });
    expect(r).toEqual({ ok: true, params: { inputDim: 5000, outputDim: 32, maskZero: true } });
  });

  it('imports what tfjs itself serializes', async () => {
    const json = await tfjsReserialize(embeddingSpec, { inputDim: 50, outputDim: 6, maskZero: true }, [12]);
    expect(embeddingSpec.keras.fromKeras(json)).toEqual({ ok: true, params: { inputDim: 50, outputDim: 6, maskZero: true } });
  });

  it('refuses options that add weights or change the lookup', () => {
    expect(importError(embeddingSpec, 'Embedding', { input_dim: 10, output_dim: 4, lora_rank: 8 })).toBe(
      'Embedding: option lora_rank=8 is not supported',
    );
    expect(importError(embeddingSpec, 'Embedding', { input_dim: 10, output_dim: 4, sparse: true })).toContain('sparse=true');
    expect(importError(embeddingSpec, 'Embedding', { input_dim: 0, output_dim: 4 })).toContain('input_dim 0');
  });

  it('explains the table and its size', () => {
    const ctx = resolveAll(embeddingSpec, { inputDim: 10000, outputDim: 64 }, [[200]], 'emb');
    expect(embeddingSpec.countParams(ctx)).toEqual({ trainable: 640_000, nonTrainable: 0 });
    expect(formula(embeddingSpec, ctx, 'Parameters').worked).toBe('10,000·64 = 640,000');
    expect(formula(embeddingSpec, ctx, 'Output').worked).toBe('E is 10,000×64 → output [200, 64]');
    expect(embeddingSpec.explain(ctx).summary).toContain('0…9,999');
  });
});
