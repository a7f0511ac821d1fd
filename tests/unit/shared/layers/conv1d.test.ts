import { describe, expect, it } from 'vitest';
import { conv1dSpec as spec } from '../../../../src-shared/layers/defs/conv1d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 100×8', {}, [100, 8]],
  ['odd 29 steps, kernel 5, stride 3', { filters: 4, kernelSize: 5, strides: 3 }, [29, 3]],
  ['odd 29 steps, same, stride 2', { filters: 4, padding: 'same', strides: 2 }, [29, 3]],
  ['even 30 steps, same, stride 2', { filters: 4, padding: 'same', strides: 2 }, [30, 3]],
  ['same, kernel 4, stride 3 on 31', { filters: 2, kernelSize: 4, padding: 'same', strides: 3 }, [31, 5]],
  ['kernel = length', { filters: 6, kernelSize: 10 }, [10, 4]],
  ['kernel 1', { filters: 16, kernelSize: 1 }, [12, 7]],
  ['unknown length, stride 2', { filters: 3, strides: 2 }, [null, 5]],
  [
    'no bias, L2, He uniform, sigmoid',
    { filters: 5, useBias: false, l2: 0.001, kernelInitializer: 'heUniform', activation: 'sigmoid' },
    [20, 2],
  ],
];

describe('Conv1D matches tfjs 4.22', () => {
  it.each(cases)('%s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });
});

describe('Conv1D rules', () => {
  it('gives 98×32 on 100×8 with 3·8·32 + 32 weights', () => {
    const ctx = resolve(spec, {}, [100, 8]);
    expect(ctx.output).toEqual([98, 32]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 800, nonTrainable: 0 });
    expect(spec.macs(ctx)).toBe(98 * 32 * 3 * 8);
    expect(spec.macs(resolve(spec, {}, [null, 8]))).toBe(0);
  });

  it('refuses a vector and offers a Reshape to n steps of 1 feature', () => {
    const f = failure(spec, {}, [50], 'c1');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toBe('Conv1D "c1" needs a 2-D input T×F (steps × features) but gets [50]');
    expect(f.repair).toMatchObject({ kind: 'insert-layer', layerType: 'Reshape', params: { targetShape: [50, 1] } });
    expect(failure(spec, {}, [28, 28, 1], 'c1').repair).toBeUndefined();
  });

  it('reports a kernel longer than the sequence and unknown features', () => {
    const f = failure(spec, { kernelSize: 5 }, [3, 2], 'c1');
    expect(f.code).toBe('KERNEL_TOO_LARGE');
    expect(f.message).toBe('Conv1D "c1" has a kernel of size 5 but its input is only 3 (T) with \'valid\' padding');
    expect(failure(spec, {}, [10, null], 'c1').code).toBe('UNKNOWN_DIM');
  });
});

describe('Conv1D Keras mapping', () => {
  it('round-trips', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, {
      filters: 9,
      kernelSize: 7,
      strides: 2,
      padding: 'same',
      activation: 'softmax',
      useBias: false,
      kernelInitializer: 'glorotNormal',
      l2: 0.1,
    });
  });

  it('reads Keras 2 (tuple fields) and Keras 3 (int fields, data_format) configs', () => {
    const keras2 = {
      name: 'conv1d',
      trainable: true,
      batch_input_shape: [null, 100, 8],
      dtype: 'float32',
      filters: 32,
      kernel_size: [3],
      strides: [1],
      padding: 'valid',
      data_format: 'channels_last',
      dilation_rate: [1],
      groups: 1,
      activation: 'relu',
      use_bias: true,
      kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
    };
    expect(spec.keras.fromKeras({ class_name: 'Conv1D', config: keras2 })).toEqual({
      ok: true,
      params: {
        filters: 32,
        kernelSize: 3,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
        useBias: true,
        kernelInitializer: 'glorotUniform',
        l2: 0,
      },
    });
    const keras3 = {
      ...keras2,
      batch_input_shape: undefined,
      kernel_size: 5,
      strides: 2,
      dilation_rate: 1,
      padding: 'same',
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      kernel_regularizer: { module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 }, registered_name: null },
    };
    expect(spec.keras.fromKeras({ class_name: 'Conv1D', config: keras3 })).toEqual({
      ok: true,
      params: {
        filters: 32,
        kernelSize: 5,
        strides: 2,
        padding: 'same',
        activation: 'relu',
        useBias: true,
        kernelInitializer: 'glorotUniform',
        l2: 0.01,
      },
    });
  });

  it("refuses 'causal' padding (tfjs 4.22 cannot run it) and dilation", () => {
    const base = spec.keras.toKeras(resolve(spec, {}, [10, 1]).params, { inputShapes: [] }).config;
    expect(spec.keras.fromKeras({ class_name: 'Conv1D', config: { ...base, padding: 'causal' } })).toEqual({
      ok: false,
      error: expect.stringContaining('causal'),
    });
    expect(spec.keras.fromKeras({ class_name: 'Conv1D', config: { ...base, dilation_rate: [2] } })).toEqual({
      ok: false,
      error: expect.stringContaining('dilation_rate [2]'),
    });
  });
});

describe('Conv1D explain and lint', () => {
  it('works length, parameters, MACs and Glorot fans', () => {
    const e = spec.explain(resolve(spec, { filters: 16, kernelSize: 5, strides: 2 }, [29, 3], 'c1'));
    const worked = e.formulas.map((f) => f.worked);
    expect(worked).toContain('floor((29 + 0 − 5)/2) + 1 = 13');
    expect(worked).toContain('5·3·16 + 16 = 256');
    expect(worked).toContain('13·16·5·3 = 3,120');
    expect(worked).toContain('fan_in = k·C_in = 5·3 = 15, fan_out = k·F = 5·16 = 80; 2/(15 + 80) = 0.02105');
  });

  it('warns about zero initialization', () => {
    const [w] = spec.lint!(resolve(spec, { kernelInitializer: 'zeros' }, [10, 2], 'c1'));
    expect(w).toMatchObject({ code: 'ZERO_INIT', severity: 'warning' });
    expect(spec.lint!(resolve(spec, {}, [10, 2]))).toEqual([]);
  });
});
