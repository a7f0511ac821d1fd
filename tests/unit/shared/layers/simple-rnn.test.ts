import { describe, expect, it } from 'vitest';
import { simpleRnnSpec } from '../../../../src-shared/layers/defs/simple-rnn.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import { crossCheckWithTfjs, ctxFor, keras2Config, keras3Config, resolve } from './recurrent-kit.js';

crossCheckWithTfjs(simpleRnnSpec);

describe('SimpleRNN shapes and counts', () => {
  it('counts units·(F + units + 1) parameters and T·units·(F + units) MACs', () => {
    const ctx = resolve(simpleRnnSpec, { units: 64 }, [28, 28]);
    expect(simpleRnnSpec.countParams(ctx)).toEqual({ trainable: 64 * (28 + 64 + 1), nonTrainable: 0 });
    expect(simpleRnnSpec.macs(ctx)).toBe(28 * 64 * (28 + 64));
  });

  it('has no gate activation param', () => {
    expect(Object.keys(simpleRnnSpec.params)).not.toContain('recurrentActivation');
    expect('recurrent_activation' in simpleRnnSpec.keras.toKeras(withDefaults(simpleRnnSpec.params), { inputShapes: [[3, 2]] }).config).toBe(false);
  });

  it('refuses a rank-4 input and suggests [H, W·C·D]', () => {
    const r = simpleRnnSpec.inferShape(ctxFor(simpleRnnSpec, {}, [4, 5, 6, 2], 'rnn9'));
    if (r.ok) throw new Error('expected failure');
    expect(r.findings[0]!.message).toContain('SimpleRNN "rnn9" needs a sequence input T×F but gets [4, 5, 6, 2]');
    expect(r.findings[0]!.repair).toMatchObject({ layerType: 'Reshape', params: { targetShape: [4, 60] } });
  });

  it('gives no repair when the row size is unknown', () => {
    const r = simpleRnnSpec.inferShape(ctxFor(simpleRnnSpec, {}, [4, null, 3], 'rnn9'));
    if (r.ok) throw new Error('expected failure');
    expect(r.findings[0]!.code).toBe('RANK_MISMATCH');
    expect(r.findings[0]!.repair).toBeUndefined();
  });
});

describe('SimpleRNN Keras mapping', () => {
  const custom = withDefaults(simpleRnnSpec.params, {
    units: 3, activation: 'sigmoid', useBias: false, returnSequences: true, goBackwards: true,
    kernelInitializer: 'glorotNormal', dropout: 0.5, recurrentDropout: 0.5, l2: 0.02,
  });

  it('round-trips defaults and custom params', () => {
    for (const p of [withDefaults(simpleRnnSpec.params), custom]) {
      expect(simpleRnnSpec.keras.fromKeras(simpleRnnSpec.keras.toKeras(p, { inputShapes: [[4, 2]] }))).toEqual({ ok: true, params: p });
    }
  });

  it('reads back the JSON tfjs writes after loading ours', async () => {
    expect(simpleRnnSpec.keras.fromKeras(await tfjsReserialize(simpleRnnSpec, custom, [4, 2]))).toEqual({ ok: true, params: custom });
  });

  it('imports Keras 2 and Keras 3 configs', () => {
    const k2 = simpleRnnSpec.keras.fromKeras({ class_name: 'SimpleRNN', config: keras2Config({ units: 16, activation: 'relu' }) });
    expect(k2).toEqual({ ok: true, params: withDefaults(simpleRnnSpec.params, { units: 16, activation: 'relu' }) });
    const k3 = simpleRnnSpec.keras.fromKeras({ class_name: 'SimpleRNN', config: keras3Config({ units: 16, go_backwards: true, dropout: 0.2 }) });
    expect(k3).toEqual({ ok: true, params: withDefaults(simpleRnnSpec.params, { units: 16, goBackwards: true, dropout: 0.2 }) });
  });
});

describe('SimpleRNN explain', () => {
  it('works the recurrence and counts with the user numbers', () => {
    const e = simpleRnnSpec.explain(resolve(simpleRnnSpec, { units: 64, returnSequences: true }, [28, 28], 'rnn1'));
    const by = (label: string) => e.formulas.find((f) => f.label.startsWith(label))!;
    expect(by('Recurrence').symbolic).toBe('h_t = f(W·x_t + U·h_{t−1} + b), h_0 = 0');
    expect(by('Recurrence').worked).toBe('h_t (64) = tanh(W (64×28)·x_t (28) + U (64×64)·h_{t−1} (64) + b (64)) for t = 1 … 28');
    expect(by('All weights').worked).toContain('θ is 64×(28 + 64 + 1) = 64×93');
    expect(by('Parameters').worked).toBe('1·64·(28 + 64 + 1) = 5,952 (W 28×64 = 1,792, U 64×64 = 4,096, b 64)');
    expect(by('Output shape').worked).toBe('[28, 64]');
    expect(by('Backpropagation').worked).toContain('vanish or explode');
    expect(e.summary).toContain('the state after every step [28, 64]');
  });
});
