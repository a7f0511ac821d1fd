import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { inputSpec } from '../../../../src-shared/layers/defs/input.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import { expectRoundTrip, failureAll, formula, importError, NODE, resolveAll } from './core-helpers.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';

/** Loads our InputLayer JSON as a whole model in tfjs and reads back its input shape and dtype. */
async function tfjsInput(params: Params): Promise<{ shape: (number | null)[]; dtype: string }> {
  const keras = inputSpec.keras.toKeras(withDefaults(inputSpec.params, params), { inputShapes: [] });
  const topology = {
    class_name: 'Model',
    config: {
      name: 'input-only',
      layers: [{ class_name: keras.class_name, name: 'x', config: { ...keras.config, name: 'x' }, inbound_nodes: [] }],
      input_layers: [['x', 0, 0]],
      output_layers: [['x', 0, 0]],
    },
  };
  const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
  const input = model.inputs[0]!;
  model.dispose();
  return { shape: input.shape.slice(1), dtype: input.dtype };
}

const CASES: [string, Params][] = [
  ['MNIST image', { dataKind: 'image', shape: [28, 28, 1] }],
  ['odd RGB image', { dataKind: 'image', shape: [31, 17, 3] }],
  ['variable-size image', { dataKind: 'image', shape: [null, null, 3] }],
  ['feature vector', { dataKind: 'vector', shape: [784] }],
  ['sequence', { dataKind: 'sequence', shape: [50, 8] }],
  ['variable-length sequence', { dataKind: 'sequence', shape: [null, 8] }],
  ['token ids', { dataKind: 'tokens', shape: [100] }],
  ['variable-length token ids', { dataKind: 'tokens', shape: [null] }],
];

describe('Input', () => {
  it.each(CASES)('matches tfjs: %s', async (_, params) => {
    const ctx = resolveAll(inputSpec, params, []);
    const tf = await tfjsInput(params);
    expect(ctx.output).toEqual(tf.shape);
    expect(tf.dtype).toBe(params.dataKind === 'tokens' ? 'int32' : 'float32');
    expect(inputSpec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
  });

  it('checks the rank against the data kind and offers the kind that fits', () => {
    const f = failureAll(inputSpec, { dataKind: 'image', shape: [784] }, [], 'pixels');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toBe('Input "pixels" is an image (H×W×C) and needs 3 dimensions but its shape is [784]');
    expect(f.repair).toEqual({ kind: 'set-param', label: 'Set data kind to "vector"', nodeId: NODE, param: 'dataKind', value: 'vector' });
    const seq = failureAll(inputSpec, { dataKind: 'sequence', shape: [28, 28, 1] }, [], 'x');
    expect(seq.message).toContain('needs 2 dimensions but its shape is [28, 28, 1]');
    expect(seq.repair).toMatchObject({ value: 'image' });
    const tokens = failureAll(inputSpec, { dataKind: 'tokens', shape: [10, 4] }, [], 'ids');
    expect(tokens.message).toBe('Input "ids" is a token-id sequence (T) and needs 1 dimension but its shape is [10, 4]');
  });

  it('ignores inputs (it has none) and emits the InputLayer config', () => {
    expect(inputSpec.keras.toKeras(withDefaults(inputSpec.params, {}), { inputShapes: [] })).toEqual({
      class_name: 'InputLayer',
      config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false },
    });
  });

  it.each(CASES)('round-trips %s', (_, params) => expectRoundTrip(inputSpec, params, []));

  it('imports Keras 2 batch_input_shape and guesses the data kind', () => {
    const k2 = (shape: (number | null)[], dtype: string) =>
      inputSpec.keras.fromKeras({
        class_name: 'InputLayer',
        config: { batch_input_shape: [null, ...shape], dtype, sparse: false, ragged: false, name: 'input_1' },
      });
    expect(k2([28, 28, 1], 'float32')).toEqual({ ok: true, params: { dataKind: 'image', shape: [28, 28, 1] } });
    expect(k2([784], 'float32')).toEqual({ ok: true, params: { dataKind: 'vector', shape: [784] } });
    expect(k2([null], 'int32')).toEqual({ ok: true, params: { dataKind: 'tokens', shape: [null] } });
    expect(k2([null, 16], 'float32')).toEqual({ ok: true, params: { dataKind: 'sequence', shape: [null, 16] } });
    const bytes = k2([32, 32, 3], 'uint8');
    expect(bytes).toMatchObject({ ok: true, params: { dataKind: 'image', shape: [32, 32, 3] } });
    expect(bytes.ok && bytes.warnings?.[0]).toContain('uint8');
  });

  it('imports Keras 3 batch_shape', () => {
    const r = inputSpec.keras.fromKeras({
      class_name: 'InputLayer',
      config: { batch_shape: [null, 200], dtype: 'int64', sparse: false, name: 'input_layer' },
    });
    expect(r).toEqual({ ok: true, params: { dataKind: 'tokens', shape: [200] } });
    const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    expect(inputSpec.keras.fromKeras({ class_name: 'InputLayer', config: { batch_shape: [null, 10], dtype: policy } })).toEqual({
      ok: true,
      params: { dataKind: 'vector', shape: [10] },
    });
  });

  it('refuses inputs it cannot represent, naming why', () => {
    expect(importError(inputSpec, 'InputLayer', { batch_input_shape: [null, 8, 8, 8, 1], dtype: 'float32' })).toContain('rank 4');
    expect(importError(inputSpec, 'InputLayer', { batch_input_shape: [null, 10], sparse: true })).toContain('sparse');
    expect(importError(inputSpec, 'InputLayer', { batch_input_shape: [null, 10], ragged: true })).toContain('ragged');
    expect(importError(inputSpec, 'InputLayer', { dtype: 'float32' })).toContain('batch_input_shape');
    expect(importError(inputSpec, 'InputLayer', { batch_input_shape: [null, 0] })).toBe(
      'InputLayer: shape dimension 0 is not a positive integer or null',
    );
  });

  it('explains the per-sample size and the batch dimension', () => {
    const ctx = resolveAll(inputSpec, {}, [], 'in');
    expect(formula(inputSpec, ctx, 'Values per sample')).toEqual({
      label: 'Values per sample',
      symbolic: 'H·W·C',
      worked: '28·28·1 = 784',
    });
    expect(inputSpec.explain(ctx).summary).toContain('[null, 28, 28, 1]');
    const seq = resolveAll(inputSpec, { dataKind: 'sequence', shape: [null, 8] as Shape }, []);
    expect(formula(inputSpec, seq, 'Values per sample').worked).toContain('?·8');
  });
});
