/** The file spellings the importer accepts, beyond the published-model fixtures. */
import { describe, expect, it } from 'vitest';
import { importKerasModel } from '../../../../src-shared/compile/from-keras.js';
import type { ProjectDocument } from '../../../../src-shared/graph/document.js';
import { ourLayerFacts } from './tfjs-model.js';
import { dense, k2, k2Functional, k2Input, k3, k3Input, k3Tensor } from './keras-json-builders.js';

function ok(json: unknown, opts?: { name?: string }): { doc: ProjectDocument; warnings: string[] } {
  const result = importKerasModel(json, opts);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const edgesByName = (doc: ProjectDocument) => {
  const name = new Map(doc.nodes.map((n) => [n.id, n.name]));
  return doc.edges.map((e) => `${name.get(e.source)}→${name.get(e.target)}#${e.targetIndex}`);
};

describe('importKerasModel: formats', () => {
  it('Keras 3 Functional: keras_history tensors, a merge taking a list, flat input/output refs', () => {
    const json = {
      module: 'keras.src.models.functional',
      class_name: 'Functional',
      config: {
        name: 'two_towers',
        trainable: true,
        layers: [
          k3Input('features', [16]),
          k3('Dense', 'a', dense(8, 'relu'), [[k3Tensor('features', [null, 16])]]),
          k3('Dense', 'b', dense(4, 'relu'), [[k3Tensor('features', [null, 16])]]),
          k3('Concatenate', 'concatenate', { axis: -1 }, [[[k3Tensor('b', [null, 4]), k3Tensor('a', [null, 8])]]]),
          k3('Dense', 'out', dense(3, 'softmax'), [[k3Tensor('concatenate', [null, 12])]]),
        ],
        input_layers: ['features', 0, 0],
        output_layers: ['out', 0, 0],
      },
      registered_name: 'Functional',
      build_config: { input_shape: null },
    };
    const { doc, warnings } = ok(json);
    expect(warnings).toEqual([]);
    expect(doc.nodes.map((n) => `${n.name}:${n.type}`)).toEqual([
      'features:Input',
      'a:Dense',
      'b:Dense',
      'concatenate:Concatenate',
      'out:Dense',
    ]);
    expect(edgesByName(doc)).toEqual(['features→a#0', 'features→b#0', 'b→concatenate#0', 'a→concatenate#1', 'concatenate→out#0']);
    expect(doc.importedFrom).toEqual({ format: 'keras', modelClass: 'Functional' });
    expect(ourLayerFacts(doc).layers.get('concatenate')!.outputShape).toEqual([12]);
  });

  it('Keras 2 Sequential without an InputLayer: the input comes from batch_input_shape, named like Keras does', () => {
    const json = {
      class_name: 'Sequential',
      config: {
        name: 'seq',
        layers: [
          { class_name: 'Dense', config: { name: 'dense', batch_input_shape: [null, 20], ...dense(5, 'tanh') } },
          { class_name: 'Dense', config: { name: 'dense_1', ...dense(1, 'sigmoid') } },
        ],
      },
      keras_version: '2.3.1',
      backend: 'tensorflow',
    };
    const { doc } = ok(json);
    expect(doc.nodes.map((n) => n.name)).toEqual(['dense_input', 'dense', 'dense_1']);
    expect(doc.nodes[0]!.params).toEqual({ dataKind: 'vector', shape: [20] });
    expect(edgesByName(doc)).toEqual(['dense_input→dense#0', 'dense→dense_1#0']);
    expect(ourLayerFacts(doc).total).toBe(20 * 5 + 5 + 5 + 1);
  });

  it('accepts the file text as well as the parsed JSON', () => {
    const json = k2Functional([k2Input('x', [3]), k2('Dense', 'd', dense(2), [['x']])], ['x'], ['d']);
    expect(ok(JSON.stringify(json)).doc).toEqual(ok(json).doc);
  });

  it('old Keras (< 2.2.3) Sequential whose config is the bare layer list', () => {
    const json = {
      class_name: 'Sequential',
      config: [{ class_name: 'Dense', config: { name: 'd', batch_input_shape: [null, 3], ...dense(2) } }],
      keras_version: '2.1.6',
    };
    expect(ok(json).doc.nodes.map((n) => n.name)).toEqual(['d_input', 'd']);
  });

  it('Keras 3 Sequential without an InputLayer takes the shape from build_input_shape', () => {
    const json = {
      module: 'keras',
      class_name: 'Sequential',
      config: { name: 'sequential', layers: [k3('Dense', 'dense', dense(4))], build_input_shape: [null, 9] },
      registered_name: null,
    };
    expect(ok(json).doc.nodes[0]!.params).toEqual({ dataKind: 'vector', shape: [9] });
  });

  it('the pre-2.4 class name "Model", variable-length inputs, and a name override', () => {
    const json = k2Functional([k2Input('seq', [null, 4]), k2('LSTM', 'lstm', { units: 3 }, [['seq']])], ['seq'], ['lstm'], 'Model');
    const { doc } = ok(json, { name: 'My import' });
    expect(doc.name).toBe('My import');
    expect(doc.importedFrom?.modelClass).toBe('Functional');
    expect(doc.nodes[0]!.params).toEqual({ dataKind: 'sequence', shape: [null, 4] });
  });

  it('lays the imported graph out top to bottom', () => {
    const { doc } = ok(
      k2Functional(
        [k2Input('x', [8]), k2('Dense', 'l', dense(4), [['x']]), k2('Dense', 'r', dense(4), [['x']]), k2('Add', 'sum', {}, [['l', 'r']])],
        ['x'],
        ['sum'],
      ),
    );
    const pos = Object.fromEntries(doc.nodes.map((n) => [n.name, n.position]));
    expect(pos.l!.y).toBeGreaterThan(pos.x!.y);
    expect(pos.l!.y).toBe(pos.r!.y);
    expect(pos.l!.x).not.toBe(pos.r!.x);
    expect(pos.sum!.y).toBeGreaterThan(pos.l!.y);
  });

  it('passes on option warnings from the layer specs, prefixed with the layer', () => {
    const { warnings } = ok(
      k2Functional(
        [
          k2Input('x', [8]),
          k2('Dense', 'd', { ...dense(4), kernel_constraint: { class_name: 'MaxNorm', config: { max_value: 2, axis: 0 } } }, [['x']]),
        ],
        ['x'],
        ['d'],
      ),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Dense "d": .*kernel_constraint/);
  });

  it('warns where the file marks outputs our graph cannot (an output that also feeds a layer)', () => {
    const json = k2Functional(
      [k2Input('x', [8]), k2('Dense', 'aux', dense(2), [['x']]), k2('Dense', 'main', dense(1), [['aux']])],
      ['x'],
      ['aux', 'main'],
    );
    expect(ok(json).warnings).toEqual([
      'Layer "aux" is a model output that also feeds other layers; here only layers without outgoing connections are outputs, so it is not an output any more',
    ]);
  });

  it('imports a model our analysis objects to, and says what it objects to', () => {
    const json = k2Functional([k2Input('vec', [784]), k2('Conv2D', 'c', { filters: 2, kernel_size: [3, 3] }, [['vec']])], ['vec'], ['c']);
    const { warnings } = ok(json);
    expect(warnings).toEqual(['After import: Conv2D "c" needs a 3-D input H×W×C but gets [784]']);
  });
});
