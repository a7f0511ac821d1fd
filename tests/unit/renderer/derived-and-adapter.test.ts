import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src-shared/graph/build.js';
import { summarizeModel } from '../../../src-shared/graph/summary.js';
import { validateDocument } from '../../../src-shared/graph/validate.js';
import { connect, moveNodes, setParam } from '../../../src-renderer/state/document-edits.js';
import { getSummary, getValidation } from '../../../src-renderer/state/derived.js';
import { EMPTY_SELECTION } from '../../../src-renderer/state/store.js';
import { countInputSlots, createFlowAdapter } from '../../../src-renderer/editor/flow-adapter.js';
import { describeKeyParams, formatDims } from '../../../src-renderer/editor/node-summary.js';

const lenet = () =>
  buildDocument('cnn', [
    { type: 'Input', name: 'in', params: { dataKind: 'image', shape: [28, 28, 1] } },
    { type: 'Conv2D', name: 'conv', params: { filters: 32, kernelSize: [3, 3] } },
    { type: 'MaxPooling2D', name: 'pool' },
    { type: 'Flatten', name: 'flat' },
    { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
  ]);

describe('derived data', () => {
  it('validates once per document and reuses it when only positions change', () => {
    const doc = lenet();
    const v = getValidation(doc);
    expect(getValidation(doc)).toBe(v);
    const moved = moveNodes(doc, new Map([['n2', { x: 300, y: 40 }]]));
    expect(getValidation(moved)).toBe(v);
    const edited = setParam(moved, 'n2', 'filters', 8);
    expect(getValidation(edited)).not.toBe(v);
    expect(getValidation(edited).analysis.nodes.get('n2')!.output).toEqual([26, 26, 8]);
  });

  it('the summary has the same numbers as summarizeModel (the CLI)', () => {
    const doc = lenet();
    expect(getSummary(doc)).toEqual(summarizeModel(doc, validateDocument(doc).analysis));
  });
});

describe('node texts', () => {
  it('formats shapes and key parameters', () => {
    expect(formatDims([26, 26, 32])).toBe('26×26×32');
    expect(formatDims([null, 16])).toBe('?×16');
    expect(describeKeyParams('Dense', { units: 128, activation: 'relu' })).toBe('128 · relu');
    expect(describeKeyParams('Conv2D', { filters: 32, kernelSize: [3, 3], strides: [1, 1], padding: 'same', activation: 'linear' })).toBe(
      '3×3 · 32 · same',
    );
    expect(describeKeyParams('Conv2D', { filters: 8, kernelSize: [5, 5], strides: [2, 2], padding: 'valid', activation: 'relu' })).toBe(
      '5×5 · 8 · stride 2×2 · valid · relu',
    );
  });
});

describe('flow adapter', () => {
  it('derives nodes with plain data, shapes on edges, and an aria label', () => {
    const doc = lenet();
    const adapter = createFlowAdapter();
    const nodes = adapter.nodes(doc, getValidation(doc), EMPTY_SELECTION, new Map());
    const conv = nodes[1]!;
    expect(conv.data).toMatchObject({ name: 'conv', type: 'Conv2D', output: '26×26×32', paramCount: '320', inputSlots: 1, severity: null });
    expect(conv.ariaLabel).toBe('Conv 2D layer conv, output 26×26×32, 320 parameters');
    expect(Object.values(conv.data).some((v) => typeof v === 'function')).toBe(false);
    const edges = adapter.edges(doc, getValidation(doc), EMPTY_SELECTION);
    expect(edges.map((e) => e.data!.label)).toEqual(['28×28×1', '26×26×32', '13×13×32', '5408']);
    expect(edges[0]).toMatchObject({ sourceHandle: 'out', targetHandle: 'in-0' });
  });

  it('keeps unchanged node objects across edits (React Flow and memo skip them)', () => {
    const doc = lenet();
    const adapter = createFlowAdapter();
    const first = adapter.nodes(doc, getValidation(doc), EMPTY_SELECTION, new Map());
    const moved = moveNodes(doc, new Map([['n3', { x: 400, y: 400 }]]));
    const second = adapter.nodes(moved, getValidation(moved), EMPTY_SELECTION, new Map());
    expect(second.filter((n, i) => n !== first[i]).map((n) => n.id)).toEqual(['n3']);
    expect(second[2]!.data).toBe(first[2]!.data);
    const edited = setParam(moved, 'n5', 'activation', 'relu');
    const third = adapter.nodes(edited, getValidation(edited), { nodes: ['n1'], edges: [] }, new Map());
    // n1 changed selection, n5 changed data (and gained a warning); the rest are the same objects.
    expect(third.filter((n, i) => n !== second[i]).map((n) => n.id)).toEqual(['n1', 'n5']);
    expect(third[4]!.data.severity).toBe('warning');
  });

  it('merges offer one free input slot beyond the used ones', () => {
    expect(countInputSlots('Concatenate', [])).toBe(2);
    expect(countInputSlots('Concatenate', [0, 1])).toBe(3);
    expect(countInputSlots('Subtract', [0, 1])).toBe(2);
    expect(countInputSlots('Dense', [0])).toBe(1);
    expect(countInputSlots('Input', [])).toBe(0);
    let doc = buildDocument('m', [
      { type: 'Input', name: 'a', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Add', name: 'add', inputs: [] },
    ]);
    doc = connect(connect(doc, { source: 'n1', target: 'n2' }), { source: 'n1', target: 'n2' });
    const nodes = createFlowAdapter().nodes(doc, getValidation(doc), EMPTY_SELECTION, new Map());
    expect(nodes[1]!.data.inputSlots).toBe(3);
  });
});
