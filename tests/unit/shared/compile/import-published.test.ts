/**
 * Importing well-known published models. Expected shapes and parameter counts are copied from
 * Keras's own published summaries (keras.io examples, keras.applications docs), not computed here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importKerasModel } from '../../../../src-shared/compile/from-keras.js';
import type { ProjectDocument } from '../../../../src-shared/graph/document.js';
import { DEFAULT_TRAINING } from '../../../../src-shared/graph/document.js';
import { KERAS2_FIXTURES, serialize, tfjsLstmModelJson } from '../../../fixtures/keras/generate.js';
import { ourLayerFacts, tfjsLayerFacts } from './tfjs-model.js';
import { mobilenet } from '../../../fixtures/keras/applications.js';

const fixture = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../fixtures/keras/${file}`, import.meta.url), 'utf8'));

function imported(file: string): { doc: ProjectDocument; warnings: string[] } {
  const result = importKerasModel(fixture(file));
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** keras.io "Simple MNIST convnet" model.summary(): [layer, output shape, params]. */
const MNIST_SUMMARY: [string, (number | null)[], number][] = [
  ['conv2d', [26, 26, 32], 320],
  ['max_pooling2d', [13, 13, 32], 0],
  ['conv2d_1', [11, 11, 64], 18_496],
  ['max_pooling2d_1', [5, 5, 64], 0],
  ['flatten', [1600], 0],
  ['dropout', [1600], 0],
  ['dense', [10], 16_010],
];

function expectSummary(doc: ProjectDocument, rows: [string, (number | null)[], number][]): void {
  const facts = ourLayerFacts(doc).layers;
  for (const [name, shape, params] of rows) {
    const f = facts.get(name);
    expect(f, name).toBeDefined();
    expect([f!.outputShape, f!.trainable + f!.nonTrainable], name).toEqual([shape, params]);
  }
}

describe('import of the keras.io Simple MNIST convnet', () => {
  for (const [file, inputName, version] of [
    ['mnist-convnet-keras2.json', 'input_1', '2.15.0'],
    ['mnist-convnet-keras3.json', 'input_layer', undefined],
  ] as const) {
    it(`${file}: every layer matches the published summary; 34,826 params`, () => {
      const { doc, warnings } = imported(file);
      expect(warnings).toEqual([]);
      expect(doc.nodes.map((n) => [n.name, n.type])).toEqual([
        [inputName, 'Input'],
        ['conv2d', 'Conv2D'],
        ['max_pooling2d', 'MaxPooling2D'],
        ['conv2d_1', 'Conv2D'],
        ['max_pooling2d_1', 'MaxPooling2D'],
        ['flatten', 'Flatten'],
        ['dropout', 'Dropout'],
        ['dense', 'Dense'],
      ]);
      expectSummary(doc, MNIST_SUMMARY);
      const totals = ourLayerFacts(doc);
      expect([totals.total, totals.trainable, totals.nonTrainable]).toEqual([34_826, 34_826, 0]);
      expect(doc.importedFrom).toEqual(
        version ? { format: 'keras', modelClass: 'Sequential', kerasVersion: version } : { format: 'keras', modelClass: 'Sequential' },
      );
      expect(doc.nodes[1]!.params).toMatchObject({ filters: 32, kernelSize: [3, 3], activation: 'relu', padding: 'valid' });
      expect(doc.nodes[6]!.params).toEqual({ rate: 0.5 });
      expect(doc.dataset).toBeNull();
      expect(doc.training).toEqual(DEFAULT_TRAINING);
      expect(doc.name).toBe('sequential');
    });
  }
});

describe('import of keras.applications models (published parameter counts)', () => {
  it('VGG16 with top: 138,357,544 parameters', () => {
    const { doc, warnings } = imported('vgg16.json');
    expect(warnings).toEqual([]);
    expect(doc.nodes).toHaveLength(23);
    expectSummary(doc, [
      ['block1_conv1', [224, 224, 64], 1_792],
      ['block5_pool', [7, 7, 512], 0],
      ['flatten', [25_088], 0],
      ['fc1', [4096], 102_764_544],
      ['predictions', [1000], 4_097_000],
    ]);
    const t = ourLayerFacts(doc);
    expect([t.total, t.trainable, t.nonTrainable]).toEqual([138_357_544, 138_357_544, 0]);
    expect(doc.importedFrom).toEqual({ format: 'keras', modelClass: 'Functional', kerasVersion: '2.11.0' });
  });

  it('ResNet50: 25,636,712 total, 25,583,592 trainable, 53,120 non-trainable', () => {
    const { doc, warnings } = imported('resnet50.json');
    expect(warnings).toEqual([]);
    expect(doc.nodes).toHaveLength(177); // len(model.layers) in Keras
    expectSummary(doc, [
      ['conv1_pad', [230, 230, 3], 0],
      ['conv1_conv', [112, 112, 64], 9_472],
      ['conv1_bn', [112, 112, 64], 256],
      ['pool1_pool', [56, 56, 64], 0],
      ['conv2_block1_0_conv', [56, 56, 256], 16_640],
      ['conv2_block1_out', [56, 56, 256], 0],
      ['conv3_block1_1_conv', [28, 28, 128], 32_896],
      ['conv4_block6_out', [14, 14, 1024], 0],
      ['conv5_block3_out', [7, 7, 2048], 0],
      ['avg_pool', [2048], 0],
      ['predictions', [1000], 2_049_000],
    ]);
    const t = ourLayerFacts(doc);
    expect([t.total, t.trainable, t.nonTrainable]).toEqual([25_636_712, 25_583_592, 53_120]);
    // Residual Add takes [shortcut, main path] in that order.
    const id = (name: string) => doc.nodes.find((n) => n.name === name)!.id;
    const into = (name: string) =>
      doc.edges
        .filter((e) => e.target === id(name))
        .sort((a, b) => a.targetIndex - b.targetIndex)
        .map((e) => doc.nodes.find((n) => n.id === e.source)!.name);
    expect(into('conv2_block1_add')).toEqual(['conv2_block1_0_bn', 'conv2_block1_3_bn']);
    expect(into('conv2_block2_add')).toEqual(['conv2_block1_out', 'conv2_block2_3_bn']);
  });

  it('MobileNet v1 (alpha 1.0, 224): 4,253,864 total, 4,231,976 trainable, 21,888 non-trainable', () => {
    const { doc, warnings } = imported('mobilenet.json');
    expect(warnings).toEqual([]);
    expectSummary(doc, [
      ['conv1', [112, 112, 32], 864],
      ['conv1_relu', [112, 112, 32], 0],
      ['conv_dw_1', [112, 112, 32], 288],
      ['conv_pad_2', [113, 113, 64], 0],
      ['conv_dw_2', [56, 56, 64], 576],
      ['conv_pw_13_relu', [7, 7, 1024], 0],
      ['reshape_1', [1, 1, 1024], 0],
      ['conv_preds', [1, 1, 1000], 1_025_000],
      ['reshape_2', [1000], 0],
      ['predictions', [1000], 0],
    ]);
    const relu6 = doc.nodes.find((n) => n.name === 'conv1_relu')!;
    expect([relu6.type, relu6.params.activation]).toEqual(['Activation', 'relu6']);
    const t = ourLayerFacts(doc);
    expect([t.total, t.trainable, t.nonTrainable]).toEqual([4_253_864, 4_231_976, 21_888]);
  });

  it('MobileNet as newer Keras writes it (GlobalAveragePooling2D keepdims=True): same totals, 1×1×1024 pooled map', () => {
    const result = importKerasModel(mobilenet({ keepdims: true }));
    if (!result.ok) throw new Error(result.error);
    const gap = result.doc.nodes.find((n) => n.type === 'GlobalAveragePooling2D')!;
    expect(gap.params.keepdims).toBe(true);
    const t = ourLayerFacts(result.doc);
    expect([t.total, t.trainable, t.nonTrainable]).toEqual([4_253_864, 4_231_976, 21_888]);
    expect(t.layers.get(gap.name)?.outputShape).toEqual([1, 1, 1024]);
  });

  it('tfjs itself loads the MobileNet and ResNet50 fixtures and agrees layer by layer', async () => {
    for (const file of ['mobilenet.json', 'resnet50.json']) {
      const theirs = await tfjsLayerFacts(fixture(file));
      const ours = ourLayerFacts(imported(file).doc);
      expect(theirs.layers.size, file).toBe(ours.layers.size);
      for (const [name, facts] of ours.layers) expect(theirs.layers.get(name), name).toEqual(facts);
    }
  }, 120_000);

  it('the committed fixtures are exactly what generate.ts writes', async () => {
    for (const [file, build] of Object.entries(KERAS2_FIXTURES)) {
      expect(readFileSync(new URL(`../../../fixtures/keras/${file}`, import.meta.url), 'utf8'), file).toBe(serialize(build()));
    }
    const tfjsFile = readFileSync(new URL('../../../fixtures/keras/tfjs-lstm-model.json', import.meta.url), 'utf8');
    expect(tfjsFile).toBe(serialize(await tfjsLstmModelJson()));
  });
});

describe('import of TF.js model.json files', () => {
  it("tfjs's own save(): Sequential with the input shape on the Embedding", async () => {
    const json = fixture('tfjs-lstm-model.json') as { modelTopology: unknown };
    const { doc, warnings } = imported('tfjs-lstm-model.json');
    expect(warnings).toEqual([]);
    expect(doc.nodes.map((n) => [n.name, n.type])).toEqual([
      ['embed_input', 'Input'],
      ['embed', 'Embedding'],
      ['lstm', 'LSTM'],
      ['hidden', 'Dense'],
      ['out', 'Dense'],
    ]);
    // float32 in the file, but it feeds an Embedding: token ids.
    expect(doc.nodes[0]!.params).toEqual({ dataKind: 'tokens', shape: [100] });
    expect(doc.importedFrom).toEqual({ format: 'tfjs', modelClass: 'Sequential', kerasVersion: 'tfjs-layers 4.22.0' });
    const theirs = await tfjsLayerFacts(json.modelTopology);
    const ours = ourLayerFacts(doc);
    // tfjs's Sequential.layers hides the implicit input layer.
    expect([...theirs.layers.keys()]).toEqual(['embed', 'lstm', 'hidden', 'out']);
    for (const name of theirs.layers.keys()) expect(theirs.layers.get(name), name).toEqual(ours.layers.get(name));
    expect(ours.total).toBe(theirs.total);
  });

  it("the Python converter's model.json (modelTopology.model_config)", () => {
    const { doc, warnings } = imported('tfjs-converter-mlp.json');
    expect(warnings).toEqual([]);
    expect(doc.nodes.map((n) => n.name)).toEqual(['pixels', 'hidden', 'probs']);
    expect(doc.importedFrom).toEqual({ format: 'tfjs', modelClass: 'Sequential', kerasVersion: '2.11.0' });
    expect(doc.name).toBe('mlp');
    expect(ourLayerFacts(doc).total).toBe(101_770);
  });
});
