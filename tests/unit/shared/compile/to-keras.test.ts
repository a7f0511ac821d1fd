import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { compileToKeras, toTfjsModelJson } from '../../../../src-shared/compile/to-keras.js';
import { TFJS_BACKEND, TFJS_LAYERS_VERSION } from '../../../../src-shared/compile/keras-json.js';
import { buildDocument, type LayerLine } from '../../../../src-shared/graph/build.js';
import { ourLayerFacts, tfjsLayerFacts } from './tfjs-model.js';

/** Test graphs; `published` is the total parameter count from the model's usual Keras summary. */
const GRAPHS: Record<string, { layers: LayerLine[]; published?: number }> = {
  mlp: {
    published: 101_770, // keras.io MLP: 784·128 + 128 + 128·10 + 10
    layers: [
      { type: 'Input', name: 'pixels', params: { dataKind: 'vector', shape: [784] } },
      { type: 'Dense', name: 'hidden', params: { units: 128, activation: 'relu' } },
      { type: 'Dense', name: 'probs', params: { units: 10, activation: 'softmax' } },
    ],
  },
  lenet: {
    published: 61_706, // LeNet-5 on 28×28 with 'same' first conv: 156 + 2,416 + 48,120 + 10,164 + 850
    layers: [
      { type: 'Input', name: 'image', params: { shape: [28, 28, 1] } },
      { type: 'Conv2D', name: 'c1', params: { filters: 6, kernelSize: [5, 5], padding: 'same', activation: 'tanh' } },
      { type: 'AveragePooling2D', name: 's2', params: { poolSize: [2, 2] } },
      { type: 'Conv2D', name: 'c3', params: { filters: 16, kernelSize: [5, 5], activation: 'tanh' } },
      { type: 'AveragePooling2D', name: 's4', params: { poolSize: [2, 2] } },
      { type: 'Flatten', name: 'flat' },
      { type: 'Dense', name: 'f5', params: { units: 120, activation: 'tanh' } },
      { type: 'Dense', name: 'f6', params: { units: 84, activation: 'tanh' } },
      { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
    ],
  },
  branchMerge: {
    layers: [
      { type: 'Input', name: 'img', params: { shape: [32, 32, 3] } },
      { type: 'Conv2D', name: 'wide', params: { filters: 16, kernelSize: [3, 3], padding: 'same' }, inputs: ['img'] },
      { type: 'Conv2D', name: 'narrow', params: { filters: 16, kernelSize: [1, 1], padding: 'same' }, inputs: ['img'] },
      { type: 'Add', name: 'sum', inputs: ['wide', 'narrow'] },
      { type: 'BatchNormalization', name: 'bn', inputs: ['sum'] },
      { type: 'Conv2D', name: 'side', params: { filters: 8, kernelSize: [3, 3], padding: 'same', activation: 'linear' }, inputs: ['img'] },
      { type: 'Concatenate', name: 'cat', inputs: ['side', 'bn'] },
      { type: 'GlobalAveragePooling2D', name: 'gap' },
      { type: 'Dense', name: 'logits', params: { units: 10, activation: 'softmax' } },
    ],
  },
  lstmTokens: {
    layers: [
      { type: 'Input', name: 'tokens', params: { dataKind: 'tokens', shape: [100] } },
      { type: 'Embedding', name: 'embed', params: { inputDim: 5000, outputDim: 32 } },
      { type: 'LSTM', name: 'lstm', params: { units: 64 } },
      { type: 'Dense', name: 'sentiment', params: { units: 1, activation: 'sigmoid' } },
    ],
  },
  gru: {
    layers: [
      { type: 'Input', name: 'series', params: { dataKind: 'sequence', shape: [null, 8] } },
      { type: 'GRU', name: 'gru1', params: { units: 32, returnSequences: true } },
      { type: 'GRU', name: 'gru2', params: { units: 16 } },
      { type: 'Dense', name: 'cls', params: { units: 3, activation: 'softmax' } },
    ],
  },
};

describe('compileToKeras → tf.models.modelFromJSON', () => {
  for (const [name, graph] of Object.entries(GRAPHS)) {
    it(`${name}: tfjs loads it and agrees on every layer's output shape and weights`, async () => {
      const doc = buildDocument(name, graph.layers);
      const compiled = compileToKeras(doc);
      if (!compiled.ok) throw new Error(compiled.findings.map((f) => f.message).join('\n'));
      const theirs = await tfjsLayerFacts(compiled.model);
      const ours = ourLayerFacts(doc);
      expect([...theirs.layers.keys()].sort()).toEqual(graph.layers.map((l) => l.name).sort());
      for (const [layer, facts] of ours.layers) expect(theirs.layers.get(layer), layer).toEqual(facts);
      expect(theirs.total).toBe(ours.total);
      if (graph.published !== undefined) expect(ours.total).toBe(graph.published);
    });
  }

  it('writes the Functional form tfjs loads, with tfjs-style keras_version and backend', async () => {
    const compiled = compileToKeras(buildDocument('mlp', GRAPHS.mlp!.layers));
    if (!compiled.ok) throw new Error('compile failed');
    const m = compiled.model;
    expect(m.class_name).toBe('Functional');
    expect(m.keras_version).toBe(`tfjs-layers ${tf.version_layers}`);
    expect(TFJS_LAYERS_VERSION).toBe(tf.version_layers);
    expect(m.backend).toBe(TFJS_BACKEND);
    // What tfjs itself writes for a functional model, for comparison.
    const input = tf.input({ shape: [4] });
    const own = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor });
    const ownJson = own.toJSON(null, false) as { keras_version: string; backend: string; class_name: string };
    expect(ownJson.keras_version).toBe(m.keras_version);
    expect(ownJson.backend).toBe(m.backend);
    expect(ownJson.class_name).toBe('Model'); // tfjs writes "Model" and loads both; we write Keras's name
    expect((await tfjsLayerFacts({ ...m, class_name: 'Model' })).className).toBe('Model');
    expect((await tfjsLayerFacts(m)).className).toBe('Functional');
  });

  it('lists layers in topological order with Keras 2 inbound_nodes and the model ends', () => {
    const compiled = compileToKeras(buildDocument('b', GRAPHS.branchMerge!.layers));
    if (!compiled.ok) throw new Error('compile failed');
    const { layers, input_layers, output_layers } = compiled.model.config;
    const at = (n: string) => layers.findIndex((l) => l.name === n);
    expect(at('img')).toBe(0);
    expect(at('sum')).toBeGreaterThan(Math.max(at('wide'), at('narrow')));
    expect(at('cat')).toBeGreaterThan(Math.max(at('side'), at('bn')));
    expect(layers[at('cat')]!.inbound_nodes).toEqual([
      [
        ['side', 0, 0, {}],
        ['bn', 0, 0, {}],
      ],
    ]);
    expect(layers[at('img')]).toMatchObject({
      class_name: 'InputLayer',
      inbound_nodes: [],
      config: { batch_input_shape: [null, 32, 32, 3], dtype: 'float32', name: 'img' },
    });
    expect(layers[at('wide')]!.config).toMatchObject({ name: 'wide', trainable: true, dtype: 'float32', filters: 16, padding: 'same' });
    expect(input_layers).toEqual([['img', 0, 0]]);
    expect(output_layers).toEqual([['logits', 0, 0]]);
  });

  it('feeds merge inputs in targetIndex order, not edge-list order', async () => {
    // (Concatenate rather than Subtract: tfjs 4.22 registers no Subtract class.)
    const doc = buildDocument('cat', [
      { type: 'Input', name: 'a', params: { dataKind: 'vector', shape: [2] } },
      { type: 'Input', name: 'b', params: { dataKind: 'vector', shape: [3] } },
      { type: 'Concatenate', name: 'joined', inputs: ['a', 'b'] },
    ]);
    doc.edges.reverse(); // edge for slot 1 now comes first in the list
    const compiled = compileToKeras(doc);
    if (!compiled.ok) throw new Error('compile failed');
    expect(compiled.model.config.layers.find((l) => l.name === 'joined')!.inbound_nodes).toEqual([
      [
        ['a', 0, 0, {}],
        ['b', 0, 0, {}],
      ],
    ]);
    // The loaded model really joins a then b.
    const model = await tf.models.modelFromJSON({ modelTopology: compiled.model } as unknown as tf.io.ModelJSON);
    const out = model.predict([tf.tensor2d([[1, 2]]), tf.tensor2d([[7, 8, 9]])]) as tf.Tensor;
    expect(Array.from(await out.data())).toEqual([1, 2, 7, 8, 9]);
    model.dispose();
  });

  it('gives token inputs the int32 dtype', () => {
    const compiled = compileToKeras(buildDocument('t', GRAPHS.lstmTokens!.layers));
    if (!compiled.ok) throw new Error('compile failed');
    expect(compiled.model.config.layers[0]!.config.dtype).toBe('int32');
  });

  it('refuses a graph with errors and returns the analysis findings', () => {
    const doc = buildDocument('bad', [
      { type: 'Input', name: 'pixels', params: { dataKind: 'vector', shape: [784] } },
      { type: 'Conv2D', name: 'dense1', params: { filters: 4 } },
      { type: 'Flatten', name: 'flat' },
    ]);
    const compiled = compileToKeras(doc);
    expect(compiled.ok).toBe(false);
    expect(compiled.findings.map((f) => [f.code, f.severity, f.nodeId])).toEqual([['RANK_MISMATCH', 'error', 'n2']]);
    expect(compiled.findings[0]!.message).toContain('"dense1"');
  });

  it('leaves disconnected layers out and reports them as warnings', async () => {
    // A lonely non-Input layer is also a MISSING_INPUT error; an unused Input is only a warning.
    const doc = buildDocument('d', [
      { type: 'Input', name: 'unused', params: { dataKind: 'vector', shape: [3] }, inputs: [] },
      ...GRAPHS.mlp!.layers,
    ]);
    const compiled = compileToKeras(doc);
    if (!compiled.ok) throw new Error(compiled.findings.map((f) => f.message).join('\n'));
    expect(compiled.model.config.layers.map((l) => l.name)).toEqual(['pixels', 'hidden', 'probs']);
    expect(compiled.model.config.input_layers).toEqual([['pixels', 0, 0]]);
    expect(compiled.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['DISCONNECTED', 'warning', 'Input "unused" is not connected to anything and will be left out'],
    ]);
    expect((await tfjsLayerFacts(compiled.model)).total).toBe(101_770);
  });

  it('wraps the topology as a weightless TF.js model.json', () => {
    const compiled = compileToKeras(buildDocument('mlp', GRAPHS.mlp!.layers));
    if (!compiled.ok) throw new Error('compile failed');
    const file = toTfjsModelJson(compiled.model);
    expect(file).toMatchObject({ format: 'layers-model', modelTopology: compiled.model, weightsManifest: [] });
  });
});
