import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { gruSpec } from '../../../../src-shared/layers/defs/gru.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import { crossCheckWithTfjs, ctxFor, keras2Config, keras3Config, resolve } from './recurrent-kit.js';

crossCheckWithTfjs(gruSpec);

describe('GRU shapes and counts', () => {
  it('counts 3·units·(F + units + 1) parameters (reset_after=False has one bias per gate)', () => {
    const ctx = resolve(gruSpec, { units: 64 }, [28, 28]);
    expect(gruSpec.countParams(ctx)).toEqual({ trainable: 3 * 64 * (28 + 64 + 1), nonTrainable: 0 });
    expect(gruSpec.macs(ctx)).toBe(28 * 3 * 64 * (28 + 64));
  });

  it('returns one output per step with returnSequences', () => {
    expect(resolve(gruSpec, { units: 9, returnSequences: true }, [12, 2]).output).toEqual([12, 9]);
  });

  it('refuses a rank-1 input naming layer and shape', () => {
    const r = gruSpec.inferShape(ctxFor(gruSpec, {}, [100], 'gru_a'));
    if (r.ok) throw new Error('expected failure');
    expect(r.findings[0]!.code).toBe('RANK_MISMATCH');
    expect(r.findings[0]!.message).toContain('GRU "gru_a" needs a sequence input T×F but gets [100]');
  });
});

describe('GRU reset_after', () => {
  it('always writes reset_after false, and tfjs loads it', async () => {
    const keras = gruSpec.keras.toKeras(withDefaults(gruSpec.params), { inputShapes: [[5, 3]] });
    expect(keras.config.reset_after).toBe(false);
    const again = await tfjsReserialize(gruSpec, {}, [5, 3]);
    expect(again.config.reset_after).toBe(false);
  });

  it('tfjs itself rejects reset_after true (why we refuse it on import)', async () => {
    const keras = gruSpec.keras.toKeras(withDefaults(gruSpec.params), { inputShapes: [[5, 3]] });
    const topology = {
      class_name: 'Model',
      config: {
        name: 'm',
        layers: [
          { class_name: 'InputLayer', name: 'in0', config: { name: 'in0', batch_input_shape: [null, 5, 3], dtype: 'float32' }, inbound_nodes: [] },
          { class_name: 'GRU', name: 'g', config: { ...keras.config, name: 'g', reset_after: true }, inbound_nodes: [[['in0', 0, 0, {}]]] },
        ],
        input_layers: [['in0', 0, 0]],
        output_layers: [['g', 0, 0]],
      },
    };
    await expect(tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON)).rejects.toThrow(/reset_after/);
  });

  it.each([
    ['Keras 3', keras3Config({ recurrent_activation: 'sigmoid', reset_after: true })],
    ['Keras 2', keras2Config({ recurrent_activation: 'sigmoid', reset_after: true, implementation: 2 })],
  ])('refuses a %s GRU with reset_after=True, naming the option and the fix', (_, config) => {
    const r = gruSpec.keras.fromKeras({ class_name: 'GRU', config });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('reset_after=True');
    expect(r.error).toMatch(/set reset_after=False in the source model/i);
    expect(r.error).toContain('rebuild');
    expect(r.error).toContain('TensorFlow.js implements only the original GRU formulation');
  });

  it('treats a config without reset_after as the original formulation', () => {
    const config = keras2Config({ recurrent_activation: 'hard_sigmoid', implementation: 1 });
    const r = gruSpec.keras.fromKeras({ class_name: 'GRU', config });
    expect(r).toEqual({ ok: true, params: withDefaults(gruSpec.params, { recurrentActivation: 'hardSigmoid' }) });
  });

  it('imports Keras 3 and Keras 2 GRUs built with reset_after=False', () => {
    const k3 = gruSpec.keras.fromKeras({ class_name: 'GRU', config: keras3Config({ units: 20, return_sequences: true, recurrent_activation: 'sigmoid', reset_after: false }) });
    expect(k3).toEqual({ ok: true, params: withDefaults(gruSpec.params, { units: 20, returnSequences: true }) });
    const k2 = gruSpec.keras.fromKeras({ class_name: 'GRU', config: keras2Config({ units: 20, recurrent_activation: 'sigmoid', reset_after: false, implementation: 2 }) });
    expect(k2).toEqual({ ok: true, params: withDefaults(gruSpec.params, { units: 20 }) });
  });
});

describe('GRU round trip', () => {
  const custom = withDefaults(gruSpec.params, {
    units: 5, activation: 'elu', recurrentActivation: 'hardSigmoid', useBias: false, returnSequences: true,
    goBackwards: true, kernelInitializer: 'zeros', dropout: 0.1, recurrentDropout: 0.4, l2: 0.5,
  });

  it('fromKeras(toKeras(p)) is p, for defaults and custom params', () => {
    for (const p of [withDefaults(gruSpec.params), custom]) {
      expect(gruSpec.keras.fromKeras(gruSpec.keras.toKeras(p, { inputShapes: [[4, 2]] }))).toEqual({ ok: true, params: p });
    }
  });

  it('reads back the JSON tfjs writes after loading ours', async () => {
    expect(gruSpec.keras.fromKeras(await tfjsReserialize(gruSpec, custom, [4, 2]))).toEqual({ ok: true, params: custom });
  });
});

describe('GRU explain', () => {
  it('shows the TF.js form (reset before U_h, z keeps the old state) with the user numbers', () => {
    const e = gruSpec.explain(resolve(gruSpec, { units: 64 }, [28, 28], 'gru1'));
    const by = (label: string) => e.formulas.find((f) => f.label.startsWith(label))!;
    expect(by('Candidate state').symbolic).toBe('h̃_t = tanh(W_h·x_t + U_h·(r_t ⊙ h_{t−1}) + b_h)');
    expect(by('New state').symbolic).toBe('h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t, h_0 = 0');
    expect(by('All weights').worked).toContain('θ is 3·64×(28 + 64 + 1) = 192×93');
    expect(by('Parameters').worked).toBe('3·64·(28 + 64 + 1) = 17,856 (W 28×192 = 5,376, U 64×192 = 12,288, b 192)');
    expect(by('Multiply').worked).toBe('28·3·64·(28 + 64) = 494,592');
    expect(by('Initial weights').worked).toBe('2/(28 + 192) = 0.009091');
  });

  it('leaves out the bias terms and the variance line when they do not apply', () => {
    const e = gruSpec.explain(resolve(gruSpec, { units: 2, useBias: false, kernelInitializer: 'zeros' }, [3, 1]));
    expect(e.formulas.find((f) => f.label.startsWith('Candidate'))!.symbolic).toBe('h̃_t = tanh(W_h·x_t + U_h·(r_t ⊙ h_{t−1}))');
    expect(e.formulas.find((f) => f.label.startsWith('Initial'))).toBeUndefined();
    expect(e.summary).toContain('1 feature,');
  });
});
