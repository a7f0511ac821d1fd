/** The per-frame batching of trainer events, and the session that feeds it: many events, one update per frame. */
import { describe, expect, it } from 'vitest';
import { createFrameBatcher, type FrameScheduler } from '../../../src-renderer/training/frame-batcher.js';
import { startTrainingSession } from '../../../src-renderer/training/session.js';
import { createLiveRun } from '../../../src-renderer/training/run-reducer.js';
import { createMemoryHost } from '../../../src-renderer/host/memory-host.js';
import { createEditorStore } from '../../../src-renderer/state/store.js';
import { createTrainingStore } from '../../../src-renderer/state/training-store.js';
import { createEmptyDocument } from '../../../src-shared/graph/document.js';
import type { TrainerEvent, TrainSettings } from '../../../src-shared/training/protocol.js';

/** A scheduler whose frames run only when the test says so. */
function manualFrames(): { schedule: FrameScheduler; frame(): void; scheduled(): number } {
  let queue: (() => void)[] = [];
  let count = 0;
  return {
    schedule: (cb) => {
      count += 1;
      queue.push(cb);
      return () => (queue = queue.filter((q) => q !== cb));
    },
    frame() {
      const due = queue;
      queue = [];
      for (const cb of due) cb();
    },
    scheduled: () => count,
  };
}

const settings: TrainSettings = { optimizer: 'adam', learningRate: 0.001, batchSize: 32, epochs: 2, seed: 1 };
const batch = (runId: string, i: number): TrainerEvent => ({
  type: 'batch',
  runId,
  epoch: 1,
  batch: i + 1,
  batchesPerEpoch: 1000,
  loss: 2 - i / 1000,
  accuracy: 0.1 + i / 2000,
  samplesPerSecond: 5000,
});

describe('frame batcher', () => {
  it('delivers everything pushed before a frame in one call, and schedules one frame per burst', () => {
    const frames = manualFrames();
    const delivered: number[][] = [];
    const b = createFrameBatcher<number>((items) => delivered.push(items), frames.schedule);
    for (let i = 0; i < 500; i++) b.push(i);
    expect(delivered).toEqual([]);
    expect(frames.scheduled()).toBe(1);
    frames.frame();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toHaveLength(500);
    b.push(1);
    b.flushNow();
    expect(delivered).toHaveLength(2);
    frames.frame();
    expect(delivered).toHaveLength(2);
    b.push(2);
    b.dispose();
    frames.frame();
    expect(delivered).toHaveLength(2);
  });
});

describe('training session', () => {
  function setup() {
    const frames = manualFrames();
    const host = createMemoryHost({ training: { autoplay: false } });
    const store = createEditorStore({ doc: createEmptyDocument() });
    const training = createTrainingStore();
    const stop = startTrainingSession({ store, training, host, schedule: frames.schedule, now: () => 0 });
    let updates = 0;
    training.subscribe(() => (updates += 1));
    return { frames, host, store, training, stop, updates: () => updates };
  }

  it('applies 600 streamed events in one store update per frame', () => {
    const { frames, host, training, updates, stop } = setup();
    training.getState().setRun({ ...createLiveRun(settings, '2025-01-01T00:00:00.000Z'), id: 'r1', status: 'running' });
    const before = updates();
    for (let i = 0; i < 600; i++) host.emit('training:event', batch('r1', i));
    expect(updates()).toBe(before);
    frames.frame();
    expect(updates()).toBe(before + 1);
    const run = training.getState().run!;
    expect(run.batchCount).toBe(600);
    expect(run.progress.batch).toBe(600);
    // Another run's events are not this run's.
    host.emit('training:event', batch('other', 0));
    frames.frame();
    expect(training.getState().run!.batchCount).toBe(600);
    stop();
  });

  it('holds events that arrive before the run id is known, then replays them in order', () => {
    const { frames, host, training, stop } = setup();
    training.getState().setRun(createLiveRun(settings, '2025-01-01T00:00:00.000Z'));
    host.emit('training:event', batch('r2', 0));
    host.emit('training:event', batch('r2', 1));
    frames.frame();
    expect(training.getState().run!.batchCount).toBe(0);
    training.getState().setRun({ ...training.getState().run!, id: 'r2' });
    frames.frame();
    expect(training.getState().run!.batches.map((b) => b.loss)).toEqual([2, 2 - 1 / 1000]);
    stop();
  });

  it('appends the finished run to doc.runs once, as an undoable edit', () => {
    const { frames, host, store, training, stop } = setup();
    training.getState().setRun({ ...createLiveRun(settings, '2025-01-01T00:00:00.000Z'), id: 'r3', runDir: '/runs/r3', status: 'running' });
    const metrics = { epoch: 1, loss: 0.5, valLoss: 0.6, accuracy: 0.8, valAccuracy: 0.78, mae: null, valMae: null, learningRate: 0.001 };
    host.emit('training:event', { type: 'epoch', runId: 'r3', epochs: 2, metrics, samplesPerSecond: 100, elapsedSeconds: 3, etaSeconds: 3, numTensors: 20, memoryBytes: 1024, isBest: true });
    host.emit('training:event', { type: 'finished', runId: 'r3', reason: 'stopped', history: [metrics], bestEpoch: 1, test: null, seconds: 4, outDir: '/runs/r3' });
    frames.frame();
    frames.frame();
    const runs = store.getState().doc.runs;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: 'r3', status: 'stopped', runDir: '/runs/r3', bestEpoch: 1, history: [metrics] });
    expect(training.getState().run!.stored).toBe(true);
    store.getState().undo();
    expect(store.getState().doc.runs).toHaveLength(0);
    stop();
  });
});
