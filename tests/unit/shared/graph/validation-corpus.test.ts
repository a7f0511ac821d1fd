import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../../../src-shared/errors/codes.js';
import { validateDocument } from '../../../../src-shared/graph/validate.js';
import { CORPUS } from '../../../fixtures/graphs/corpus.js';

describe('validation corpus', () => {
  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { findings } = validateDocument(c.doc(), c.task ?? null);
    const codes = findings.map((f) => f.code);
    for (const code of c.codes) expect(codes, JSON.stringify(findings, null, 1)).toContain(code);
    const first = findings.find((f) => f.code === c.codes[0])!;
    expect(first.message.length).toBeGreaterThan(10);
    if (c.message) expect(first.message).toMatch(c.message);
    if (c.repair) expect(first.repair).toMatchObject(c.repair);
  });

  it('covers every finding code in the catalogue', () => {
    const covered = new Set<FindingCode>(CORPUS.flatMap((c) => c.codes));
    const missing = (Object.keys(FINDING_CODES) as FindingCode[]).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('reports one finding for one mistake, not a cascade downstream', () => {
    const c = CORPUS.find((x) => x.name === 'Conv2D on a flat vector')!;
    const doc = c.doc();
    // Grow the broken graph: layers after the bad one must not add findings of their own.
    doc.nodes.push({ id: 'n3', type: 'Flatten', name: 'flat', params: {}, position: { x: 0, y: 0 } });
    doc.edges.push({ id: 'e9', source: 'n2', target: 'n3', targetIndex: 0 });
    const { findings } = validateDocument(doc, null);
    expect(findings.map((f) => f.code)).toEqual(['RANK_MISMATCH']);
  });

  it('warns once about Dense on an image, not again for each Dense after it', () => {
    const c = CORPUS.find((x) => x.name === 'Dense after an image tensor')!;
    const doc = c.doc();
    doc.nodes.push({ ...doc.nodes[1]!, id: 'n3', name: 'dense2' });
    doc.edges.push({ id: 'e9', source: 'n2', target: 'n3', targetIndex: 0 });
    const { findings } = validateDocument(doc, null);
    expect(findings.map((f) => [f.code, f.nodeId])).toEqual([['RANK_MISMATCH', 'n2']]);
  });
});
