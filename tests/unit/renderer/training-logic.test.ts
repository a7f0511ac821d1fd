/** Pure pieces of the Data and Train workspaces: reducer, smoothing, schedules, settings, edits, validation by task. */
import { describe, expect, it } from 'vitest';
import { applyDatasetShape, patchFolder } from '../../../src-renderer/datasets/dataset-edits.js';
import { datasetKey, taskFor } from '../../../src-renderer/datasets/dataset-task.js';
import { getValidation } from '../../../src-renderer/state/derived.js';
import { EMPTY_DATASET, type LiveRun } from '../../../src-renderer/state/training-store.js';
import { createLiveRun, reduceRun } from '../../../src-renderer/training/run-reducer.js';
import { scheduleCurve } from '../../../src-renderer/training/schedule-math.js';
import { createEma, emptyBatchSeries, syncBatchSeries } from '../../../src-renderer/training/series-sync.js';
import { appendRun, toStoredRun } from '../../../src-renderer/training/stored-run.js';
import { toTrainSettings } from '../../../src-renderer/training/train-settings.js';
import { patchTraining } from '../../../src-renderer/training/training-edits.js';
import { DEFAULT_TRAINING, createEmptyDocument } from '../../../src-shared/graph/document.js';
import { loadProjectValue } from '../../../src-shared/graph/project-file.js';
import type { TrainSettings } from '../../../src-shared/training/protocol.js';
import { template } from './render-app.js';

const settings: TrainSettings = { optimizer: 'adam', learningRate: 0.01, batchSize: 10, epochs: 2, seed: 1 };

describe('run reducer', () => {
  it('tracks progress, a live ETA that ignores pauses, and the end', () => {
    let run: LiveRun = { ...createLiveRun(settings, 't0'), id: 'r' };
    const backend = { backend: 'cpu' as const, device: 'cpu' as const, notUsed: [], threads: 1 };
    const dataset = { kind: 'mnist' as const, task: 'classification' as const, classNames: ['a'], sampleShape: [1], counts: { train: 100, validation: 0, test: 0 }, skipped: [] };
    run = reduceRun(run, [{ type: 'started', runId: 'r', backend, dataset, params: 5, batchesPerEpoch: 10 }], 0);
    expect(run.status).toBe('running');
    run = reduceRun(run, [{ type: 'batch', runId: 'r', epoch: 1, batch: 5, batchesPerEpoch: 10, loss: 1, accuracy: 0.5, samplesPerSecond: 10 }], 5000);
    // 5 of 20 batches in 5 s: 15 s to go.
    expect(run.progress.etaSeconds).toBeCloseTo(15);
    run = reduceRun(run, [{ type: 'state', runId: 'r', state: 'paused' }], 6000);
    run = reduceRun(run, [{ type: 'state', runId: 'r', state: 'running' }], 60000);
    run = reduceRun(run, [{ type: 'batch', runId: 'r', epoch: 1, batch: 10, batchesPerEpoch: 10, loss: 0.8, accuracy: 0.6, samplesPerSecond: 10 }], 65000);
    // 54 s paused do not count: 10 batches in 11 s.
    expect(run.progress.elapsedSeconds).toBeCloseTo(11);
    expect(run.progress.etaSeconds).toBeCloseTo(11);
    expect(run.batches.map((b) => b.x)).toEqual([0.5, 1]);
    const same = reduceRun(run, [{ type: 'log', runId: 'other', level: 'info', message: 'x' }], 0);
    expect(same).toBe(run);
    run = reduceRun(run, [{ type: 'finished', runId: 'r', reason: 'completed', history: [], bestEpoch: null, test: null, seconds: 12, outDir: null }], 70000);
    expect(run.status).toBe('completed');
    expect(reduceRun(run, [{ type: 'batch', runId: 'r', epoch: 2, batch: 1, batchesPerEpoch: 10, loss: 1, accuracy: 0, samplesPerSecond: 1 }], 0)).toBe(run);
    const stored = toStoredRun(run, 'now')!;
    expect(stored).toMatchObject({ id: 'r', status: 'completed', backend: 'cpu', classNames: ['a'], finishedAt: 'now' });
    // A run record goes through the project schema and back.
    const doc = appendRun(createEmptyDocument(), stored);
    const loaded = loadProjectValue(JSON.parse(JSON.stringify(doc)));
    expect(loaded.ok && loaded.doc.runs[0]).toMatchObject({ id: 'r', status: 'completed' });
  });
});

describe('chart series', () => {
  it('smooths with a bias-corrected EMA and appends only new batch points', () => {
    const ema = createEma(0.9);
    expect(ema(2)).toBeCloseTo(2);
    expect(ema(2)).toBeCloseTo(2);
    const run = { ...createLiveRun(settings, 't'), id: 'r' };
    run.batches.push({ x: 0.1, epoch: 1, loss: 1, accuracy: null }, { x: 0.2, epoch: 1, loss: 3, accuracy: null });
    const series = emptyBatchSeries(0);
    expect(syncBatchSeries(series, { ...run, batchCount: 2 }, (b) => b.loss, 0)).toBe(true);
    expect(series.points).toEqual([{ x: 0.1, y: 1 }, { x: 0.2, y: 3 }]);
    expect(syncBatchSeries(series, { ...run, batchCount: 2 }, (b) => b.loss, 0)).toBe(false);
    run.batches.push({ x: 0.3, epoch: 1, loss: 5, accuracy: null });
    syncBatchSeries(series, { ...run, batchCount: 3 }, (b) => b.loss, 0);
    expect(series.points).toHaveLength(3);
    // A new run starts over.
    syncBatchSeries(series, { ...run, startedAt: 'other', batchCount: 0 }, (b) => b.loss, 0);
    expect(series.points).toEqual([]);
  });
});

describe('settings', () => {
  it('computes the schedules the trainer uses', () => {
    expect(scheduleCurve({ learningRate: 1, epochs: 4, schedule: { kind: 'step', everyEpochs: 2, factor: 0.5 } })).toEqual([1, 1, 0.5, 0.5]);
    expect(scheduleCurve({ learningRate: 1, epochs: 3, schedule: { kind: 'exponential', decay: 0.5 } })).toEqual([1, 0.5, 0.25]);
    expect(scheduleCurve({ learningRate: 1, epochs: 2, schedule: { kind: 'cosine' } })).toEqual([1, 0.5]);
  });

  it('sends momentum only with SGD, the test split, and leaves no stale keys', () => {
    const doc = patchTraining(createEmptyDocument(), { momentum: 0.9, nesterov: true, testSplit: 0.2, weightDecay: 1e-4 });
    const { optimizer, learningRate, batchSize, epochs, seed } = DEFAULT_TRAINING;
    expect(toTrainSettings(doc.training)).toStrictEqual({ optimizer, learningRate, batchSize, epochs, seed, split: { validation: 0.1, test: 0.2 }, weightDecay: 1e-4 });
    const sgd = patchTraining(doc, { optimizer: 'sgd' });
    expect(toTrainSettings(sgd.training)).toMatchObject({ optimizer: 'sgd', momentum: 0.9, nesterov: true });
    expect(patchTraining(sgd, { optimizer: 'sgd' })).toBe(sgd);
    expect('momentum' in patchTraining(sgd, { momentum: undefined }).training).toBe(false);
  });
});

describe('dataset edits and validation by task', () => {
  it('stores folder options without the augmentations that are off', () => {
    const doc = { ...createEmptyDocument(), dataset: { kind: 'folder' as const, path: '/d' } };
    const next = patchFolder(doc, { resize: 'crop', augmentation: { flipHorizontal: true, rotationDeg: 0, zoom: 0.1 } });
    expect(next.dataset).toEqual({ kind: 'folder', path: '/d', resize: 'crop', augmentation: { flipHorizontal: true, zoom: 0.1 } });
    expect(patchFolder(next, { augmentation: { flipHorizontal: false } }).dataset).toEqual({ kind: 'folder', path: '/d', resize: 'crop' });
    // The project schema keeps them (an unknown key would be dropped on load).
    const loaded = loadProjectValue(JSON.parse(JSON.stringify(next)));
    expect(loaded.ok && loaded.doc.dataset).toEqual(next.dataset);
    expect(patchFolder(createEmptyDocument(), { resize: 'pad' }).dataset).toEqual({ kind: 'mnist' });
  });

  it('sets the Input shape and data kind in one edit', () => {
    const doc = template('mlp-mnist');
    const next = applyDatasetShape(doc, [13]);
    const input = next.nodes.find((n) => n.type === 'Input')!;
    expect(input.params).toMatchObject({ dataKind: 'vector', shape: [13] });
    expect(applyDatasetShape(doc, [28, 28, 1])).toBe(doc);
  });

  it('validates the output against the inspected classes, per task', () => {
    const doc = { ...template('mlp-mnist'), dataset: { kind: 'folder' as const, path: '/pets' } };
    expect(taskFor(doc.dataset, EMPTY_DATASET)).toBeNull();
    const inspection = { kind: 'folder' as const, task: 'classification' as const, classNames: ['a', 'b', 'c'], counts: { train: [1, 1, 1], validation: [0, 0, 0], test: [0, 0, 0] }, sampleShape: [28, 28, 1], sourceSizes: [], thumbnails: [], skipped: [], health: [] };
    const state = { ...EMPTY_DATASET, key: datasetKey(doc.dataset), status: 'ready' as const, inspection };
    const task = taskFor(doc.dataset, state);
    expect(task).toEqual({ task: 'classification', outputs: 3 });
    expect(taskFor(doc.dataset, state)).toBe(task);
    expect(getValidation(doc, null).findings.some((f) => f.code === 'OUTPUT_UNITS')).toBe(false);
    expect(getValidation(doc, task).findings.find((f) => f.code === 'OUTPUT_UNITS')?.repair).toMatchObject({ kind: 'set-param', param: 'units', value: 3 });
    // A different folder makes the inspection stale.
    expect(taskFor({ kind: 'folder', path: '/other' }, state)).toBeNull();
  });
});
