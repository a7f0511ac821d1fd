/** doc.runs entries: StoredRun fields are typed when present, dropped (not fatal) when malformed. */
import { describe, expect, it } from 'vitest';
import { createEmptyDocument } from '../../../../src-shared/graph/document.js';
import { loadProjectValue } from '../../../../src-shared/graph/project-file.js';
import type { StoredRun } from '../../../../src-shared/ipc/contract-training.js';

const stored: StoredRun = {
  id: '2025-01-31-142530-3fa9',
  startedAt: '2025-01-31T14:25:30.000Z',
  finishedAt: '2025-01-31T14:26:02.000Z',
  status: 'completed',
  runDir: '/projects/digits.runs/2025-01-31-142530-3fa9',
  settings: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 2, seed: 42, split: { validation: 0.1, test: 0.1 } },
  backend: 'wasm',
  history: [
    { epoch: 1, loss: 0.4, valLoss: 0.3, accuracy: 0.88, valAccuracy: 0.9, mae: null, valMae: null, learningRate: 0.001 },
    { epoch: 2, loss: 0.2, valLoss: 0.25, accuracy: 0.94, valAccuracy: 0.93, mae: null, valMae: null, learningRate: 0.001 },
  ],
  bestEpoch: 2,
  test: { loss: 0.26, accuracy: 0.92, mae: null },
  classNames: ['0', '1'],
};

function load(runs: unknown[]) {
  return loadProjectValue({ ...createEmptyDocument('runs'), runs });
}

describe('doc.runs', () => {
  it('keeps a complete StoredRun exactly, and older records with only id and start time', () => {
    const result = load([stored, { id: 'old', startedAt: '2024-01-01T00:00:00Z' }]);
    if (!result.ok) throw new Error(result.error);
    expect(result.doc.runs[0]).toEqual(stored);
    expect(result.doc.runs[1]).toEqual({ id: 'old', startedAt: '2024-01-01T00:00:00Z' });
  });

  it('drops malformed optional fields instead of refusing the project, and keeps unknown ones', () => {
    const result = load([{ ...stored, status: 'exploded', history: 'lots', runDir: 7, test: { loss: 'x' }, bestEpoch: -3, note: 'from a newer app' }]);
    if (!result.ok) throw new Error(result.error);
    const run = result.doc.runs[0]!;
    expect(run.status).toBeUndefined();
    expect(run.history).toBeUndefined();
    expect(run.runDir).toBeUndefined();
    expect(run.test).toBeUndefined();
    expect(run.bestEpoch).toBeUndefined();
    expect(run).toMatchObject({ id: stored.id, backend: 'wasm', classNames: ['0', '1'], note: 'from a newer app' });
    // Dropped fields vanish from the saved file too.
    expect(Object.keys(JSON.parse(JSON.stringify(run)) as object)).not.toContain('status');
  });

  it('still requires an id and a start time', () => {
    expect(load([{ startedAt: 'x' }])).toMatchObject({ ok: false, error: expect.stringMatching(/^runs\[0\]\.id/) });
    expect(load([{ id: 'a' }])).toMatchObject({ ok: false, error: expect.stringMatching(/^runs\[0\]\.startedAt/) });
  });
});
