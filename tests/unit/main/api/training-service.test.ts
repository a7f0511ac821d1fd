/**
 * training:* with real trainer processes on the built-in MNIST digits (the MLP template trains an
 * epoch in about a second): events through the emit sink, one run at a time, pause/resume/stop,
 * a killed trainer, and the time estimate.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrainingHost } from '../../../../src-main/training/host/index.js';
import { errorOf, makeApiFixture, readTemplate, valueOf } from './api-fixture.js';
import { finalEvent, runEvents, until } from './training-fixture.js';

describe('training:start', () => {
  it('trains a saved project into <name>.runs/<runId>/, streaming every event through the emit sink', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    const file = path.join(f.root, 'digits.nwproj');
    valueOf(await f.call('project:save', { path: file, doc }));
    const started = valueOf(await f.call('training:start', { doc, projectPath: file, settings: { epochs: 1, batchSize: 128 } }));
    expect(started.runDir).toBe(path.join(f.root, 'digits.runs', started.runId));
    expect(started.settings).toMatchObject({ optimizer: 'adam', learningRate: 0.003, batchSize: 128, epochs: 1, seed: 42, split: { validation: 0.1, test: 0.1 } });
    const final = await finalEvent(f, started.runId);
    expect(final).toMatchObject({ type: 'finished', reason: 'completed', outDir: started.runDir });
    const types = runEvents(f, started.runId).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['data-progress', 'started', 'batch', 'epoch', 'finished']));
    expect(types.indexOf('started')).toBeLessThan(types.indexOf('batch'));
    expect((await readdir(started.runDir)).sort()).toEqual(expect.arrayContaining(['model.json', 'weights.bin', 'run-summary.json', 'history.json']));
  });

  it('allows one run at a time (BUSY), pauses, resumes and stops it, then starts again', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    const run = valueOf(await f.call('training:start', { doc, projectPath: null, settings: { epochs: 30 } }));
    expect(run.runDir).toBe(path.join(f.userData, 'runs', run.runId));
    await until(() => runEvents(f, run.runId).some((e) => e.type === 'batch'), 90_000, 'the first batch');

    const second = errorOf(await f.call('training:start', { doc, projectPath: null }));
    expect(second.code).toBe('BUSY');
    expect(second.message).toMatch(new RegExp(`Run ${run.runId} is still training \\(epoch \\d+/30\\)`));
    // Measuring speed now would slow the run and time the wrong thing.
    expect(errorOf(await f.call('training:estimate', { doc, projectPath: null })).code).toBe('BUSY');

    valueOf(await f.call('training:control', { runId: run.runId, command: 'pause' }));
    await until(() => runEvents(f, run.runId).some((e) => e.type === 'state' && e.state === 'paused'), 30_000, 'paused');
    const batchesAt = runEvents(f, run.runId).filter((e) => e.type === 'batch').length;
    await new Promise((r) => setTimeout(r, 400));
    expect(runEvents(f, run.runId).filter((e) => e.type === 'batch').length).toBeLessThanOrEqual(batchesAt + 1);
    valueOf(await f.call('training:control', { runId: run.runId, command: 'resume' }));
    await until(() => runEvents(f, run.runId).some((e) => e.type === 'state' && e.state === 'running'), 30_000, 'running');
    valueOf(await f.call('training:control', { runId: run.runId, command: 'stop' }));
    expect(await finalEvent(f, run.runId)).toMatchObject({ type: 'finished', reason: 'stopped' });
    expect(errorOf(await f.call('training:control', { runId: run.runId, command: 'pause' })).code).toBe('NOT_FOUND');
    expect((await stat(path.join(run.runDir, 'model.json'))).isFile()).toBe(true);

    const next = valueOf(await f.call('training:start', { doc, projectPath: null, settings: { epochs: 1 } }));
    valueOf(await f.call('training:control', { runId: next.runId, command: 'stop' }));
    expect((await finalEvent(f, next.runId)).type).toBe('finished');
  });

  it('turns a killed trainer into an error event and trains the next run in a fresh process', async () => {
    const host = new TrainingHost();
    const f = await makeApiFixture({ trainingHost: host });
    const doc = await readTemplate('mlp-mnist');
    const run = valueOf(await f.call('training:start', { doc, projectPath: null, settings: { epochs: 20 } }));
    await until(() => runEvents(f, run.runId).some((e) => e.type === 'batch'), 90_000, 'the first batch');
    const pid = host.activeRuns[0]!.pid!;
    process.kill(pid, 'SIGKILL');
    const final = await finalEvent(f, run.runId);
    expect(final).toMatchObject({ type: 'error', code: 'CRASHED' });
    expect(final.type === 'error' && final.message).toMatch(/killed \(SIGKILL\)/);

    const again = valueOf(await f.call('training:start', { doc, projectPath: null, settings: { epochs: 1 } }));
    expect(await finalEvent(f, again.runId)).toMatchObject({ type: 'finished', reason: 'completed' });
    expect(host.activeRuns).toHaveLength(0);
  });

  it('reports what stops a project from training before any process starts', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    const wrongOutput = structuredClone(doc);
    wrongOutput.nodes[3]!.params.units = 5;
    const invalid = errorOf(await f.call('training:start', { doc: wrongOutput, projectPath: null }));
    expect(invalid.code).toBe('INVALID_PROJECT');
    expect(invalid.message).toMatch(/cannot be trained yet \(1 problem\):\n• Dense "\w+" outputs 5 values but the dataset has 10 classes/);
    expect(errorOf(await f.call('training:start', { doc: { ...doc, nodes: 'x' }, projectPath: null })).code).toBe('INVALID_PROJECT');
    expect(errorOf(await f.call('training:start', { doc: { ...doc, dataset: null }, projectPath: null })).message).toMatch(/no dataset/);
    const badSettings = errorOf(await f.call('training:start', { doc, projectPath: null, settings: { batchSize: 0 } }));
    expect(badSettings).toMatchObject({ code: 'BAD_REQUEST', message: 'training settings: batchSize: Too small: expected number to be >=1' });
    const outside = errorOf(await f.call('training:start', { doc: { ...doc, dataset: { kind: 'folder', path: f.outside } }, projectPath: null }));
    expect(outside.code).toBe('FORBIDDEN');
    expect(f.events).toEqual([]);
  });
});

describe('training:estimate', () => {
  it('counts parameters and memory, and times real batches in a trainer process', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    const estimate = valueOf(await f.call('training:estimate', { doc, projectPath: null }));
    const params = 784 * 128 + 128 + 128 * 10 + 10;
    expect(estimate).toMatchObject({ params, batchesPerEpoch: 125, samplesPerEpoch: 8000 });
    expect(estimate.macsPerSample).toBe(784 * 128 + 128 * 10);
    // Adam keeps two moments beside the weights; activations are per sample × batch 64.
    expect(estimate.memoryBytes).toBeGreaterThan(params * 4 * 3);
    expect(estimate.memoryBytes).toBeLessThan(params * 4 * 3 + 64 * 4 * 10_000);
    expect(estimate.secondsPerEpoch).toBeGreaterThan(0);
    expect(estimate.secondsPerEpoch).toBeLessThan(60);
    expect(['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu']).toContain(estimate.backend);
    // The trial's events are its own: nothing reaches the renderer's training stream.
    expect(f.events.filter((e) => e.event === 'training:event')).toEqual([]);
    // Same model, data and batch: measured once. A longer run only scales.
    const again = valueOf(await f.call('training:estimate', { doc, projectPath: null, settings: { epochs: 9 } }));
    expect(again.secondsPerEpoch).toBe(estimate.secondsPerEpoch);
  });
});
