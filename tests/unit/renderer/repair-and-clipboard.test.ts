import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src-shared/graph/build.js';
import type { Finding, Repair } from '../../../src-shared/graph/findings.js';
import type { ProjectDocument } from '../../../src-shared/graph/document.js';
import { validateDocument } from '../../../src-shared/graph/validate.js';
import { applyRepair } from '../../../src-renderer/state/repair-edits.js';
import { copyNodes, duplicateNodes, parseClipboard, pasteClipboard } from '../../../src-renderer/state/clipboard-edits.js';
import { addNode, connect } from '../../../src-renderer/state/document-edits.js';

/** The first finding with that code and a repair of that kind, from real validation. */
function repairFor(doc: ProjectDocument, code: string, kind: Repair['kind']): Repair {
  const f: Finding | undefined = validateDocument(doc).findings.find((x) => x.code === code && x.repair?.kind === kind);
  if (!f?.repair) throw new Error(`no ${code} finding with a ${kind} repair`);
  return f.repair;
}

const image = { dataKind: 'image', shape: [28, 28, 1] };

describe('applyRepair', () => {
  it('insert-layer puts a Flatten on the wire and clears the finding', () => {
    const doc = buildDocument('cnn', [
      { type: 'Input', name: 'in', params: image },
      { type: 'Conv2D', name: 'conv' },
      { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
    ]);
    const { doc: fixed, ids } = applyRepair(doc, repairFor(doc, 'RANK_MISMATCH', 'insert-layer'));
    const flat = fixed.nodes.find((n) => n.id === ids[0])!;
    expect(flat.type).toBe('Flatten');
    expect(fixed.edges.some((e) => e.source === 'n2' && e.target === flat.id)).toBe(true);
    expect(fixed.edges.some((e) => e.source === flat.id && e.target === 'n3' && e.targetIndex === 0)).toBe(true);
    expect(fixed.edges.some((e) => e.source === 'n2' && e.target === 'n3')).toBe(false);
    const v = validateDocument(fixed);
    expect(v.findings).toEqual([]);
    expect(v.analysis.nodes.get('n3')!.output).toEqual([10]);
  });

  it('set-param fixes the output width for the dataset', () => {
    const doc = buildDocument('mlp', [
      { type: 'Input', name: 'in', params: image },
      { type: 'Flatten', name: 'flat' },
      { type: 'Dense', name: 'out', params: { units: 7, activation: 'softmax' } },
    ]);
    const { doc: fixed } = applyRepair(doc, repairFor(doc, 'OUTPUT_UNITS', 'set-param'));
    expect(fixed.nodes[2]!.params.units).toBe(10);
    expect(validateDocument(fixed).errors).toBe(0);
  });

  it('remove-edge drops the extra input', () => {
    let doc = buildDocument('two', [
      { type: 'Input', name: 'a', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Input', name: 'b', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' }, inputs: ['a'] },
    ]);
    doc = { ...doc, edges: [...doc.edges, { id: 'e9', source: 'n2', target: 'n3', targetIndex: 1 }] };
    const { doc: fixed } = applyRepair(doc, repairFor(doc, 'TOO_MANY_INPUTS', 'remove-edge'));
    expect(fixed.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('rename-node resolves a duplicate name', () => {
    const doc = buildDocument('dup', [
      { type: 'Input', name: 'in', params: image },
      { type: 'Flatten', name: 'flat' },
      { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
    ]);
    const dup = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'n2' ? { ...n, name: 'out' } : n)) };
    const { doc: fixed } = applyRepair(dup, repairFor(dup, 'DUPLICATE_NAME', 'rename-node'));
    expect(new Set(fixed.nodes.map((n) => n.name)).size).toBe(3);
    expect(validateDocument(fixed).findings.filter((f) => f.code === 'DUPLICATE_NAME')).toEqual([]);
  });

  it('remove-node deletes a disconnected layer', () => {
    const base = buildDocument('mlp', [
      { type: 'Input', name: 'in', params: image },
      { type: 'Flatten', name: 'flat' },
      { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
    ]);
    const doc = addNode(base, 'Dropout', { x: 500, y: 0 }).doc;
    const { doc: fixed } = applyRepair(doc, repairFor(doc, 'DISCONNECTED', 'remove-node'));
    expect(fixed.nodes).toHaveLength(3);
    expect(validateDocument(fixed).findings).toEqual([]);
  });

  it('an insert-layer repair for an unknown type changes nothing', () => {
    const doc = buildDocument('x', [{ type: 'Input', name: 'in', params: image }]);
    expect(applyRepair(doc, { kind: 'insert-layer', label: '?', source: 'n1', target: 'n2', layerType: 'Nope' }).doc).toBe(doc);
  });
});

describe('clipboard', () => {
  const chain = () =>
    buildDocument('c', [
      { type: 'Input', name: 'in', params: image },
      { type: 'Flatten', name: 'flat' },
      { type: 'Dense', name: 'dense_1', params: { units: 32 } },
      { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
    ]);

  it('copies the selected nodes with only their inner edges', () => {
    const clip = copyNodes(chain(), ['n2', 'n3'])!;
    expect(clip.nodes.map((n) => n.name)).toEqual(['flat', 'dense_1']);
    expect(clip.edges).toHaveLength(1);
    expect(parseClipboard(JSON.stringify(clip))).toEqual(clip);
    expect(parseClipboard('{"nodes": []}')).toBeNull();
    expect(copyNodes(chain(), [])).toBeNull();
  });

  it('pastes with fresh ids, renamed layers, rewired edges and an offset', () => {
    const doc = chain();
    const clip = copyNodes(doc, ['n2', 'n3'])!;
    const { doc: pasted, ids } = pasteClipboard(doc, clip, { x: 40, y: 40 });
    expect(ids).toEqual(['n5', 'n6']);
    const copies = pasted.nodes.slice(4);
    expect(copies.map((n) => n.name)).toEqual(['flat_1', 'dense_2']);
    expect(copies[0]!.position).toEqual({ x: doc.nodes[1]!.position.x + 40, y: doc.nodes[1]!.position.y + 40 });
    expect(pasted.edges.at(-1)).toMatchObject({ source: 'n5', target: 'n6', targetIndex: 0 });
    expect(new Set(pasted.nodes.map((n) => n.name)).size).toBe(pasted.nodes.length);
  });

  it('keeps names that are free in the target document', () => {
    const clip = copyNodes(chain(), ['n3'])!;
    const other = buildDocument('o', [{ type: 'Input', name: 'x', params: image }]);
    expect(pasteClipboard(other, clip).doc.nodes[1]!.name).toBe('dense_1');
  });

  it('duplicate copies a merge node with its slots', () => {
    let doc = buildDocument('m', [
      { type: 'Input', name: 'a', params: { dataKind: 'vector', shape: [4] } },
      { type: 'Add', name: 'add', inputs: [] },
    ]);
    doc = connect(connect(doc, { source: 'n1', target: 'n2' }), { source: 'n1', target: 'n2' });
    const { doc: dup, ids } = duplicateNodes(doc, ['n1', 'n2']);
    expect(ids).toHaveLength(2);
    expect(
      dup.edges
        .filter((e) => e.target === ids[1])
        .map((e) => e.targetIndex)
        .sort(),
    ).toEqual([0, 1]);
  });
});
