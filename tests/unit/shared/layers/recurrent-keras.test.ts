/** Import rules shared by SimpleRNN, LSTM and GRU (checked through LSTM, plus one per family where it differs). */
import { describe, expect, it } from 'vitest';
import { lstmSpec } from '../../../../src-shared/layers/defs/lstm.js';
import { simpleRnnSpec } from '../../../../src-shared/layers/defs/simple-rnn.js';
import { gruSpec } from '../../../../src-shared/layers/defs/gru.js';
import type { FromKerasResult } from '../../../../src-shared/layers/types.js';
import { keras2Config, keras3Config } from './recurrent-kit.js';

const lstm = (extra: Record<string, unknown>): FromKerasResult =>
  lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: keras3Config({ recurrent_activation: 'sigmoid', unit_forget_bias: true, ...extra }) });

function errorOf(r: FromKerasResult): string {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('options TF.js cannot reproduce are refused by name', () => {
  it.each([
    ['stateful', 'stateful=True'],
    ['return_state', 'return_state=True'],
    ['time_major', 'time_major=True'],
    ['zero_output_for_mask', 'zero_output_for_mask=True'],
  ])('%s', (key, expected) => {
    const error = errorOf(lstm({ [key]: true }));
    expect(error).toContain(expected);
    expect(error.startsWith('LSTM: ')).toBe(true);
  });

  it.each([simpleRnnSpec, gruSpec])('also for $kind', (spec) => {
    const error = errorOf(spec.keras.fromKeras({ class_name: spec.kind, config: keras2Config({ stateful: true, reset_after: false }) }));
    expect(error).toContain(`${spec.kind}: stateful=True`);
  });

  it('refuses regularizers other than L2 on the input kernel', () => {
    const l2 = { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } };
    expect(errorOf(lstm({ recurrent_regularizer: l2 }))).toContain('recurrent_regularizer');
    expect(errorOf(lstm({ activity_regularizer: l2 }))).toContain('activity_regularizer');
    expect(errorOf(lstm({ kernel_regularizer: { class_name: 'L1L2', config: { l1: 0.1, l2: 0 } } }))).toContain('L1');
  });

  it('refuses an activation it does not offer, and a rate of 1', () => {
    expect(errorOf(lstm({ activation: 'selu' }))).toContain('activation "selu"');
    expect(errorOf(lstm({ activation: 'hard_sigmoid' }))).toContain('activation "hard_sigmoid"');
    expect(errorOf(lstm({ recurrent_dropout: 1 }))).toContain('recurrent_dropout 1');
    expect(errorOf(lstm({ units: 0 }))).toContain('units 0');
  });
});

describe('options that do not change the forward pass are dropped with a warning', () => {
  it('unroll, constraints, initializers and unknown keys', () => {
    const r = lstm({
      unroll: true,
      kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2 } },
      recurrent_initializer: { class_name: 'Identity', config: {} },
      bias_initializer: 'ones',
      kernel_initializer: { class_name: 'LecunNormal', config: { seed: 1 } },
      mystery_flag: 3,
    });
    if (!r.ok) throw new Error(r.error);
    const text = r.warnings!.join('\n');
    for (const word of ['unroll', 'kernel_constraint', 'recurrent_initializer identity', 'bias_initializer ones', 'kernel_initializer', 'mystery_flag']) {
      expect(text).toContain(word);
    }
    expect(r.params.kernelInitializer).toBe('glorotUniform');
  });

  it('a clean Keras 3 config produces no warnings (seed, dtype policy, use_cudnn are harmless)', () => {
    const r = lstm({ use_cudnn: 'auto' });
    expect(r).toEqual({ ok: true, params: expect.any(Object) });
  });
});

describe('activations as Keras writes them', () => {
  it('reads None as linear and Keras 3 function objects by name', () => {
    const none = lstm({ activation: null });
    expect(none.ok && none.params.activation).toBe('linear');
    const fn = lstm({ activation: { module: 'keras.activations', class_name: 'function', config: 'relu', registered_name: 'function' } });
    expect(fn.ok && fn.params.activation).toBe('relu');
  });

  it('defaults a missing recurrent_activation to sigmoid and a missing activation to tanh', () => {
    const c = keras2Config({});
    delete c.activation;
    const r = lstmSpec.keras.fromKeras({ class_name: 'LSTM', config: c });
    expect(r.ok && [r.params.activation, r.params.recurrentActivation]).toEqual(['tanh', 'sigmoid']);
  });
});
