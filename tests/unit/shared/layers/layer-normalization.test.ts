import { describe, expect, it } from 'vitest';
import { layerNormalizationSpec } from '../../../../src-shared/layers/defs/layer-normalization.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import { expectMatchesTfjs, expectRoundTrip, failureAll, formula, importError, K3_DTYPE, resolveAll, trainOnce } from './core-helpers.js';

describe('LayerNormalization', () => {
  const spec = layerNormalizationSpec;
  const CASES: [string, Params, Shape][] = [
    ['vector', {}, [64]],
    ['sequence', { epsilon: 1e-6 }, [10, 32]],
    ['variable-length sequence', {}, [null, 16]],
    ['image', {}, [5, 5, 3]],
    ['no β', { center: false }, [7]],
    ['no γ', { scale: false }, [2, 9]],
    ['Keras 2 positive axis', { axis: 2 }, [10, 32]],
  ];
  it.each(CASES)('matches tfjs: %s', async (_, params, input) => {
    await expectMatchesTfjs(spec, params, [input]);
  });

  it('refuses a non-last axis and an unknown feature count', () => {
    const f = failureAll(spec, { axis: 1 }, [[10, 32]], 'ln');
    expect(f.code).toBe('PARAM_INVALID');
    expect(f.message).toContain('LayerNormalization "ln" normalizes axis 1 of [10, 32]');
    expect(failureAll(spec, {}, [[10, null]], 'ln').code).toBe('UNKNOWN_DIM');
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { epsilon: 1e-6, center: false, axis: 2 });
  });

  it('imports Keras 2 (positive axis list) and Keras 3 configs', () => {
    expect(
      spec.keras.fromKeras({
        class_name: 'LayerNormalization',
        config: {
          name: 'ln',
          trainable: true,
          dtype: 'float32',
          axis: [2],
          epsilon: 1e-6,
          center: true,
          scale: true,
          beta_initializer: { class_name: 'Zeros', config: {} },
          gamma_initializer: { class_name: 'Ones', config: {} },
          beta_regularizer: null,
          gamma_regularizer: null,
          beta_constraint: null,
          gamma_constraint: null,
        },
      }),
    ).toEqual({
      ok: true,
      params: { epsilon: 1e-6, center: true, scale: true, axis: 2 },
    });
    expect(
      spec.keras.fromKeras({
        class_name: 'LayerNormalization',
        config: { name: 'ln', trainable: true, dtype: K3_DTYPE, axis: -1, epsilon: 0.001, center: true, scale: true, rms_scaling: false },
      }),
    ).toEqual({
      ok: true,
      params: { epsilon: 0.001, center: true, scale: true, axis: -1 },
    });
  });

  it('imports what tfjs itself serializes (tfjs rewrites the axis as a positive list)', async () => {
    const json = await tfjsReserialize(spec, {}, [10, 32]);
    expect(json.config.axis).toEqual([2]);
    expect(spec.keras.fromKeras(json)).toEqual({ ok: true, params: { epsilon: 0.001, center: true, scale: true, axis: 2 } });
    expect(resolveAll(spec, { axis: 2 }, [[10, 32]]).output).toEqual([10, 32]);
  });

  it('refuses RMS scaling and multi-axis normalization', () => {
    expect(importError(spec, 'LayerNormalization', { axis: -1, rms_scaling: true })).toBe(
      'LayerNormalization: option rms_scaling=true is not supported',
    );
    expect(importError(spec, 'LayerNormalization', { axis: [1, 2, 3] })).toContain('[1,2,3]');
  });

  it('explains with the feature count', () => {
    const ctx = resolveAll(spec, {}, [[10, 32]], 'ln');
    expect(spec.countParams(ctx)).toEqual({ trainable: 64, nonTrainable: 0 });
    expect(formula(spec, ctx, 'Statistics').worked).toBe('C = 32');
    expect(formula(spec, ctx, 'Parameters').worked).toBe('2·32 = 64');
    expect(spec.explain(ctx).summary).toContain('32 features of each position');
  });

  it('warns that the in-app trainer cannot train it without γ or β — and tfjs 4.22 indeed fails', async () => {
    const [w] = spec.lint!(resolveAll(spec, { scale: false, center: false }, [[4]], 'ln'));
    expect(w!.message).toContain('center off and scale off');
    await expect(trainOnce(spec, { center: false })).rejects.toThrow();
    await expect(trainOnce(spec, { scale: false })).rejects.toThrow();
    expect(Number.isFinite(await trainOnce(spec, {}))).toBe(true);
  });
});
