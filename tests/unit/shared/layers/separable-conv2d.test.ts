import { describe, expect, it } from 'vitest';
import { separableConv2dSpec as spec } from '../../../../src-shared/layers/defs/separable-conv2d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 28×28×3', {}, [28, 28, 3]],
  ['depth multiplier 2, same, strides 2 on odd 29×31', { filters: 16, depthMultiplier: 2, padding: 'same', strides: [2, 2] }, [29, 31, 3]],
  ['3×5 kernel, strides 3 on 29×31', { filters: 8, kernelSize: [3, 5], strides: [3, 3] }, [29, 31, 4]],
  ['kernel = input size', { filters: 4, kernelSize: [6, 6] }, [6, 6, 2]],
  ['1×1 kernel', { filters: 12, kernelSize: [1, 1] }, [7, 7, 8]],
  ['unknown H and W', { filters: 4, strides: [2, 2] }, [null, null, 3]],
  ['no bias, depth multiplier 3', { filters: 6, useBias: false, depthMultiplier: 3 }, [10, 10, 5]],
  ['even 30×30, same, strides 3', { filters: 2, padding: 'same', strides: [3, 3] }, [30, 30, 1]],
  ['31×28, same, strides 3 and 2', { filters: 2, padding: 'same', strides: [3, 2], depthMultiplier: 2 }, [31, 28, 3]],
];

describe('SeparableConv2D matches tfjs 4.22', () => {
  it.each(cases)('%s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });
});

describe('SeparableConv2D rules', () => {
  it('counts depthwise + pointwise + bias weights and both MAC stages', () => {
    const ctx = resolve(spec, { filters: 64, depthMultiplier: 2 }, [32, 32, 16]);
    expect(ctx.output).toEqual([30, 30, 64]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 3 * 3 * 16 * 2 + 16 * 2 * 64 + 64, nonTrainable: 0 });
    expect(spec.macs(ctx)).toBe(30 * 30 * 32 * 9 + 30 * 30 * 32 * 64);
  });

  it('reports rank and an oversized kernel', () => {
    const rank = failure(spec, {}, [10, 10], 'sep');
    expect(rank.message).toBe('SeparableConv2D "sep" needs a 3-D input H×W×C but gets [10, 10]');
    expect(rank.repair).toMatchObject({ layerType: 'Reshape', params: { targetShape: [10, 10, 1] } });
    const big = failure(spec, { kernelSize: [3, 3] }, [2, 2, 4], 'sep');
    expect(big.code).toBe('KERNEL_TOO_LARGE');
  });
});

describe('SeparableConv2D Keras mapping', () => {
  it('round-trips', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, {
      filters: 3,
      kernelSize: [1, 7],
      strides: [1, 2],
      padding: 'same',
      depthMultiplier: 2,
      activation: 'elu',
      useBias: false,
    });
  });

  it('requires filters and a positive depth multiplier on import', () => {
    const base = spec.keras.toKeras(resolve(spec, {}, [8, 8, 1]).params, { inputShapes: [] }).config;
    const { filters: _dropped, ...noFilters } = base;
    expect(spec.keras.fromKeras({ class_name: 'SeparableConv2D', config: noFilters })).toEqual({
      ok: false,
      error: 'SeparableConv2D: filters undefined is not a positive integer',
    });
    expect(spec.keras.fromKeras({ class_name: 'SeparableConv2D', config: { ...base, depth_multiplier: 0 } })).toEqual({
      ok: false,
      error: 'SeparableConv2D: depth_multiplier 0 is not a positive integer',
    });
  });

  it('never writes kernel_initializer (tfjs refuses it on this class)', () => {
    expect(spec.keras.toKeras(resolve(spec, {}, [8, 8, 1]).params, { inputShapes: [] }).config).not.toHaveProperty('kernel_initializer');
  });

  it('reads Keras 2 and Keras 3 configs', () => {
    const keras2 = {
      name: 'sep',
      trainable: true,
      dtype: 'float32',
      filters: 64,
      kernel_size: [3, 3],
      strides: [1, 1],
      padding: 'same',
      data_format: 'channels_last',
      depth_multiplier: 1,
      dilation_rate: [1, 1],
      activation: 'relu',
      use_bias: true,
      depthwise_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      pointwise_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
      bias_initializer: { class_name: 'Zeros', config: {} },
      depthwise_regularizer: null,
      pointwise_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      depthwise_constraint: null,
      pointwise_constraint: null,
      bias_constraint: null,
    };
    expect(spec.keras.fromKeras({ class_name: 'SeparableConv2D', config: keras2 })).toEqual({
      ok: true,
      params: { filters: 64, kernelSize: [3, 3], strides: [1, 1], padding: 'same', depthMultiplier: 1, activation: 'relu', useBias: true },
    });
    const keras3 = {
      ...keras2,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      kernel_size: 5,
      strides: 2,
      depth_multiplier: 2,
      activation: 'linear',
    };
    expect(spec.keras.fromKeras({ class_name: 'SeparableConv2D', config: keras3 })).toEqual({
      ok: true,
      params: {
        filters: 64,
        kernelSize: [5, 5],
        strides: [2, 2],
        padding: 'same',
        depthMultiplier: 2,
        activation: 'linear',
        useBias: true,
      },
    });
    expect(spec.keras.fromKeras({ class_name: 'SeparableConv2D', config: { ...keras2, dilation_rate: 3 } })).toEqual({
      ok: false,
      error: expect.stringContaining('dilation_rate 3'),
    });
    const dropped = spec.keras.fromKeras({
      class_name: 'SeparableConv2D',
      config: { ...keras2, pointwise_regularizer: { class_name: 'L2', config: { l2: 1 } } },
    });
    expect(dropped.ok && dropped.warnings).toEqual([expect.stringMatching(/^pointwise_regularizer .*"L2".* was dropped/)]);
  });
});

describe('SeparableConv2D explain', () => {
  it('works parameters and MACs with the real numbers', () => {
    const e = spec.explain(resolve(spec, { filters: 64, depthMultiplier: 2 }, [32, 32, 16], 'sep'));
    const worked = e.formulas.map((f) => f.worked);
    expect(worked).toContain('floor((32 + 0 − 3)/1) + 1 = 30');
    expect(worked).toContain('3·3·16·2 + 16·2·64 + 64 = 2,400');
    expect(worked).toContain('30·30·16·2·(3·3 + 64) = 2,102,400');
  });
});
