import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src-shared/graph/build.js';
import type { ProjectDocument } from '../../../src-shared/graph/document.js';
import { validateDocument } from '../../../src-shared/graph/validate.js';
import { getSpec } from '../../../src-shared/layers/catalog.js';
import { withDefaults } from '../../../src-shared/layers/common.js';
import {
  addNode,
  appendNode,
  autoLayout,
  connect,
  deleteElements,
  disconnect,
  moveNodes,
  nextFreeSlot,
  renameNode,
  setParam,
} from '../../../src-renderer/state/document-edits.js';
import { checkLayerName, toSnakeCase, uniqueName } from '../../../src-renderer/state/names.js';

const mlp = (): ProjectDocument =>
  buildDocument('mlp', [
    { type: 'Input', name: 'in', params: { dataKind: 'image', shape: [28, 28, 1] } },
    { type: 'Flatten', name: 'flat' },
    { type: 'Dense', name: 'dense_1', params: { units: 64 } },
  ]);

describe('names', () => {
  it('follows Keras snake_case naming', () => {
    expect(toSnakeCase('Dense')).toBe('dense');
    expect(toSnakeCase('Conv2D')).toBe('conv2d');
    expect(toSnakeCase('MaxPooling2D')).toBe('max_pooling2d');
    expect(toSnakeCase('BatchNormalization')).toBe('batch_normalization');
    expect(toSnakeCase('SimpleRNN')).toBe('simple_rnn');
    expect(toSnakeCase('LSTM')).toBe('lstm');
  });

  it('numbers on from an existing suffix', () => {
    expect(uniqueName('dense', new Set())).toBe('dense_1');
    expect(uniqueName('dense', new Set(['dense_1', 'dense_2']))).toBe('dense_3');
    expect(uniqueName('dense_3', new Set(['dense_3']))).toBe('dense_4');
  });

  it('checks layer names', () => {
    expect(checkLayerName('ok_name', new Set())).toBeNull();
    expect(checkLayerName('', new Set())).toMatch(/needs a name/);
    expect(checkLayerName('2bad', new Set())).toMatch(/starting with a letter/);
    expect(checkLayerName('taken', new Set(['taken']))).toMatch(/already named/);
  });
});

describe('document edits', () => {
  it('addNode uses catalog defaults and a unique Keras-style name', () => {
    const { doc, ids } = addNode(mlp(), 'Dense', { x: 5, y: 6 });
    const node = doc.nodes.find((n) => n.id === ids[0])!;
    expect(node.name).toBe('dense_2');
    expect(node.params).toEqual(withDefaults(getSpec('Dense').params));
    expect(node.position).toEqual({ x: 5, y: 6 });
    expect(ids[0]).toBe('n4');
  });

  it('appendNode puts the layer below its anchor and wires it', () => {
    const base = mlp();
    const { doc, ids } = appendNode(base, 'Dropout', 'n3');
    const added = doc.nodes.find((n) => n.id === ids[0])!;
    expect(added.position.y).toBeGreaterThan(base.nodes[2]!.position.y);
    expect(doc.edges.at(-1)).toMatchObject({ source: 'n3', target: ids[0], targetIndex: 0 });
    // Wired in: only the (intended) output-vs-dataset checks remain, no structural findings.
    expect(
      validateDocument(doc)
        .findings.map((f) => f.code)
        .filter((c) => !c.startsWith('OUTPUT_')),
    ).toEqual([]);
  });

  it('appendNode without an anchor adds an unconnected layer below the graph', () => {
    const { doc } = appendNode(mlp(), 'Dense', null);
    expect(doc.edges).toHaveLength(2);
  });

  it('connect numbers merge inputs by the next free slot', () => {
    let doc = buildDocument('m', [
      { type: 'Input', name: 'a', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Input', name: 'b', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Input', name: 'c', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Concatenate', name: 'cat', inputs: [] },
    ]);
    doc = connect(doc, { source: 'n1', target: 'n4' });
    doc = connect(doc, { source: 'n2', target: 'n4' });
    expect(doc.edges.map((e) => e.targetIndex)).toEqual([0, 1]);
    doc = disconnect(doc, [doc.edges[0]!.id]);
    expect(nextFreeSlot(doc, 'n4')).toBe(0);
    doc = connect(doc, { source: 'n3', target: 'n4' });
    expect(doc.edges.find((e) => e.source === 'n3')!.targetIndex).toBe(0);
  });

  it('connect into an occupied single input replaces the old wire', () => {
    let doc = mlp();
    doc = addNode(doc, 'Input', { x: 0, y: 0 }).doc;
    doc = connect(doc, { source: 'n4', target: 'n2', targetIndex: 0 });
    const into = doc.edges.filter((e) => e.target === 'n2');
    expect(into).toHaveLength(1);
    expect(into[0]!.source).toBe('n4');
  });

  it('connect refuses self-loops and Input targets, and ignores a wire that exists', () => {
    const doc = mlp();
    expect(connect(doc, { source: 'n2', target: 'n2' })).toBe(doc);
    expect(connect(doc, { source: 'n2', target: 'n1' })).toBe(doc);
    expect(connect(doc, { source: 'n1', target: 'n2', targetIndex: 0 })).toBe(doc);
  });

  it('deleteElements removes nodes with their wires', () => {
    const doc = deleteElements(mlp(), ['n2']);
    expect(doc.nodes.map((n) => n.id)).toEqual(['n1', 'n3']);
    expect(doc.edges).toEqual([]);
  });

  it('edits that change nothing return the same document', () => {
    const doc = mlp();
    expect(setParam(doc, 'n3', 'units', 64)).toBe(doc);
    expect(setParam(doc, 'n1', 'shape', [28, 28, 1])).toBe(doc);
    expect(moveNodes(doc, new Map([['n1', { ...doc.nodes[0]!.position }]]))).toBe(doc);
    expect(renameNode(doc, 'n1', 'in')).toBe(doc);
    expect(deleteElements(doc, [], [])).toBe(doc);
  });

  it('setParam changes only that node', () => {
    const before = mlp();
    const after = setParam(before, 'n3', 'units', 10);
    expect(after.nodes[2]!.params.units).toBe(10);
    expect(after.nodes[0]).toBe(before.nodes[0]);
  });

  it('autoLayout moves nodes to the core layout and keeps the rest', () => {
    const doc = moveNodes(mlp(), new Map([['n2', { x: 999, y: -50 }]]));
    const laid = autoLayout(doc);
    expect(laid.nodes[1]!.position).toEqual(mlp().nodes[1]!.position);
    expect(laid.edges).toBe(doc.edges);
  });
});
