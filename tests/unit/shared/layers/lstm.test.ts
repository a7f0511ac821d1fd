import { describe, expect, it } from 'vitest';
import { lstmSpec } from '../../../../src-shared/layers/defs/lstm.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import { reshapeSpec } from '../../../../src-shared/layers/defs/reshape.js';
import { tfjsReserialize } from '../../../helpers/tfjs-reserialize.js';
import { crossCheckWithTfjs, ctxFor, keras2Config, keras3Config, resolve } from './recurrent-kit.js';

crossCheckWithTfjs(lstmSpec);

describe('LSTM shapes and counts', () => {
  it('counts 4·units·(F + units + 1) parameters and T·4·units·(F + units) MACs', () => {
    const ctx = resolve(lstmSpec, { units: 64 }, [28, 28]);
    expect(ctx.output).toEqual([64]);
    expect(lstmSpec.countParams(ctx)).toEqual({ trainable: 4 * 64 * (28 + 64 + 1), nonTrainable: 0 });
    expect(lstmSpec.countParams(ctx).trainable).toBe(23_808);
    expect(lstmSpec.macs(ctx)).toBe(28 * 4 * 64 * (28 + 64));
  });

  it('drops the bias block when useBias is off', () => {
    const ctx = resolve(lstmSpec, { units: 10, useBias: false }, [5, 3]);
    expect(lstmSpec.countParams(ctx).trainable).toBe(4 * 10 * (3 + 10));
  });

  it('counts one step of MACs when T is unknown', () => {
    const ctx = resolve(lstmSpec, { units: 8, returnSequences: true }, [null, 2]);
    expect(ctx.output).toEqual([null, 8]);
    expect(lstmSpec.macs(ctx)).toBe(4 * 8 * (2 + 8));
  });
});

describe('LSTM shape failures', () => {
  it('refuses a flat vector with RANK_MISMATCH naming the layer and shape, without a repair', () => {
    const r = lstmSpec.inferShape(ctxFor(lstmSpec, {}, [784], 'lstm1'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings[0]!.code).toBe('RANK_MISMATCH');
    expect(r.findings[0]!.message).toContain('LSTM "lstm1" needs a sequence input T×F but gets [784]');
    expect(r.findings[0]!.repair).toBeUndefined();
    expect(r.findings[0]!.nodeId).toBe('node-7');
  });

  it('offers a Reshape to [H, W·C] for an image', () => {
    const r = lstmSpec.inferShape(ctxFor(lstmSpec, {}, [28, 28, 1], 'lstm1'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const f = r.findings[0]!;
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toContain('gets [28, 28, 1]');
    expect(f.message).toContain('[28, 28]');
    expect(f.repair).toEqual({
      kind: 'insert-layer',
      label: 'Insert Reshape to [28, 28] before "lstm1"',
      source: '',
      target: 'node-7',
      layerType: 'Reshape',
      params: { targetShape: [28, 28] },
    });
  });

  it('flattens every trailing dim into F, and uses -1 for an unknown first dim', () => {
    const r = lstmSpec.inferShape(ctxFor(lstmSpec, {}, [null, 8, 3], 'lstm1'));
    if (r.ok) throw new Error('expected failure');
    expect(r.findings[0]!.repair).toMatchObject({ params: { targetShape: [-1, 24] } });
  });

  it.each([
    [[28, 28, 1], [28, 64]],
    [[null, 8, 3], [null, 64]],
  ] as const)('applying the Reshape repair for %j makes the LSTM valid', (input, expected) => {
    const r = lstmSpec.inferShape(ctxFor(lstmSpec, {}, input, 'lstm1'));
    if (r.ok || r.findings[0]!.repair?.kind !== 'insert-layer') throw new Error('expected a Reshape repair');
    const reshaped = reshapeSpec.inferShape(ctxFor(reshapeSpec, r.findings[0]!.repair.params as { targetShape: number[] }, input, 'reshape1'));
    if (!reshaped.ok) throw new Error(reshaped.findings[0]!.message);
    expect(resolve(lstmSpec, { returnSequences: true }, reshaped.shape).output).toEqual(expected);
  });

  it('refuses an unknown feature count with UNKNOWN_DIM', () => {
    const r = lstmSpec.inferShape(ctxFor(lstmSpec, { units: 16 }, [10, null], 'lstm1'));
    if (r.ok) throw new Error('expected failure');
    expect(r.findings[0]!.code).toBe('UNKNOWN_DIM');
    expect(r.findings[0]!.message).toBe('LSTM "lstm1" needs a known feature count F but gets [10, ?]; its input kernel is F×64');
  });
});

describe('LSTM Keras mapping', () => {
  const custom = withDefaults(lstmSpec.params, {
    units: 12, activation: 'relu', recurrentActivation: 'hardSigmoid', useBias: false, returnSequences: true,
    goBackwards: true, kernelInitializer: 'heUniform', dropout: 0.2, recurrentDropout: 0.3, l2: 0.001,
  });

  it('round-trips defaults and custom params exactly', () => {
    const defaults = withDefaults(lstmSpec.params);
    expect(lstmSpec.keras.fromKeras(lstmSpec.keras.toKeras(defaults, { inputShapes: [[5, 3]] }))).toEqual({ ok: true, params: defaults });
    expect(lstmSpec.keras.fromKeras(lstmSpec.keras.toKeras(custom, { inputShapes: [[5, 3]] }))).toEqual({ ok: true, params: custom });
  });

  it('writes the Keras gate default explicitly (tfjs would otherwise use hardSigmoid) and unit_forget_bias', () => {
    const { class_name, config } = lstmSpec.keras.toKeras(withDefaults(lstmSpec.params), { inputShapes: [[5, 3]] });
    expect(class_name).toBe('LSTM');
    expect(config.recurrent_activation).toBe('sigmoid');
    expect(config.unit_forget_bias).toBe(true);
    expect(config.kernel_initializer).toEqual({ class_name: 'GlorotUniform', config: { seed: null } });
    expect(lstmSpec.keras.toKeras(custom, { inputShapes: [[5, 3]] }).config.recurrent_activation).toBe('hard_sigmoid');
  });

  it('reads back what tfjs itself serializes after loading our JSON', async () => {
    const again = await tfjsReserialize(lstmSpec, custom, [5, 3]);
    expect(again.config.recurrent_activation).toBe('hard_sigmoid');
    expect(lstmSpec.keras.fromKeras(again)).toEqual({ ok: true, params: custom });
  });

  it('imports a Keras 3 config', () => {
    const r = lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: keras3Config({ recurrent_activation: 'sigmoid', unit_forget_bias: true }) });
    expect(r).toEqual({ ok: true, params: withDefaults(lstmSpec.params, { units: 64 }) });
  });

  it('imports a Keras 3 L2 regularizer and return_sequences', () => {
    const r = lstmSpec.keras.fromKeras({
      class_name: 'LSTM',
      config: keras3Config({
        units: 32, return_sequences: true, recurrent_activation: 'sigmoid',
        kernel_regularizer: { module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 }, registered_name: null },
      }),
    });
    expect(r).toEqual({ ok: true, params: withDefaults(lstmSpec.params, { units: 32, returnSequences: true, l2: 0.01 }) });
  });

  it('imports a tf.keras 2.x config (implementation 2, time_major false)', () => {
    const r = lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: keras2Config({ units: 50, recurrent_activation: 'sigmoid', unit_forget_bias: true, implementation: 2 }) });
    expect(r).toEqual({ ok: true, params: withDefaults(lstmSpec.params, { units: 50 }) });
  });

  it('maps Keras 2.2 hard_sigmoid gates to hardSigmoid', () => {
    const r = lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: keras2Config({ recurrent_activation: 'hard_sigmoid', implementation: 1 }) });
    expect(r.ok && r.params.recurrentActivation).toBe('hardSigmoid');
  });

  it('refuses Keras 3 hard_sigmoid, whose slope (1/6) differs from TF.js (0.2)', () => {
    const r = lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: keras3Config({ recurrent_activation: 'hard_sigmoid' }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain('recurrent_activation "hard_sigmoid"');
    expect(r.error).toContain('Keras 3');
    expect(r.error).toContain('0.2');
  });

  it('warns (only) when unit_forget_bias is false', () => {
    const r = lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: keras2Config({ recurrent_activation: 'sigmoid', unit_forget_bias: false }) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings![0]).toContain('unit_forget_bias');
  });
});

describe('LSTM explain', () => {
  it('works the gates, θ, parameters, MACs and BPTT with the user numbers', () => {
    const e = lstmSpec.explain(resolve(lstmSpec, { units: 64 }, [28, 28], 'lstm1'));
    expect(e.summary).toContain('LSTM "lstm1" reads 28 time steps of 28 features');
    expect(e.summary).toContain('[64]');
    const by = (label: string) => e.formulas.find((f) => f.label.startsWith(label))!;
    expect(by('Cell state').symbolic).toBe('c_t = f_t ⊙ c_{t−1} + i_t ⊙ c̃_t, c_0 = 0');
    expect(by('Output').symbolic).toBe('h_t = o_t ⊙ tanh(c_t)');
    expect(by('Gates').worked).toContain('each W_• is 64×28, each U_• is 64×64');
    expect(by('All weights').worked).toContain('θ is 4·64×(28 + 64 + 1) = 256×93');
    expect(by('Parameters').worked).toBe('4·64·(28 + 64 + 1) = 23,808 (W 28×256 = 7,168, U 64×256 = 16,384, b 256)');
    expect(by('Multiply').worked).toBe('28·4·64·(28 + 64) = 659,456');
    expect(by('Backpropagation').worked).toContain('unrolled into 28 copies that share the same 23,808 parameters');
    expect(by('Backpropagation').worked).toContain('27 Jacobians');
    expect(by('Initial weights').worked).toBe('2/(28 + 256) = 0.007042');
    expect(by('Gate activation').symbolic).toBe('f(z) = 1 / (1 + e^(−z))');
  });

  it('says MACs are per step when T is unknown, and shows the hardSigmoid formula', () => {
    const e = lstmSpec.explain(resolve(lstmSpec, { units: 4, recurrentActivation: 'hardSigmoid', useBias: false, returnSequences: true }, [null, 2]));
    expect(e.summary).toContain('a sequence of any length');
    expect(e.formulas.find((f) => f.label.startsWith('Multiply'))!.worked).toContain('T is variable, so per step: 4·4·(2 + 4) = 96');
    expect(e.formulas.find((f) => f.label.startsWith('Gate activation'))!.symbolic).toBe('f(z) = clip(0.2·z + 0.5, 0, 1)');
    expect(e.formulas.find((f) => f.label === 'Parameters')!.worked).toBe('4·4·(2 + 4) = 96 (W 2×16 = 32, U 4×16 = 64)');
    expect(e.formulas.find((f) => f.label === 'Output shape')!.worked).toBe('[?, 4]');
  });
});

describe('LSTM lint', () => {
  it('flags a dropout rate of 1, which TF.js silently ignores', () => {
    const findings = lstmSpec.lint!(resolve(lstmSpec, { recurrentDropout: 1 }, [5, 3], 'lstm1'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.code).toBe('PARAM_INVALID');
    expect(findings[0]!.message).toContain('LSTM "lstm1": recurrentDropout 1');
    expect(lstmSpec.lint!(resolve(lstmSpec, { dropout: 0.5 }, [5, 3]))).toEqual([]);
  });
});
