/** The pure parts of Results and Export: reading runs, comparing, metrics, outcomes, the demo fakes. */
import { describe, expect, it } from 'vitest';
import { outcome } from '../../../src-renderer/export/formats.js';
import { defaultOutDir } from '../../../src-renderer/export/OutputFolderField.js';
import { demoRuns } from '../../../src-renderer/host/demo-runs.js';
import { createMemoryHost } from '../../../src-renderer/host/memory-host.js';
import { demoConfusion } from '../../../src-renderer/host/memory-results.js';
import { compareRows } from '../../../src-renderer/results/compare.js';
import { cellShade, macroAverage } from '../../../src-renderer/results/metrics.js';
import { failureAdvice } from '../../../src-renderer/results/RunDetails.js';
import { deleteRun } from '../../../src-renderer/results/run-edits.js';
import { asStoredRun, bestMetrics, runNumbers, runTask, storedRuns } from '../../../src-renderer/results/stored-runs.js';
import { createEmptyDocument, type ProjectDocument } from '../../../src-shared/graph/document.js';

const docWith = (runs: unknown[]): ProjectDocument => ({ ...createEmptyDocument(), runs: runs as ProjectDocument['runs'] });

describe('stored runs', () => {
  it('completes loose or damaged records with safe defaults instead of failing', () => {
    const run = asStoredRun({
      id: 'r1',
      startedAt: '2025-01-01T00:00:00Z',
      status: 'weird',
      history: [{ loss: 'x' }, null],
      settings: { learningRate: '0.1' },
    });
    expect(run.status).toBe('failed');
    expect(run.runDir).toBe('');
    expect(run.history.map((m) => m.epoch)).toEqual([1, 2]);
    expect(Number.isNaN(run.history[0]!.loss)).toBe(true);
    expect(Number.isNaN(run.settings.learningRate)).toBe(true);
    expect(run.test).toBeNull();
  });

  it('lists newest first, numbers oldest first, and memoizes per runs array', () => {
    const doc = docWith(demoRuns());
    const runs = storedRuns(doc);
    expect(runs.map((r) => r.id)).toEqual(['run-adam-cosine', 'run-adam-lr-high', 'run-adam-baseline', 'run-sgd-baseline']);
    expect(storedRuns(doc)).toBe(runs);
    expect(runNumbers(runs).get('run-sgd-baseline')).toBe(1);
    expect(runNumbers(runs).get('run-adam-cosine')).toBe(4);
  });

  it('knows the kept epoch and the task', () => {
    const [, early] = demoRuns();
    expect(bestMetrics(early!)?.epoch).toBe(early!.bestEpoch);
    expect(runTask(early!)).toBe('classification');
    const reg = {
      ...early!,
      test: { loss: 1, accuracy: null, mae: 0.3 },
      history: early!.history.map((m) => ({ ...m, accuracy: null, valAccuracy: null, mae: 0.4 })),
    };
    expect(runTask(reg)).toBe('regression');
  });

  it('deleting a run is a new document without it; an unknown id changes nothing', () => {
    const doc = docWith(demoRuns());
    const next = deleteRun(doc, 'run-adam-baseline');
    expect(next.runs.map((r) => r.id)).not.toContain('run-adam-baseline');
    expect(doc.runs).toHaveLength(4);
    expect(deleteRun(doc, 'nope')).toBe(doc);
  });
});

describe('comparison rows', () => {
  it('marks rows that differ and the best result among them', () => {
    const [sgd, adam] = demoRuns();
    const rows = compareRows([sgd!, adam!]);
    const row = (label: string) => rows.find((r) => r.label === label)!;
    expect(row('Optimizer')).toMatchObject({ differs: true, values: ['SGD (momentum 0.9)', 'Adam'], best: null });
    expect(row('Seed')).toMatchObject({ differs: false, values: ['42', '42'] });
    expect(row('Backend').differs).toBe(false);
    expect(row('Test accuracy').best).toBe(1);
    expect(row('Best val loss').best).toBe(1);
    expect(compareRows([sgd!, sgd!]).some((r) => r.differs)).toBe(false);
  });
});

describe('metrics and outcomes', () => {
  it('macro average is the unweighted mean; support is the total', () => {
    const m = macroAverage([
      { className: 'a', precision: 1, recall: 0.5, f1: 2 / 3, support: 10 },
      { className: 'b', precision: 0.5, recall: 1, f1: 2 / 3, support: 30 },
    ]);
    expect(m).toEqual({ precision: 0.75, recall: 0.75, f1: 2 / 3, support: 40 });
    expect(macroAverage([])).toBeNull();
  });

  it('shades cells by their share of the row, lifting small shares', () => {
    expect(cellShade(0, 100)).toBe(0);
    expect(cellShade(100, 100)).toBe(1);
    expect(cellShade(1, 100)).toBeCloseTo(0.1);
    expect(cellShade(3, 0)).toBe(0);
  });

  it('a format passes only when written and its parity report agrees', () => {
    const base = { format: 'onnx' as const, dir: '/o', topOneAgreement: 1, maxAbsDiff: 1e-7 };
    expect(outcome({ ...base, ok: true, report: 'onnxruntime-node: 64 samples, top-1 100.0%, max |Δ| 2.4e-7: pass' })).toBe('pass');
    expect(outcome({ ...base, ok: true, report: 'onnxruntime-node: 64 samples, top-1 92.0%, max |Δ| 0.3: FAIL' })).toBe('mismatch');
    expect(outcome({ ...base, ok: false, report: 'python3 not found' })).toBe('failed');
  });

  it('failure advice follows the error; default folders sit beside the project', () => {
    expect(failureAdvice('Loss became NaN at epoch 3').hint).toMatch(/learning rate/);
    expect(failureAdvice('out of memory allocating 2 GB').hint).toMatch(/smaller batch size/);
    expect(failureAdvice('no images in class "cat"').tab).toBe('data');
    expect(defaultOutDir('/home/ana/mnist/lenet.nwproj', [], 'run 1')).toBe('/home/ana/mnist/exports/run-1');
    expect(defaultOutDir('C:\\work\\lenet.nwproj', [], 'r')).toBe('C:\\work/exports/r');
    expect(defaultOutDir(null, ['/srv/data'], 'r')).toBe('/srv/data/exports/r');
    expect(defaultOutDir(null, [], 'r')).toBe('');
  });
});

describe('demo results (memory host)', () => {
  it('makes a consistent confusion matrix with MNIST class sizes and per-class metrics from it', async () => {
    const host = createMemoryHost();
    const r = await host.call('results:get', { runDir: '/demo/runs/a' });
    if (!r.ok) throw new Error(r.error.message);
    const { confusion, perClass, accuracy } = r.value;
    expect(confusion).toEqual(demoConfusion('/demo/runs/a'));
    expect(confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(perClass.map((c) => c.support));
    expect(accuracy).toBeGreaterThan(0.96);
    expect(perClass[4]!.recall).toBeCloseTo(confusion[4]![4]! / perClass[4]!.support);
    const cell = await host.call('results:cell', { runDir: '/demo/runs/a', actual: 4, predicted: 9, limit: 2 });
    expect(cell.ok && cell.value.total).toBe(confusion[4]![9]);
    expect(
      cell.ok && cell.value.items.every((s) => s.actual === 4 && s.predicted === 9 && s.image?.startsWith('data:image/svg+xml,')),
    ).toBe(true);
    const gone = await host.call('results:get', { runDir: '/demo/runs/missing' });
    expect(!gone.ok && gone.error.code).toBe('NOT_FOUND');
  });

  it('emits export progress per format and fails the configured formats only', async () => {
    const host = createMemoryHost({ failingExportFormats: ['onnx'] });
    const stages: string[] = [];
    host.on('export:progress', (p) => stages.push(`${p.format}:${p.stage}`));
    const r = await host.call('export:run', { runDir: '/demo/runs/a', formats: ['tfjs', 'onnx'], outDir: '/demo/x' });
    expect(r.ok && r.value.results.map((f) => [f.format, f.ok])).toEqual([
      ['tfjs', true],
      ['onnx', false],
    ]);
    expect(stages).toEqual(['tfjs:exporting', 'tfjs:checking', 'tfjs:done', 'onnx:exporting', 'onnx:failed']);
  });
});
