import { describe, expect, it } from 'vitest';
import { conv2dSpec } from '../../../../src-shared/layers/defs/conv2d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, infer, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['MNIST 3×3', { filters: 32 }, [28, 28, 1]],
  ['odd 29×31, 3×5 kernel, strides 2×3', { filters: 8, kernelSize: [3, 5], strides: [2, 3] }, [29, 31, 3]],
  ['odd 29×31, same, strides 2', { filters: 8, padding: 'same', strides: [2, 2] }, [29, 31, 3]],
  ['even 30×30, same, strides 2', { filters: 4, padding: 'same', strides: [2, 2] }, [30, 30, 3]],
  ['same with strides 3 on 28', { filters: 4, kernelSize: [5, 5], padding: 'same', strides: [3, 3] }, [28, 28, 3]],
  ['valid strides 3 on 29×31', { filters: 4, kernelSize: [4, 2], strides: [3, 3] }, [29, 31, 2]],
  ['1×1 convolution', { filters: 16, kernelSize: [1, 1] }, [7, 7, 64]],
  ['1×1 on a 1×1 map', { filters: 10, kernelSize: [1, 1] }, [1, 1, 8]],
  ['kernel = input size', { filters: 6, kernelSize: [5, 7] }, [5, 7, 3]],
  ['kernel > input with same', { filters: 2, kernelSize: [7, 7], padding: 'same' }, [5, 5, 3]],
  ['unknown H and W', { filters: 3, strides: [2, 2] }, [null, null, 3]],
  ['unknown H, same', { filters: 3, padding: 'same' }, [null, 40, 3]],
  [
    'no bias, L2, He init, softmax',
    { filters: 5, useBias: false, l2: 0.01, kernelInitializer: 'heNormal', activation: 'softmax' },
    [12, 9, 4],
  ],
  ['zeros init, linear, strides 1×2', { filters: 2, kernelInitializer: 'zeros', activation: 'linear', strides: [1, 2] }, [10, 11, 1]],
];

describe('Conv2D shape and weights match tfjs 4.22', () => {
  it.each(cases)('%s', async (_label, params, input) => {
    await expectMatchesTfjs(conv2dSpec, params, input);
  });
});

describe('Conv2D shape rule', () => {
  it('gives 26×26×32 on MNIST and counts 320 weights', () => {
    const ctx = resolve(conv2dSpec, { filters: 32 }, [28, 28, 1]);
    expect(ctx.output).toEqual([26, 26, 32]);
    expect(conv2dSpec.countParams(ctx)).toEqual({ trainable: 320, nonTrainable: 0 });
    expect(conv2dSpec.macs(ctx)).toBe(26 * 26 * 32 * 9);
  });

  it('refuses a flat vector and offers a Reshape to a square image', () => {
    const f = failure(conv2dSpec, {}, [784], 'conv1');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toBe('Conv2D "conv1" needs a 3-D input H×W×C but gets [784]');
    expect(f.repair).toMatchObject({
      kind: 'insert-layer',
      target: 'node-1',
      source: '',
      layerType: 'Reshape',
      params: { targetShape: [28, 28, 1] },
    });
  });

  it('offers no repair for a vector that is not a perfect square', () => {
    const f = failure(conv2dSpec, {}, [780], 'conv1');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toContain('[780]');
    expect(f.repair).toBeUndefined();
  });

  it('offers adding the channel axis to a 2-D input', () => {
    const f = failure(conv2dSpec, {}, [28, 30], 'conv1');
    expect(f.repair).toMatchObject({ layerType: 'Reshape', params: { targetShape: [28, 30, 1] } });
  });

  it('refuses a 4-D input without a repair', () => {
    const f = failure(conv2dSpec, {}, [4, 5, 6, 7], 'c');
    expect(f.message).toBe('Conv2D "c" needs a 3-D input H×W×C but gets [4, 5, 6, 7]');
    expect(f.repair).toBeUndefined();
  });

  it('reports a kernel larger than a valid input, naming both sizes', () => {
    const f = failure(conv2dSpec, { kernelSize: [5, 5] }, [3, 4, 2], 'conv1');
    expect(f.code).toBe('KERNEL_TOO_LARGE');
    expect(f.message).toBe('Conv2D "conv1" has a kernel of size 5×5 but its input is only 3×4 (H×W) with \'valid\' padding');
    expect(f.repair).toEqual({
      kind: 'set-param',
      label: 'Use \'same\' padding in "conv1"',
      nodeId: 'node-1',
      param: 'padding',
      value: 'same',
    });
  });

  it('checks only the known axis when one is unknown', () => {
    expect(failure(conv2dSpec, { kernelSize: [3, 9] }, [null, 5, 2]).code).toBe('KERNEL_TOO_LARGE');
    expect(infer(conv2dSpec, { kernelSize: [9, 3] }, [null, 5, 2])).toEqual({ ok: true, shape: [null, 3, 32] });
  });

  it('reports a zero-size output as NONPOSITIVE_SIZE', () => {
    const f = failure(conv2dSpec, { padding: 'same' }, [0, 5, 2], 'conv1');
    expect(f.code).toBe('NONPOSITIVE_SIZE');
    expect(f.message).toContain('"conv1"');
    expect(f.message).toContain('0×5');
  });

  it('needs a known channel count', () => {
    const f = failure(conv2dSpec, {}, [8, 8, null], 'conv1');
    expect(f.code).toBe('UNKNOWN_DIM');
    expect(f.message).toBe('Conv2D "conv1" needs a known channel count (last axis) but gets [8, 8, ?]');
  });
});

describe('Conv2D Keras mapping', () => {
  it('round-trips defaults and every non-default', () => {
    expectRoundTrip(conv2dSpec, {});
    expectRoundTrip(conv2dSpec, {
      filters: 7,
      kernelSize: [1, 5],
      strides: [2, 3],
      padding: 'same',
      activation: 'tanh',
      useBias: false,
      kernelInitializer: 'zeros',
      l2: 0.002,
    });
  });

  it('reads a Keras 2 model.to_json() layer', () => {
    const r = conv2dSpec.keras.fromKeras({
      class_name: 'Conv2D',
      config: {
        name: 'conv2d',
        trainable: true,
        batch_input_shape: [null, 28, 28, 1],
        dtype: 'float32',
        filters: 32,
        kernel_size: [3, 3],
        strides: [1, 1],
        padding: 'valid',
        data_format: 'channels_last',
        dilation_rate: [1, 1],
        groups: 1,
        activation: 'relu',
        use_bias: true,
        kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: { class_name: 'L2', config: { l2: 0.0005 } },
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
      },
    });
    expect(r).toEqual({
      ok: true,
      params: {
        filters: 32,
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'valid',
        activation: 'relu',
        useBias: true,
        kernelInitializer: 'glorotUniform',
        l2: 0.0005,
      },
    });
  });

  it('reads a Keras 3 config (dtype policy, module, int kernel_size, null lora_rank)', () => {
    const r = conv2dSpec.keras.fromKeras({
      class_name: 'Conv2D',
      config: {
        name: 'conv2d_1',
        trainable: true,
        dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
        filters: 16,
        kernel_size: 5,
        strides: 2,
        padding: 'same',
        data_format: 'channels_last',
        dilation_rate: [1, 1],
        groups: 1,
        activation: 'elu',
        use_bias: false,
        kernel_initializer: { module: 'keras.initializers', class_name: 'HeNormal', config: { seed: null }, registered_name: null },
        bias_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        lora_rank: null,
      },
    });
    expect(r).toEqual({
      ok: true,
      params: {
        filters: 16,
        kernelSize: [5, 5],
        strides: [2, 2],
        padding: 'same',
        activation: 'elu',
        useBias: false,
        kernelInitializer: 'heNormal',
        l2: 0,
      },
    });
  });

  it('refuses dilation, groups, causal padding, channels_first and unknown options, naming them', () => {
    const base = conv2dSpec.keras.toKeras(resolve(conv2dSpec, {}, [8, 8, 1]).params, { inputShapes: [] });
    const tryWith = (extra: Record<string, unknown>) =>
      conv2dSpec.keras.fromKeras({ class_name: 'Conv2D', config: { ...base.config, ...extra } });
    expect(tryWith({ dilation_rate: [2, 2] })).toEqual({ ok: false, error: expect.stringContaining('dilation_rate [2,2]') });
    expect(tryWith({ dilation_rate: 2 })).toEqual({ ok: false, error: expect.stringContaining('dilation_rate 2') });
    expect(tryWith({ groups: 4 })).toEqual({ ok: false, error: expect.stringContaining('groups 4') });
    expect(tryWith({ data_format: 'channels_first' })).toEqual({ ok: false, error: expect.stringContaining('channels_first') });
    expect(tryWith({ lora_rank: 4 })).toEqual({ ok: false, error: expect.stringContaining('lora_rank=4') });
    expect(tryWith({ activation: 'swish' })).toEqual({ ok: false, error: expect.stringContaining('"swish"') });
    expect(tryWith({ groups: 4 })).toEqual({
      ok: false,
      error: 'Conv2D: groups 4 is not supported (Netwright has no grouped convolutions)',
    });
    expect(tryWith({ kernel_regularizer: { class_name: 'L1L2', config: { l1: 0.1, l2: 0 } } })).toEqual({
      ok: false,
      error: expect.stringContaining('l1=0.1'),
    });
  });

  it('drops regularizers it does not offer with a warning (they only shape training)', () => {
    const base = conv2dSpec.keras.toKeras(resolve(conv2dSpec, {}, [8, 8, 1]).params, { inputShapes: [] });
    const r = conv2dSpec.keras.fromKeras({
      class_name: 'Conv2D',
      config: { ...base.config, activity_regularizer: { class_name: 'L2', config: { l2: 0.1 } } },
    });
    expect(r).toMatchObject({ ok: true, params: { l2: 0 } });
    expect(r.ok && r.warnings).toEqual([expect.stringMatching(/^activity_regularizer .*"L2".* was dropped/)]);
  });

  it('drops constraints and odd initializers with warnings', () => {
    const base = conv2dSpec.keras.toKeras(resolve(conv2dSpec, {}, [8, 8, 1]).params, { inputShapes: [] });
    const r = conv2dSpec.keras.fromKeras({
      class_name: 'Conv2D',
      config: {
        ...base.config,
        kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2 } },
        bias_initializer: { class_name: 'Ones', config: {} },
        kernel_initializer: { class_name: 'Orthogonal', config: {} },
      },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.params.kernelInitializer).toBe('glorotUniform');
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings!.join(' ')).toMatch(/MaxNorm[\s\S]*Ones|Ones[\s\S]*MaxNorm/);
  });
});

describe('Conv2D explain and lint', () => {
  it('works the valid-padding formula with the real numbers', () => {
    const ctx = resolve(conv2dSpec, { filters: 32 }, [28, 28, 1], 'conv1');
    const e = conv2dSpec.explain(ctx);
    expect(e.summary).toContain('"conv1"');
    expect(e.summary).toContain('26×26×32');
    const byLabel = Object.fromEntries(e.formulas.map((f) => [f.label, f]));
    expect(byLabel["Output height ('valid' padding, p = 0)"]).toEqual({
      label: "Output height ('valid' padding, p = 0)",
      symbolic: 'out = floor((n + 2p − k)/s) + 1',
      worked: 'floor((28 + 0 − 3)/1) + 1 = 26',
    });
    expect(byLabel['Parameters']!.worked).toBe('3·3·1·32 + 32 = 320');
    expect(byLabel['Multiply-accumulates per sample']!.worked).toBe('26·26·32·3·3·1 = 194,688');
    expect(byLabel['Glorot (uniform) initial weight variance']!.worked).toBe(
      'fan_in = k_h·k_w·C_in = 3·3·1 = 9, fan_out = k_h·k_w·F = 3·3·32 = 288; 2/(9 + 288) = 0.006734',
    );
  });

  it("works 'same' padding: ceil(n/s) and the implied padding on odd and even sizes", () => {
    const e = conv2dSpec.explain(resolve(conv2dSpec, { filters: 4, padding: 'same', strides: [2, 2], kernelSize: [3, 3] }, [29, 30, 3]));
    const worked = e.formulas.map((f) => f.worked);
    expect(worked).toContain('ceil(29/2) = 15');
    expect(worked).toContain('max((15 − 1)·2 + 3 − 29, 0) = 2 → 1 before, 1 after');
    expect(worked).toContain('ceil(30/2) = 15');
    expect(worked).toContain('max((15 − 1)·2 + 3 − 30, 0) = 1 → 0 before, 1 after');
  });

  it('explains unknown sizes and He init', () => {
    const e = conv2dSpec.explain(resolve(conv2dSpec, { filters: 8, kernelInitializer: 'heNormal', useBias: false }, [null, 12, 2]));
    const worked = e.formulas.map((f) => f.worked);
    expect(worked).toContain('n is unknown (variable), so out is unknown');
    expect(worked).toContain('floor((12 + 0 − 3)/1) + 1 = 10');
    expect(worked).toContain('3·3·2·8 = 144');
    expect(worked).toContain('fan_in = k_h·k_w·C_in = 3·3·2 = 18; 2/18 = 0.1111');
  });

  it('warns about zero initialization and offers Glorot', () => {
    expect(conv2dSpec.lint!(resolve(conv2dSpec, {}, [8, 8, 1]))).toEqual([]);
    const [w] = conv2dSpec.lint!(resolve(conv2dSpec, { kernelInitializer: 'zeros', filters: 12 }, [8, 8, 1], 'conv1'));
    expect(w).toMatchObject({ code: 'ZERO_INIT', severity: 'warning', nodeId: 'node-1' });
    expect(w!.message).toContain('"conv1"');
    expect(w!.message).toContain('12 filters');
    expect(w!.repair).toMatchObject({ kind: 'set-param', param: 'kernelInitializer', value: 'glorotUniform' });
  });
});
