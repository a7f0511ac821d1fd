import * as tf from '@tensorflow/tfjs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../../../src-shared/training/protocol.js';
import { loadSavedModel, readRunSummary, runTraining, TrainingControl } from '../../../../src-main/training/trainer/index.js';
import { eventLog, mnistMlp, SMALL_SPLIT, startCommand, tempDir } from './trainer-fixtures.js';

/** No throttling: at 1,000/s two sub-millisecond batches could drop the event a test reacts to. */
const EVERY_BATCH = 1e9;

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.cleanup();
});

describe('pause, resume and stop', () => {
  it('pauses within a batch and resumes where it left off', async () => {
    const control = new TrainingControl();
    const events: TrainerEvent[] = [];
    let pausedAt = 0;
    const emit = (e: TrainerEvent) => {
      events.push(e);
      if (e.type === 'batch' && e.batch >= 3 && pausedAt === 0) {
        pausedAt = performance.now();
        control.pause();
        setTimeout(() => control.resume(), 300);
      }
    };
    const { final } = await runTraining(startCommand(mnistMlp(8), { split: SMALL_SPLIT, batchEventsPerSecond: EVERY_BATCH }), emit, control);
    expect(final).toMatchObject({ type: 'finished', reason: 'completed' });
    const states = events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state);
    expect(states).toEqual(['paused', 'running']);
    // Nothing trained while paused: the event right after 'paused' is 'running', then batch n + 1.
    const i = events.findIndex((e) => e.type === 'state' && e.state === 'paused');
    const pausedBatch = (events[i - 1] as { batch: number }).batch;
    expect(events[i + 1]).toMatchObject({ type: 'state', state: 'running' });
    expect(events[i + 2]).toMatchObject({ type: 'batch', batch: pausedBatch + 1 });
    expect(control.pausedMs).toBeGreaterThanOrEqual(250);
    // The pause is not counted as training time.
    const epoch = events.find((e) => e.type === 'epoch') as Extract<TrainerEvent, { type: 'epoch' }>;
    expect(epoch.elapsedSeconds).toBeLessThan((performance.now() - pausedAt) / 1000);
  });

  it('a stop mid-epoch ends the run as "stopped", keeping (and saving) the best epoch', async () => {
    const outDir = path.join(tmp.dir, 'stopped');
    const control = new TrainingControl();
    const log = eventLog();
    const emit = (e: TrainerEvent) => {
      log.emit(e);
      if (e.type === 'batch' && e.epoch === 3 && e.batch === 2) control.stop();
    };
    const cmd = startCommand(mnistMlp(16), { epochs: 5, split: SMALL_SPLIT, batchEventsPerSecond: EVERY_BATCH }, { kind: 'mnist' }, { outDir });
    const { final } = await runTraining(cmd, emit, control);
    expect(final).toMatchObject({ type: 'finished', reason: 'stopped', test: null, outDir });
    if (final.type !== 'finished') throw new Error('not finished');
    expect(final.history.map((h) => h.epoch)).toEqual([1, 2]);
    expect(final.bestEpoch).toBe(2);
    expect(
      log
        .of('batch')
        .filter((b) => b.epoch === 3)
        .map((b) => b.batch),
    ).toEqual([1, 2]);
    expect(log.of('state').map((s) => s.state)).toEqual(['stopping']);
    expect(log.of('log').at(-1)!.message).toMatch(/weights of epoch 2/);

    // The saved model is the best epoch's, identical to best/.
    expect(existsSync(path.join(outDir, 'best', 'model.json'))).toBe(true);
    const summary = await readRunSummary(outDir);
    expect(summary).toMatchObject({ reason: 'stopped', bestEpoch: 2, savedWeights: 'best', epochsRun: 2 });
    const [saved, best] = await Promise.all([loadSavedModel(outDir), loadSavedModel(path.join(outDir, 'best'))]);
    const same = saved.getWeights().every((w, i) => tf.equal(w, best.getWeights()[i]!).all().dataSync()[0] === 1);
    expect(same).toBe(true);
    saved.dispose();
    best.dispose();
  });

  it('a stop while paused ends the run too', async () => {
    const control = new TrainingControl();
    const emit = (e: TrainerEvent) => {
      if (e.type === 'batch' && e.batch === 1) {
        control.pause();
        setTimeout(() => control.stop(), 50);
      }
    };
    const { final } = await runTraining(startCommand(mnistMlp(8), { split: SMALL_SPLIT, batchEventsPerSecond: EVERY_BATCH }), emit, control);
    expect(final).toMatchObject({ type: 'finished', reason: 'stopped', history: [], bestEpoch: null });
  });
});

describe('early stopping', () => {
  it('stops after `patience` epochs without improvement and restores the best weights', async () => {
    const log = eventLog();
    // minDelta 10 makes every epoch after the first "no improvement", so the stop epoch is known.
    const earlyStopping = { patience: 2, minDelta: 10, restoreBest: true };
    const { final } = await runTraining(startCommand(mnistMlp(8), { epochs: 10, split: SMALL_SPLIT, earlyStopping }), log.emit);
    expect(final).toMatchObject({ type: 'finished', reason: 'early-stopped', bestEpoch: 1 });
    expect(log.of('epoch').map((e) => e.isBest)).toEqual([true, false, false]);
    expect(log.of('log').map((l) => l.message)).toEqual([expect.stringMatching(/weights of epoch 1 \(the best validation loss\)/)]);
    // The test score is of epoch 1's weights: its loss is close to epoch 1's validation loss, not epoch 3's.
    if (final.type !== 'finished') throw new Error('not finished');
    const [e1, , e3] = final.history;
    expect(Math.abs(final.test!.loss - e1!.valLoss!)).toBeLessThan(Math.abs(final.test!.loss - e3!.valLoss!));
  });

  it('without restoreBest keeps the last weights', async () => {
    const log = eventLog();
    const { final } = await runTraining(
      startCommand(mnistMlp(8), { epochs: 10, split: SMALL_SPLIT, earlyStopping: { patience: 1, minDelta: 10 } }),
      log.emit,
    );
    expect(final).toMatchObject({ type: 'finished', reason: 'early-stopped', bestEpoch: 1 });
    expect(log.of('epoch')).toHaveLength(2);
    expect(log.of('log')).toHaveLength(0);
  });
});
