import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_LAYER_OPTIONS, activationSpec } from '../../../../src-shared/layers/defs/activation.js';
import { fmtNum, withDefaults } from '../../../../src-shared/layers/common.js';
import { expectMatchesTfjs, expectRoundTrip, formula, importError, resolveAll } from './core-helpers.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';

const SHAPES: Shape[] = [[5], [3, 4], [2, 2, 3], [null, 7]];

/** Runs the compiled layer in tfjs on one row of values. */
async function tfjsValues(params: Params, values: number[]): Promise<number[]> {
  const keras = activationSpec.keras.toKeras(withDefaults(activationSpec.params, params), { inputShapes: [[values.length]] });
  const topology = {
    class_name: 'Model',
    config: {
      name: 'act',
      layers: [
        {
          class_name: 'InputLayer',
          name: 'in0',
          config: { name: 'in0', batch_input_shape: [null, values.length], dtype: 'float32', sparse: false },
          inbound_nodes: [],
        },
        { class_name: keras.class_name, name: 'probe', config: { ...keras.config, name: 'probe' }, inbound_nodes: [[['in0', 0, 0, {}]]] },
      ],
      input_layers: [['in0', 0, 0]],
      output_layers: [['probe', 0, 0]],
    },
  };
  const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
  const y = model.predict(tf.tensor2d([values])) as tf.Tensor;
  const out = Array.from(await y.data());
  model.dispose();
  return out;
}

describe('Activation', () => {
  const cases = ACTIVATION_LAYER_OPTIONS.flatMap((act) => SHAPES.map((s) => [act, s] as const));
  it.each(cases)('matches tfjs: %s on %j', async (activation, shape) => {
    await expectMatchesTfjs(activationSpec, { activation }, [shape]);
  });

  it.each(ACTIVATION_LAYER_OPTIONS.filter((a) => a !== 'softmax'))('explain %s shows the values tfjs computes', async (activation) => {
    const worked = formula(activationSpec, resolveAll(activationSpec, { activation }, [[3]]), activation).worked;
    const ys = await tfjsValues({ activation }, [-2, 0.5, 8]);
    expect(worked).toBe([-2, 0.5, 8].map((z, i) => `f(${z}) = ${fmtNum(ys[i]!)}`).join(', '));
  });

  it('compiles leakyRelu to LeakyReLU(0.3) and relu6 to ReLU(max_value 6)', async () => {
    expect(activationSpec.keras.toKeras({ activation: 'leakyRelu' }, { inputShapes: [] })).toEqual({
      class_name: 'LeakyReLU',
      config: { alpha: 0.3 },
    });
    expect(activationSpec.keras.toKeras({ activation: 'relu6' }, { inputShapes: [] }).class_name).toBe('ReLU');
    expect(await tfjsValues({ activation: 'relu6' }, [-1, 3, 9])).toEqual([0, 3, 6]);
  });

  it('explains softmax with a worked probability vector', async () => {
    const f = formula(activationSpec, resolveAll(activationSpec, { activation: 'softmax' }, [[3]]), 'softmax');
    const ys = await tfjsValues({ activation: 'softmax' }, [1, 2, 3]);
    expect(f.worked).toBe(`softmax([1, 2, 3]) = [${ys.map((v) => fmtNum(v)).join(', ')}]`);
    expect(f.worked).toBe('softmax([1, 2, 3]) = [0.09003, 0.2447, 0.6652]');
  });

  it.each(ACTIVATION_LAYER_OPTIONS)('round-trips %s', (activation) => expectRoundTrip(activationSpec, { activation }));

  it('imports Keras 2 configs', () => {
    const k2 = (class_name: string, config: Record<string, unknown>) =>
      activationSpec.keras.fromKeras({ class_name, config: { name: 'a', trainable: true, dtype: 'float32', ...config } });
    expect(k2('Activation', { activation: 'tanh' })).toEqual({ ok: true, params: { activation: 'tanh' } });
    // Keras 2 stores the slope as float32.
    expect(k2('LeakyReLU', { alpha: 0.30000001192092896 })).toEqual({ ok: true, params: { activation: 'leakyRelu' } });
    expect(k2('ReLU', { max_value: null, negative_slope: 0.0, threshold: 0.0 })).toEqual({ ok: true, params: { activation: 'relu' } });
    expect(k2('ReLU', { max_value: 6.0, negative_slope: 0.0, threshold: 0.0 })).toEqual({ ok: true, params: { activation: 'relu6' } });
    expect(k2('Softmax', { axis: -1 })).toEqual({ ok: true, params: { activation: 'softmax' } });
    expect(k2('ELU', { alpha: 1.0 })).toEqual({ ok: true, params: { activation: 'elu' } });
  });

  it('imports Keras 3 configs', () => {
    const dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    const k3 = (class_name: string, config: Record<string, unknown>) =>
      activationSpec.keras.fromKeras({ class_name, config: { name: 'a', trainable: true, dtype, ...config } });
    expect(k3('LeakyReLU', { negative_slope: 0.3 })).toEqual({ ok: true, params: { activation: 'leakyRelu' } });
    expect(k3('Activation', { activation: 'relu6' })).toEqual({ ok: true, params: { activation: 'relu6' } });
    expect(k3('Activation', { activation: 'sigmoid' })).toEqual({ ok: true, params: { activation: 'sigmoid' } });
  });

  it('refuses options that change the function, naming them', () => {
    expect(importError(activationSpec, 'LeakyReLU', { negative_slope: 0.2 })).toBe(
      "LeakyReLU: slope 0.2 is not supported (leakyRelu here uses Keras's default 0.3)",
    );
    expect(importError(activationSpec, 'LeakyReLU', { alpha: 0.1 })).toContain('0.1');
    expect(importError(activationSpec, 'ReLU', { max_value: 1 })).toContain('max_value 1');
    expect(importError(activationSpec, 'ReLU', { negative_slope: 0.1 })).toContain('negative_slope 0.1');
    expect(importError(activationSpec, 'ReLU', { threshold: 0.5 })).toContain('threshold 0.5');
    expect(importError(activationSpec, 'Softmax', { axis: 1 })).toContain('axis 1');
    expect(importError(activationSpec, 'ELU', { alpha: 0.5 })).toContain('alpha 0.5');
    expect(importError(activationSpec, 'Activation', { activation: 'gelu' })).toContain('"gelu"');
    expect(importError(activationSpec, 'Activation', { activation: 'leaky_relu' })).toContain('slope 0.2');
    expect(importError(activationSpec, 'PReLU', {})).toContain('PReLU');
  });

  it('has no weights and keeps the shape', () => {
    const ctx = resolveAll(activationSpec, { activation: 'relu' }, [[26, 26, 32]], 'act1');
    expect(ctx.output).toEqual([26, 26, 32]);
    expect(activationSpec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(activationSpec.explain(ctx).summary).toContain('21,632 values');
  });
});
