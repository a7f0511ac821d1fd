import { describe, expect, it } from 'vitest';
import { batchNormalizationSpec } from '../../../../src-shared/layers/defs/batch-normalization.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import {
  expectMatchesTfjs,
  expectRoundTrip,
  failureAll,
  formula,
  importError,
  K3_DTYPE,
  NODE,
  resolveAll,
  trainOnce,
} from './core-helpers.js';

describe('BatchNormalization', () => {
  const spec = batchNormalizationSpec;
  const CASES: [string, Params, Shape][] = [
    ['after Dense', {}, [64]],
    ['after Conv2D', {}, [13, 13, 32]],
    ['sequence', { momentum: 0.9, epsilon: 1e-5 }, [5, 7]],
    ['variable-length sequence', {}, [null, 16]],
    ['no β', { center: false }, [10]],
    ['no γ', { scale: false }, [3, 3, 6]],
    ['neither', { center: false, scale: false }, [4]],
    ['Keras 2 positive axis, rank 1', { axis: 1 }, [64]],
    ['Keras 2 positive axis, rank 3', { axis: 3 }, [13, 13, 32]],
  ];
  it.each(CASES)('matches tfjs: %s', async (_, params, input) => {
    await expectMatchesTfjs(spec, params, [input]);
  });

  it('refuses a non-last axis (tfjs would normalize the wrong axis) and offers -1', async () => {
    const f = failureAll(spec, { axis: 1 }, [[4, 6]], 'bn1');
    expect(f.code).toBe('PARAM_INVALID');
    expect(f.message).toBe(
      'BatchNormalization "bn1" normalizes axis 1 of [4, 6] (Keras counts the batch as axis 0); only the last axis (-1, here also 2) is supported',
    );
    expect(f.repair).toEqual({ kind: 'set-param', label: 'Set axis to -1', nodeId: NODE, param: 'axis', value: -1 });
    expect((await tfjsFactsForSpec(spec, { axis: 1 }, [[4, 6]])).trainable).toBe(8);
  });

  it('needs a known channel count', async () => {
    const f = failureAll(spec, {}, [[4, null]], 'bn2');
    expect(f.code).toBe('UNKNOWN_DIM');
    expect(f.message).toContain('[4, ?]');
    await expect(tfjsFactsForSpec(spec, {}, [[4, null]])).rejects.toThrow();
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { momentum: 0.9, epsilon: 1e-5, center: false, scale: false, axis: 3 });
  });

  it('imports a Keras 2 config with the axis saved as a positive list', () => {
    const r = spec.keras.fromKeras({
      class_name: 'BatchNormalization',
      config: {
        name: 'batch_normalization',
        trainable: true,
        dtype: 'float32',
        axis: [3],
        momentum: 0.99,
        epsilon: 0.001,
        center: true,
        scale: true,
        beta_initializer: { class_name: 'Zeros', config: {} },
        gamma_initializer: { class_name: 'Ones', config: {} },
        moving_mean_initializer: { class_name: 'Zeros', config: {} },
        moving_variance_initializer: { class_name: 'Ones', config: {} },
        beta_regularizer: null,
        gamma_regularizer: null,
        beta_constraint: null,
        gamma_constraint: null,
      },
    });
    expect(r).toEqual({ ok: true, params: { momentum: 0.99, epsilon: 0.001, center: true, scale: true, axis: 3 } });
  });

  it('imports a Keras 3 config', () => {
    const r = spec.keras.fromKeras({
      class_name: 'BatchNormalization',
      config: {
        name: 'bn',
        trainable: true,
        dtype: K3_DTYPE,
        axis: -1,
        momentum: 0.9,
        epsilon: 1e-5,
        center: true,
        scale: false,
        synchronized: false,
      },
    });
    expect(r).toEqual({ ok: true, params: { momentum: 0.9, epsilon: 1e-5, center: true, scale: false, axis: -1 } });
  });

  it('imports what tfjs itself serializes', async () => {
    const r = spec.keras.fromKeras(await tfjsReserialize(spec, { momentum: 0.95 }, [3, 3, 8]));
    expect(r).toMatchObject({ ok: true, params: { momentum: 0.95, epsilon: 0.001, center: true, scale: true } });
  });

  it('refuses options that change the computation, naming them', () => {
    expect(importError(spec, 'BatchNormalization', { axis: -1, renorm: true })).toBe(
      'BatchNormalization: option renorm=true is not supported',
    );
    expect(importError(spec, 'BatchNormalization', { axis: -1, virtual_batch_size: 8 })).toContain('virtual_batch_size=8');
    expect(importError(spec, 'BatchNormalization', { axis: [1, 2] })).toContain('[1,2]');
    expect(importError(spec, 'BatchNormalization', { axis: -2 })).toContain('axis -2');
    expect(importError(spec, 'BatchNormalization', { axis: 0 })).toContain('batch axis');
  });

  it('explains γ/β and the moving statistics with numbers', () => {
    const ctx = resolveAll(spec, {}, [[13, 13, 32]], 'bn');
    expect(spec.countParams(ctx)).toEqual({ trainable: 64, nonTrainable: 64 });
    expect(formula(spec, ctx, 'Output').symbolic).toBe('y = γ·(x − μ)/√(σ² + ε) + β');
    expect(formula(spec, ctx, 'Trainable parameters').worked).toBe('2·32 = 64');
    expect(formula(spec, ctx, 'Non-trainable parameters').worked).toBe('2·32 = 64');
    expect(formula(spec, ctx, 'Moving average').worked).toBe('μ_moving ← 0.99·μ_moving + 0.01·μ_batch');
    expect(spec.macs(ctx)).toBe(13 * 13 * 32);
    const noGamma = resolveAll(spec, { scale: false }, [[32]]);
    expect(formula(spec, noGamma, 'Output').symbolic).toBe('y = (x − μ)/√(σ² + ε) + β');
    expect(formula(spec, noGamma, 'Trainable parameters').worked).toBe('1·32 = 32');
  });

  it('warns that the in-app trainer cannot train it without γ or β — and tfjs 4.22 indeed fails', async () => {
    expect(spec.lint!(resolveAll(spec, {}, [[4]]))).toEqual([]);
    const [w] = spec.lint!(resolveAll(spec, { center: false }, [[4]], 'bn'));
    expect(w).toMatchObject({
      code: 'TRAINER_UNSUPPORTED',
      severity: 'warning',
      repair: { kind: 'set-param', param: 'center', value: true },
    });
    expect(w!.message).toContain('BatchNormalization "bn" has center off');
    await expect(trainOnce(spec, { center: false })).rejects.toThrow();
    await expect(trainOnce(spec, { scale: false })).rejects.toThrow();
    expect(Number.isFinite(await trainOnce(spec, {}))).toBe(true);
  });
});
