import { describe, expect, it } from 'vitest';
import { buildDocument } from '../../../src-shared/graph/build.js';
import { addNode } from '../../../src-renderer/state/document-edits.js';
import { getValidation } from '../../../src-renderer/state/derived.js';
import { checkConnection } from '../../../src-renderer/editor/connection-check.js';

const doc0 = buildDocument('g', [
  { type: 'Input', name: 'img', params: { dataKind: 'image', shape: [28, 28, 1] } },
  { type: 'Conv2D', name: 'conv' },
  { type: 'Flatten', name: 'flat' },
  { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
]);

const check = (doc: typeof doc0, source: string, target: string, targetHandle: string | null = 'in-0') =>
  checkConnection(doc, getValidation(doc), { source, target, targetHandle });

describe('checkConnection', () => {
  it('refuses a wire that would close a cycle', () => {
    const v = check(doc0, 'n4', 'n2');
    expect(v).toEqual({ ok: false, reason: expect.stringMatching(/loop/) });
  });

  it('refuses wires into Input layers and into the layer itself', () => {
    expect(check(doc0, 'n2', 'n1').ok).toBe(false);
    expect(check(doc0, 'n2', 'n2').ok).toBe(false);
  });

  it('refuses a second input without a free slot, but allows replacing one', () => {
    const doc = addNode(doc0, 'Input', { x: 0, y: 0 }, { params: { dataKind: 'vector', shape: [5408] } }).doc;
    expect(check(doc, 'n5', 'n4', null)).toEqual({ ok: false, reason: expect.stringMatching(/takes 1 input/) });
    expect(check(doc, 'n5', 'n4', 'in-0')).toEqual({ ok: true });
  });

  it('refuses a wire whose shape the target cannot take, with the core message', () => {
    // A vector into Conv2D (replacing its image input): the conv needs H×W×C.
    const doc = addNode(doc0, 'Input', { x: 0, y: 0 }, { params: { dataKind: 'vector', shape: [5] } }).doc;
    const v = check(doc, 'n5', 'n2');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/Conv2D "conv"/);
  });

  it('accepts a good wire, and says when it already exists', () => {
    const doc = addNode(doc0, 'Dropout', { x: 0, y: 0 }).doc;
    expect(check(doc, 'n3', 'n5')).toEqual({ ok: true });
    expect(check(doc0, 'n1', 'n2')).toEqual({ ok: false, reason: expect.stringMatching(/already connected/) });
  });
});
