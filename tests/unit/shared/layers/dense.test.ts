import { describe, expect, it } from 'vitest';
import { denseSpec } from '../../../../src-shared/layers/defs/dense.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import { expectMatchesTfjs, expectRoundTrip, failureAll, formula, importError, NODE, resolveAll } from './core-helpers.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';

const CASES: [string, Params, Shape][] = [
  ['MNIST hidden layer', { units: 128 }, [784]],
  ['single output unit', { units: 1, activation: 'sigmoid' }, [1]],
  ['no bias, odd sizes', { units: 3, useBias: false }, [7]],
  ['per time step on a sequence', { units: 4, activation: 'tanh' }, [5, 8]],
  ['variable-length sequence', { units: 4 }, [null, 8]],
  ['softmax output with L2 and He init', { units: 10, activation: 'softmax', l2: 0.01, kernelInitializer: 'heNormal' }, [3]],
  ['zeros init, linear', { units: 17, activation: 'linear', kernelInitializer: 'zeros' }, [13]],
  ['last axis of an image tensor, as Keras does', { units: 10 }, [26, 26, 32]],
];

describe('Dense', () => {
  it.each(CASES)('matches tfjs: %s', async (_, params, input) => {
    await expectMatchesTfjs(denseSpec, params, [input]);
  });

  it('warns on an image tensor (Keras applies Dense per pixel) and offers a Flatten', () => {
    const r = denseSpec.inferShape({ nodeId: NODE, name: 'dense1', inputs: [[26, 26, 32]], params: { units: 10, activation: 'linear', useBias: true, kernelInitializer: 'glorotUniform', l2: 0 } });
    expect(r.ok && r.shape).toEqual([26, 26, 10]);
    const f = r.findings![0]!;
    expect([f.code, f.severity]).toEqual(['RANK_MISMATCH', 'warning']);
    expect(f.message).toBe('Dense "dense1" gets [26, 26, 32] and, like Keras, applies to the last axis only, giving [26, 26, 10]; to use the whole image, insert Flatten');
    expect(f.repair).toEqual({
      kind: 'insert-layer',
      label: 'Insert Flatten before "dense1"',
      source: '',
      target: NODE,
      layerType: 'Flatten',
    });
  });

  it('needs a known feature count, as tfjs does', async () => {
    const f = failureAll(denseSpec, { units: 5 }, [[6, null]], 'd');
    expect(f.code).toBe('UNKNOWN_DIM');
    expect(f.message).toContain('Dense "d"');
    expect(f.message).toContain('[6, ?]');
    await expect(tfjsFactsForSpec(denseSpec, { units: 5 }, [[6, null]])).rejects.toThrow();
  });

  it('counts MACs per weight, per time step', () => {
    expect(denseSpec.macs(resolveAll(denseSpec, { units: 128 }, [[784]]))).toBe(100_352);
    expect(denseSpec.macs(resolveAll(denseSpec, { units: 4 }, [[5, 8]]))).toBe(160);
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(denseSpec, {});
    expectRoundTrip(denseSpec, { units: 10, activation: 'softmax', useBias: false, kernelInitializer: 'heUniform', l2: 0.001 });
    expectRoundTrip(denseSpec, { kernelInitializer: 'zeros', activation: 'elu' });
  });

  it('imports a Keras 2 to_json() Dense', () => {
    const r = denseSpec.keras.fromKeras({
      class_name: 'Dense',
      config: {
        name: 'dense',
        trainable: true,
        dtype: 'float32',
        units: 128,
        activation: 'relu',
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: { class_name: 'L2', config: { l2: 0.009999999776482582 } },
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
      },
    });
    expect(r).toEqual({
      ok: true,
      params: { units: 128, activation: 'relu', useBias: true, kernelInitializer: 'glorotUniform', l2: 0.009999999776482582 },
    });
  });

  it('imports a Keras 3 Dense', () => {
    const r = denseSpec.keras.fromKeras({
      class_name: 'Dense',
      config: {
        name: 'dense_1',
        trainable: true,
        dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
        units: 10,
        activation: 'softmax',
        use_bias: false,
        kernel_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null },
        bias_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
        kernel_regularizer: null,
        bias_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        lora_rank: null,
      },
    });
    expect(r).toEqual({ ok: true, params: { units: 10, activation: 'softmax', useBias: false, kernelInitializer: 'heNormal', l2: 0 } });
  });

  it('imports what tfjs itself serializes', async () => {
    const params = { units: 6, activation: 'tanh', kernelInitializer: 'heUniform', l2: 0.5 };
    const r = denseSpec.keras.fromKeras(await tfjsReserialize(denseSpec, params, [4]));
    expect(r).toMatchObject({ ok: true, params: { units: 6, activation: 'tanh', useBias: true, kernelInitializer: 'heUniform', l2: 0.5 } });
  });

  it('drops constraints with a warning and refuses options that change the computation', () => {
    const r = denseSpec.keras.fromKeras({
      class_name: 'Dense',
      config: { units: 3, activation: 'relu', kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2 } } },
    });
    expect(r.ok && r.warnings?.[0]).toContain('kernel_constraint');
    expect(importError(denseSpec, 'Dense', { units: 3, activation: 'swish' })).toContain('"swish"');
    expect(importError(denseSpec, 'Dense', { units: 3, activation: 'leaky_relu' })).toContain('leaky_relu');
    expect(importError(denseSpec, 'Dense', { units: 3, lora_rank: 4 })).toContain('lora_rank=4');
    expect(importError(denseSpec, 'Dense', { units: 3, kernel_regularizer: { class_name: 'L1L2', config: { l1: 0.1, l2: 0 } } })).toContain(
      'l1=0.1',
    );
  });

  it('explains with the real numbers', () => {
    const ctx = resolveAll(denseSpec, { units: 128 }, [[784]], 'dense1');
    expect(formula(denseSpec, ctx, 'Output')).toMatchObject({
      symbolic: 'y = f(W·x + b)',
      worked: 'W is 128×784, x is 784, b is 128 → y is 128',
    });
    expect(formula(denseSpec, ctx, 'Parameters').worked).toBe('784·128 + 128 = 100,480');
    expect(formula(denseSpec, ctx, 'Glorot variance').worked).toBe('2/(784 + 128) = 0.002193');
    expect(formula(denseSpec, ctx, 'Glorot uniform limit').worked).toBe('a = √(6/(784 + 128)) = 0.08111');
    const he = resolveAll(denseSpec, { units: 128, kernelInitializer: 'heNormal', l2: 0.01 }, [[784]]);
    expect(formula(denseSpec, he, 'He variance').worked).toBe('2/784 = 0.002551');
    expect(formula(denseSpec, he, 'L2 weight decay').worked).toBe('loss += 0.01·Σ w² over 100,352 weights');
    expect(denseSpec.explain(resolveAll(denseSpec, { units: 4 }, [[5, 8]])).summary).toContain('each of the 5 time steps');
  });

  it('warns about zero initialization (symmetry), with a repair', () => {
    const [w] = denseSpec.lint!(resolveAll(denseSpec, { units: 64, kernelInitializer: 'zeros' }, [[10]], 'h1'));
    expect(w).toMatchObject({ code: 'ZERO_INIT', severity: 'warning', nodeId: NODE });
    expect(w!.message).toContain('Dense "h1"');
    expect(w!.message).toContain('same gradient');
    expect(w!.repair).toMatchObject({ kind: 'set-param', param: 'kernelInitializer', value: 'glorotUniform' });
    expect(denseSpec.lint!(resolveAll(denseSpec, { units: 64 }, [[10]]))).toEqual([]);
  });
});
