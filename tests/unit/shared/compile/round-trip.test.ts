/**
 * doc → compileToKeras → (JSON text) → importKerasModel → doc must lose nothing: same layer
 * types, names and params, same edges with the same input order. The graphs use non-default
 * params wherever a layer has them, and together cover every type in LAYER_TYPES.
 */
import { describe, expect, it } from 'vitest';
import { compileToKeras } from '../../../../src-shared/compile/to-keras.js';
import { importKerasModel } from '../../../../src-shared/compile/from-keras.js';
import { LAYER_TYPES } from '../../../../src-shared/layers/catalog.js';
import { buildDocument, type LayerLine } from '../../../../src-shared/graph/build.js';
import type { ProjectDocument } from '../../../../src-shared/graph/document.js';

const GRAPHS: Record<string, LayerLine[]> = {
  image: [
    { type: 'Input', name: 'img', params: { dataKind: 'image', shape: [32, 32, 3] } },
    { type: 'Rescaling', name: 'scale', params: { scale: 1 / 127.5, offset: -1 } },
    {
      type: 'Conv2D',
      name: 'conv',
      params: {
        filters: 8,
        kernelSize: [5, 3],
        strides: [2, 1],
        padding: 'same',
        activation: 'elu',
        useBias: false,
        kernelInitializer: 'heNormal',
        l2: 0.001,
      },
    },
    { type: 'BatchNormalization', name: 'bn', params: { momentum: 0.9, epsilon: 0.01, center: false } },
    { type: 'Activation', name: 'leaky', params: { activation: 'leakyRelu' } },
    { type: 'DepthwiseConv2D', name: 'dw', params: { depthMultiplier: 2, padding: 'same', activation: 'linear', useBias: false } },
    { type: 'Activation', name: 'r6', params: { activation: 'relu6' } },
    {
      type: 'SeparableConv2D',
      name: 'sep',
      params: { filters: 16, kernelSize: [3, 3], strides: [1, 2], activation: 'tanh', depthMultiplier: 1 },
    },
    { type: 'MaxPooling2D', name: 'maxpool', params: { poolSize: [3, 3], strides: [2, 2], padding: 'same' } },
    { type: 'ZeroPadding2D', name: 'pad', params: { padding: [1, 2, 0, 1] } },
    { type: 'Cropping2D', name: 'crop', params: { cropping: [0, 1, 1, 0] } },
    { type: 'UpSampling2D', name: 'up', params: { size: [2, 3], interpolation: 'bilinear' } },
    { type: 'AveragePooling2D', name: 'avgpool', params: { poolSize: [2, 2], strides: [1, 1] } },
    { type: 'GlobalMaxPooling2D', name: 'gmax', inputs: ['avgpool'] },
    { type: 'GlobalAveragePooling2D', name: 'gavg', inputs: ['avgpool'] },
    { type: 'Concatenate', name: 'cat', params: { axis: -1 }, inputs: ['gavg', 'gmax'] },
    { type: 'Dropout', name: 'drop', params: { rate: 0.3 } },
    {
      type: 'Dense',
      name: 'fc',
      params: { units: 12, activation: 'sigmoid', useBias: false, kernelInitializer: 'glorotNormal', l2: 0.0005 },
    },
    { type: 'Reshape', name: 'grid', params: { targetShape: [3, 4] } },
    { type: 'Flatten', name: 'flat' },
    { type: 'Dense', name: 'out', params: { units: 5, activation: 'softmax', kernelInitializer: 'heUniform' } },
  ],
  sequence: [
    { type: 'Input', name: 'series', params: { dataKind: 'sequence', shape: [40, 6] } },
    { type: 'Conv1D', name: 'conv1d', params: { filters: 12, kernelSize: 5, strides: 2, padding: 'same', activation: 'relu', l2: 0.01 } },
    { type: 'MaxPooling1D', name: 'mp1', params: { poolSize: 2, strides: 0 } },
    { type: 'AveragePooling1D', name: 'ap1', params: { poolSize: 3, strides: 1, padding: 'same' } },
    { type: 'LayerNormalization', name: 'ln', params: { epsilon: 1e-5, scale: false } },
    { type: 'SimpleRNN', name: 'rnn', params: { units: 16, activation: 'relu', returnSequences: true, goBackwards: true, dropout: 0.1 } },
    {
      type: 'LSTM',
      name: 'lstm',
      params: { units: 8, returnSequences: true, recurrentActivation: 'hardSigmoid', recurrentDropout: 0.2, l2: 0.001 },
    },
    { type: 'GRU', name: 'gru', params: { units: 8, returnSequences: true, useBias: false, kernelInitializer: 'heNormal' } },
    { type: 'GlobalAveragePooling1D', name: 'gap1', inputs: ['gru'] },
    { type: 'GlobalMaxPooling1D', name: 'gmp1', inputs: ['gru'] },
    { type: 'Dense', name: 'proj', params: { units: 8, activation: 'linear' }, inputs: ['gap1'] },
    { type: 'Add', name: 'add', inputs: ['gmp1', 'proj', 'gap1'] },
    { type: 'Subtract', name: 'sub', inputs: ['proj', 'gmp1'] },
    { type: 'Multiply', name: 'mul', inputs: ['sub', 'add'] },
    { type: 'Average', name: 'avg', inputs: ['mul', 'gap1'] },
    { type: 'Maximum', name: 'max', inputs: ['avg', 'add', 'sub'] },
    { type: 'Dense', name: 'score', params: { units: 1, activation: 'linear' } },
  ],
  tokensTwoInputs: [
    { type: 'Input', name: 'tokens', params: { dataKind: 'tokens', shape: [50] } },
    { type: 'Input', name: 'extra', params: { dataKind: 'vector', shape: [7] } },
    { type: 'Embedding', name: 'embed', params: { inputDim: 1000, outputDim: 16, maskZero: true }, inputs: ['tokens'] },
    { type: 'Flatten', name: 'flat' },
    { type: 'Concatenate', name: 'joined', inputs: ['extra', 'flat'] },
    { type: 'Dense', name: 'out', params: { units: 2, activation: 'softmax' } },
  ],
  variableLength: [
    { type: 'Input', name: 'ids', params: { dataKind: 'tokens', shape: [null] } },
    { type: 'Embedding', name: 'embed', params: { inputDim: 300, outputDim: 8 } },
    { type: 'GRU', name: 'gru', params: { units: 4, goBackwards: true } },
  ],
};

/** Layers by name, and edges as [source, target, slot] by names: ids may differ, content must not. */
function content(doc: Pick<ProjectDocument, 'nodes' | 'edges'>) {
  const name = new Map(doc.nodes.map((n) => [n.id, n.name]));
  return {
    layers: Object.fromEntries(doc.nodes.map((n) => [n.name, { type: n.type, params: n.params }])),
    edges: doc.edges
      .map((e) => [name.get(e.source), name.get(e.target), e.targetIndex])
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
  };
}

describe('round trip doc → Keras JSON → doc', () => {
  it('the graphs cover every layer type', () => {
    const used = new Set(Object.values(GRAPHS).flatMap((g) => g.map((l) => l.type)));
    expect(LAYER_TYPES.filter((t) => !used.has(t))).toEqual([]);
  });

  for (const [name, layers] of Object.entries(GRAPHS)) {
    it(`${name}: types, names, params, edges and input order survive`, () => {
      const doc = buildDocument(name, layers);
      const compiled = compileToKeras(doc);
      if (!compiled.ok) throw new Error(compiled.findings.map((f) => f.message).join('\n'));
      const back = importKerasModel(JSON.parse(JSON.stringify(compiled.model)));
      if (!back.ok) throw new Error(back.error);
      expect(back.warnings).toEqual([]);
      expect(content(back.doc)).toEqual(content(doc));
      expect(back.doc.name).toBe(name);
      expect(back.doc.importedFrom).toEqual({ format: 'keras', modelClass: 'Functional', kerasVersion: 'tfjs-layers 4.22.0' });
      // Compiling the import again gives the same Keras JSON.
      const again = compileToKeras(back.doc);
      if (!again.ok) throw new Error('recompile failed');
      expect(again.model).toEqual(compiled.model);
    });
  }

  it('keeps the order of merge inputs when the edges are listed out of order', () => {
    const doc = buildDocument('order', GRAPHS.sequence!);
    doc.edges.reverse();
    const compiled = compileToKeras(doc);
    if (!compiled.ok) throw new Error('compile failed');
    const back = importKerasModel(compiled.model);
    if (!back.ok) throw new Error(back.error);
    expect(content(back.doc).edges).toEqual(content(doc).edges);
  });
});
