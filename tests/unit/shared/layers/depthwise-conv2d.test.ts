import { describe, expect, it } from 'vitest';
import { depthwiseConv2dSpec as spec } from '../../../../src-shared/layers/defs/depthwise-conv2d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 28×28×3', {}, [28, 28, 3]],
  ['depth multiplier 2, same, strides 2 on odd 29×31', { depthMultiplier: 2, padding: 'same', strides: [2, 2] }, [29, 31, 3]],
  ['5×3 kernel, strides 3×2 on 29×31', { kernelSize: [5, 3], strides: [3, 2] }, [29, 31, 4]],
  ['kernel = input size', { kernelSize: [5, 5] }, [5, 5, 2]],
  ['1×1, depth multiplier 3', { kernelSize: [1, 1], depthMultiplier: 3 }, [7, 7, 8]],
  ['unknown H and W, strides 2', { strides: [2, 2] }, [null, null, 3]],
  ['no bias, depth multiplier 2', { useBias: false, depthMultiplier: 2, activation: 'tanh' }, [12, 10, 5]],
  ['even 30×30, same, strides 3', { padding: 'same', strides: [3, 3] }, [30, 30, 1]],
  ['28×31, same, strides 3', { padding: 'same', strides: [3, 3], kernelSize: [4, 4] }, [28, 31, 2]],
];

describe('DepthwiseConv2D matches tfjs 4.22', () => {
  it.each(cases)('%s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });
});

describe('DepthwiseConv2D rules', () => {
  it('multiplies channels and counts k·k·C·m + C·m weights', () => {
    const ctx = resolve(spec, { depthMultiplier: 2 }, [32, 32, 16]);
    expect(ctx.output).toEqual([30, 30, 32]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 3 * 3 * 16 * 2 + 32, nonTrainable: 0 });
    expect(spec.macs(ctx)).toBe(30 * 30 * 32 * 9);
  });

  it('reports rank, unknown channels and an oversized kernel', () => {
    const rank = failure(spec, {}, [784], 'dw1');
    expect(rank.code).toBe('RANK_MISMATCH');
    expect(rank.message).toBe('DepthwiseConv2D "dw1" needs a 3-D input H×W×C but gets [784]');
    expect(failure(spec, {}, [9, 9, null], 'dw1').code).toBe('UNKNOWN_DIM');
    const big = failure(spec, { kernelSize: [4, 4] }, [3, 9, 2], 'dw1');
    expect(big.code).toBe('KERNEL_TOO_LARGE');
    expect(big.message).toContain('4×4');
    expect(big.message).toContain('3×9');
  });
});

describe('DepthwiseConv2D Keras mapping', () => {
  it('round-trips', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, {
      kernelSize: [5, 1],
      strides: [2, 1],
      padding: 'same',
      depthMultiplier: 4,
      activation: 'sigmoid',
      useBias: false,
    });
  });

  it('reads a Keras 2 config (with groups: 1)', () => {
    const r = spec.keras.fromKeras({
      class_name: 'DepthwiseConv2D',
      config: {
        name: 'dw',
        trainable: true,
        dtype: 'float32',
        kernel_size: [3, 3],
        strides: [2, 2],
        padding: 'same',
        data_format: 'channels_last',
        dilation_rate: [1, 1],
        groups: 1,
        activation: 'linear',
        use_bias: false,
        bias_initializer: { class_name: 'Zeros', config: {} },
        bias_regularizer: null,
        activity_regularizer: null,
        bias_constraint: null,
        depth_multiplier: 1,
        depthwise_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        depthwise_regularizer: null,
        depthwise_constraint: null,
      },
    });
    expect(r).toEqual({
      ok: true,
      params: { kernelSize: [3, 3], strides: [2, 2], padding: 'same', depthMultiplier: 1, activation: 'linear', useBias: false },
    });
  });

  it('reads a Keras 3 config and warns about a dropped initializer', () => {
    const r = spec.keras.fromKeras({
      class_name: 'DepthwiseConv2D',
      config: {
        name: 'dw',
        trainable: true,
        dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
        kernel_size: [3, 3],
        strides: [1, 1],
        padding: 'valid',
        data_format: 'channels_last',
        dilation_rate: [1, 1],
        activation: 'relu',
        use_bias: true,
        depth_multiplier: 2,
        depthwise_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null },
        bias_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
        depthwise_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        depthwise_constraint: null,
        bias_constraint: null,
      },
    });
    expect(r).toMatchObject({ ok: true, params: { depthMultiplier: 2, activation: 'relu', useBias: true } });
    expect(r.ok && r.warnings?.[0]).toContain('HeNormal');
  });

  it('refuses dilation and drops a depthwise regularizer with a warning', () => {
    const base = spec.keras.toKeras(resolve(spec, {}, [8, 8, 1]).params, { inputShapes: [] }).config;
    expect(spec.keras.fromKeras({ class_name: 'DepthwiseConv2D', config: { ...base, dilation_rate: [2, 2] } })).toEqual({
      ok: false,
      error: 'DepthwiseConv2D: dilation_rate [2,2] is not supported (Netwright has no dilated convolutions)',
    });
    const r = spec.keras.fromKeras({
      class_name: 'DepthwiseConv2D',
      config: { ...base, depthwise_regularizer: { class_name: 'L2', config: { l2: 0.01 } } },
    });
    expect(r.ok && r.warnings).toEqual([expect.stringMatching(/^depthwise_regularizer .*"L2".* was dropped/)]);
  });
});

describe('DepthwiseConv2D explain', () => {
  it('works channels, parameters and MACs', () => {
    const e = spec.explain(resolve(spec, { depthMultiplier: 2, strides: [2, 2], padding: 'same' }, [29, 31, 3], 'dw1'));
    const worked = e.formulas.map((f) => f.worked);
    expect(e.summary).toContain('"dw1"');
    expect(worked).toContain('ceil(29/2) = 15');
    expect(worked).toContain('ceil(31/2) = 16');
    expect(worked).toContain('3·2 = 6');
    expect(worked).toContain('3·3·3·2 + 3·2 = 60');
    expect(worked).toContain('15·16·3·2·3·3 = 12,960');
  });
});
