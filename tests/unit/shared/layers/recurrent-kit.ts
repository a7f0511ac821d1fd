/**
 * Shared fixtures for the SimpleRNN / LSTM / GRU tests: context builders and the tfjs
 * cross-check table every recurrent layer must match exactly.
 */
import { describe, expect, it } from 'vitest';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { LayerSpec, Params, ResolvedContext, Shape, ShapeContext } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';

export function ctxFor(spec: LayerSpec, given: Params, input: Shape, name = 'rnn1'): ShapeContext {
  return { nodeId: 'node-7', name, inputs: [input], params: withDefaults(spec.params, given) };
}

/** Runs the shape rule and fails the test if it refuses. */
export function resolve(spec: LayerSpec, given: Params, input: Shape, name = 'rnn1'): ResolvedContext {
  const ctx = ctxFor(spec, given, input, name);
  const result = spec.inferShape(ctx);
  if (!result.ok) throw new Error(`unexpected failure: ${result.findings[0]?.message}`);
  return { ...ctx, output: result.shape };
}

/** Keeps only the params this spec has (SimpleRNN has no recurrentActivation). */
function own(spec: LayerSpec, params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([k]) => k in spec.params));
}

export const CROSS_CHECK_CASES: { label: string; input: Shape; params: Params }[] = [
  { label: 'T=28, F=28, units=64 (MNIST rows)', input: [28, 28], params: { units: 64 } },
  { label: 'T unknown, F=3, units=5', input: [null, 3], params: { units: 5 } },
  { label: 'F=1, units=1', input: [7, 1], params: { units: 1 } },
  { label: 'T=1, F=1, units=1', input: [1, 1], params: { units: 1 } },
  { label: 'returnSequences, T fixed', input: [10, 4], params: { units: 6, returnSequences: true } },
  { label: 'returnSequences, T unknown', input: [null, 4], params: { units: 6, returnSequences: true } },
  { label: 'useBias false', input: [5, 9], params: { units: 3, useBias: false } },
  { label: 'useBias false, sequences, T unknown, F=1, units=1', input: [null, 1], params: { units: 1, useBias: false, returnSequences: true } },
  { label: 'goBackwards, odd sizes', input: [13, 17], params: { units: 11, goBackwards: true } },
  {
    label: 'every option off its default',
    input: [6, 5],
    params: {
      units: 7, activation: 'relu', recurrentActivation: 'hardSigmoid', useBias: false, returnSequences: true, goBackwards: true,
      kernelInitializer: 'heNormal', dropout: 0.25, recurrentDropout: 0.1, l2: 0.01,
    },
  },
];

/** Registers the table: our shape and parameter count must equal what tfjs builds from our own JSON. */
export function crossCheckWithTfjs(spec: LayerSpec): void {
  describe(`${spec.kind} agrees with tfjs-layers 4.22`, () => {
    it.each(CROSS_CHECK_CASES)('$label', async ({ input, params }) => {
      const ctx = resolve(spec, own(spec, params), input);
      const facts = await tfjsFactsForSpec(spec, own(spec, params), [input]);
      expect(ctx.output).toEqual(facts.outputShape);
      expect(spec.countParams(ctx)).toEqual({ trainable: facts.trainable, nonTrainable: facts.nonTrainable });
    });
  });
}

/** A Keras 3 `get_config()` of an RNN layer (dtype policy object, module/registered_name wrappers, seed). */
export function keras3Config(extra: Record<string, unknown>): Record<string, unknown> {
  const init = (cls: string, config: Record<string, unknown>) => ({ module: 'keras.initializers', class_name: cls, config, registered_name: null });
  return {
    name: 'rnn',
    trainable: true,
    dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
    return_sequences: false,
    return_state: false,
    go_backwards: false,
    stateful: false,
    unroll: false,
    zero_output_for_mask: false,
    units: 64,
    activation: 'tanh',
    use_bias: true,
    kernel_initializer: init('GlorotUniform', { seed: null }),
    recurrent_initializer: init('Orthogonal', { gain: 1.0, seed: null }),
    bias_initializer: init('Zeros', {}),
    kernel_regularizer: null,
    recurrent_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    recurrent_constraint: null,
    bias_constraint: null,
    dropout: 0.0,
    recurrent_dropout: 0.0,
    seed: null,
    ...extra,
  };
}

/** A tf.keras 2.x `model.to_json()` layer config. */
export function keras2Config(extra: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'rnn',
    trainable: true,
    batch_input_shape: [null, 28, 28],
    dtype: 'float32',
    return_sequences: false,
    return_state: false,
    go_backwards: false,
    stateful: false,
    unroll: false,
    time_major: false,
    units: 64,
    activation: 'tanh',
    use_bias: true,
    kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
    recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1.0, seed: null } },
    bias_initializer: { class_name: 'Zeros', config: {} },
    kernel_regularizer: null,
    recurrent_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    recurrent_constraint: null,
    bias_constraint: null,
    dropout: 0.0,
    recurrent_dropout: 0.0,
    ...extra,
  };
}
