/**
 * Catalog-wide guarantees: every layer type is cross-checked against tfjs on a canonical input
 * (the table is typed `Record<LayerType, …>`, so a new layer without an entry fails to compile),
 * and every spec carries what the palette, inspector and explainer need.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, getSpec, KERAS_CLASS_TO_TYPE, LAYER_TYPES, type LayerType } from '../../../../src-shared/layers/catalog.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';

const img: Shape = [9, 11, 4];
const seq: Shape = [7, 5];
const CANONICAL: Record<LayerType, { params?: Params; inputs: Shape[] }> = {
  Input: { params: { dataKind: 'vector', shape: [6] }, inputs: [] },
  Dense: { params: { units: 3 }, inputs: [[6]] },
  Activation: { params: { activation: 'softmax' }, inputs: [[6]] },
  Dropout: { inputs: [[6]] },
  Flatten: { inputs: [img] },
  Reshape: { params: { targetShape: [11, 36] }, inputs: [img] },
  Rescaling: { inputs: [img] },
  BatchNormalization: { inputs: [img] },
  LayerNormalization: { inputs: [seq] },
  Conv2D: { params: { filters: 5, kernelSize: [3, 2], strides: [2, 1], padding: 'same' }, inputs: [img] },
  DepthwiseConv2D: { params: { kernelSize: [3, 3] }, inputs: [img] },
  SeparableConv2D: { params: { filters: 6, kernelSize: [3, 3] }, inputs: [img] },
  Conv1D: { params: { filters: 4, kernelSize: 3 }, inputs: [seq] },
  MaxPooling2D: { params: { poolSize: [2, 3] }, inputs: [img] },
  AveragePooling2D: { params: { poolSize: [3, 3], padding: 'same' }, inputs: [img] },
  GlobalAveragePooling2D: { inputs: [img] },
  GlobalMaxPooling2D: { inputs: [img] },
  MaxPooling1D: { inputs: [seq] },
  AveragePooling1D: { inputs: [seq] },
  GlobalAveragePooling1D: { inputs: [seq] },
  GlobalMaxPooling1D: { inputs: [seq] },
  ZeroPadding2D: { inputs: [img] },
  Cropping2D: { params: { cropping: [1, 2, 3, 0] }, inputs: [img] },
  UpSampling2D: { inputs: [img] },
  SimpleRNN: { params: { units: 4 }, inputs: [seq] },
  LSTM: { params: { units: 4, returnSequences: true }, inputs: [seq] },
  GRU: { params: { units: 4 }, inputs: [seq] },
  Embedding: { params: { inputDim: 50, outputDim: 8 }, inputs: [[7]] },
  Concatenate: { inputs: [seq, [7, 3]] },
  Add: { inputs: [seq, seq] },
  Subtract: { inputs: [seq, seq] },
  Multiply: { inputs: [seq, seq, seq] },
  Average: { inputs: [seq, seq] },
  Maximum: { inputs: [seq, seq] },
};

/** tfjs 4.22 has no Subtract layer class; Add follows the same shape rule and has no weights. */
const TFJS_STAND_IN: Partial<Record<LayerType, LayerType>> = { Subtract: 'Add' };

describe('the layer catalog', () => {
  it('lists every type exactly once, keyed by its own kind', () => {
    expect(new Set(LAYER_TYPES).size).toBe(LAYER_TYPES.length);
    for (const t of LAYER_TYPES) expect(getSpec(t).kind).toBe(t);
    expect(Object.keys(CATALOG).sort()).toEqual([...LAYER_TYPES].sort());
  });

  it('maps every Keras class name to one layer type', () => {
    const all = LAYER_TYPES.flatMap((t) => getSpec(t).keras.classNames);
    expect(new Set(all).size).toBe(all.length);
    for (const t of LAYER_TYPES) expect(KERAS_CLASS_TO_TYPE.get(getSpec(t).keras.classNames[0]!)).toBe(t);
  });

  it.each([...LAYER_TYPES])('%s: every parameter has a label, help and a valid default', (t) => {
    const spec = getSpec(t);
    expect(spec.label.length).toBeGreaterThan(0);
    expect(spec.help.length).toBeGreaterThan(20);
    for (const [key, p] of Object.entries(spec.params)) {
      expect(p.label, key).not.toBe('');
      expect(p.help.length, key).toBeGreaterThan(10);
    }
  });

  it.each(LAYER_TYPES.filter((t) => t !== 'Input'))('%s: shape and weights equal tfjs on a canonical input', async (t) => {
    const c = CANONICAL[t];
    const spec = getSpec(t);
    const params = withDefaults(spec.params, c.params);
    const result = spec.inferShape({ nodeId: 'n', name: 'probe', inputs: c.inputs, params });
    if (!result.ok) throw new Error(result.findings[0]!.message);
    const counts = spec.countParams({ nodeId: 'n', name: 'probe', inputs: c.inputs, params, output: result.shape });
    const reference = getSpec(TFJS_STAND_IN[t] ?? t);
    const facts = await tfjsFactsForSpec(reference, withDefaults(reference.params, c.params), c.inputs, t === 'Embedding' ? { inputDtype: 'int32' } : {});
    expect([result.shape, counts.trainable, counts.nonTrainable]).toEqual([facts.outputShape, facts.trainable, facts.nonTrainable]);
  });

  it.each([...LAYER_TYPES])('%s: round-trips its canonical params through Keras and explains with numbers', (t) => {
    const c = CANONICAL[t];
    const spec = getSpec(t);
    const params = withDefaults(spec.params, c.params);
    const keras = spec.keras.toKeras(params, { inputShapes: c.inputs });
    const back = spec.keras.fromKeras({ class_name: keras.class_name, config: { ...keras.config, name: 'probe' } });
    expect(back.ok && back.params).toEqual(params);
    const shape = spec.inferShape({ nodeId: 'n', name: 'probe', inputs: c.inputs, params });
    if (!shape.ok) throw new Error('canonical input must be valid');
    const e = spec.explain({ nodeId: 'n', name: 'probe', inputs: c.inputs, params, output: shape.shape });
    expect(e.summary).toContain('probe');
    expect(e.formulas.length).toBeGreaterThan(0);
    expect(e.formulas.some((f) => f.worked !== undefined && /\d/.test(f.worked))).toBe(true);
  });
});
