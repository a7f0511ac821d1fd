/**
 * The host with the real trainer: real child processes, real tfjs, the built-in MNIST digits.
 * The MLP template trains an epoch of 8,000 digits in about a second on wasm, so runs stay short.
 */
import { describe, expect, it } from 'vitest';
import { compileToKeras } from '../../../../src-shared/compile/to-keras.js';
import { buildDocument } from '../../../../src-shared/graph/build.js';
import type { KerasModelJson } from '../../../../src-shared/compile/keras-json.js';
import type { TrainerEvent, TrainSettings } from '../../../../src-shared/training/protocol.js';
import { loadModelFile } from '../../../../src-main/projects/load-model-file.js';
import { TrainingHost, type StartCommand } from '../../../../src-main/training/host/index.js';

const host = new TrainingHost();

async function compiled(template: string): Promise<KerasModelJson> {
  const result = compileToKeras((await loadModelFile(template)).doc);
  if (!result.ok) throw new Error('template does not compile');
  return result.model;
}

function command(model: KerasModelJson, settings: Partial<TrainSettings> = {}): StartCommand {
  return {
    type: 'start',
    runId: `test-${Math.random().toString(36).slice(2)}`,
    model,
    data: { kind: 'mnist' },
    settings: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 2, seed: 7, ...settings },
  };
}

async function until(test: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('TrainingHost with the real trainer', () => {
  it('streams started, batch, epoch and finished events for the MLP on MNIST', async () => {
    const run = host.startRun(command(await compiled('mlp-mnist')));
    const events: TrainerEvent[] = [];
    for await (const e of run) events.push(e);
    const types = events.map((e) => e.type);
    expect(types.at(-1)).toBe('finished');
    const startedAt = types.indexOf('started');
    expect(startedAt).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('batch')).toBeGreaterThan(startedAt);
    expect(types.filter((t) => t === 'epoch')).toHaveLength(2);
    const started = events[startedAt] as Extract<TrainerEvent, { type: 'started' }>;
    expect(started.dataset.counts).toEqual({ train: 8000, validation: 1000, test: 1000 });
    expect(started.batchesPerEpoch).toBe(125);
    const finished = (await run.done) as Extract<TrainerEvent, { type: 'finished' }>;
    expect(finished.reason).toBe('completed');
    expect(finished.history).toHaveLength(2);
    expect(finished.history[1]!.accuracy).toBeGreaterThan(0.85);
    expect((await run.exited).code).toBe(0);
  });

  it('reports a trainer killed with SIGKILL mid-run as CRASHED, then trains again in a fresh process', async () => {
    const model = await compiled('mlp-mnist');
    const run = host.startRun(command(model, { epochs: 20 }));
    let killedPid: number | undefined;
    run.subscribe((e) => {
      if (e.type === 'batch' && e.epoch === 2 && killedPid === undefined) process.kill((killedPid = run.pid!), 'SIGKILL');
    });
    const final = await run.done;
    expect(final).toMatchObject({ type: 'error', code: 'CRASHED', epoch: 2 });
    expect(final.type === 'error' && final.message).toMatch(/^The trainer process was killed \(SIGKILL\) during epoch 2\/20/);

    const again = host.startRun(command(model, { epochs: 1 }));
    expect(await again.done).toMatchObject({ type: 'finished', reason: 'completed' });
    expect(again.pid).not.toBe(killedPid);
  });

  it('reports running out of memory with a clear message', async () => {
    // A 4096-wide MLP under a small heap cap: it cannot even get through loading.
    const doc = buildDocument('big', [
      { type: 'Input', name: 'digits', params: { dataKind: 'image', shape: [28, 28, 1] } },
      { type: 'Flatten', name: 'flatten' },
      { type: 'Dense', name: 'wide1', params: { units: 4096, activation: 'relu' } },
      { type: 'Dense', name: 'wide2', params: { units: 4096, activation: 'relu' } },
      { type: 'Dense', name: 'output', params: { units: 10, activation: 'softmax' } },
    ]);
    const result = compileToKeras(doc);
    if (!result.ok) throw new Error('does not compile');
    const run = host.startRun(command(result.model, { batchSize: 512 }), { maxOldSpaceMb: 96 });
    const final = await run.done;
    expect(final.type).toBe('error');
    if (final.type !== 'error') return;
    expect(['OUT_OF_MEMORY', 'CRASHED']).toContain(final.code);
    expect(final.message).toMatch(/out of memory/i);
  });

  it('pauses (no batch events while paused), resumes, and stops with reason stopped', async () => {
    const run = host.startRun(command(await compiled('mlp-mnist'), { epochs: 30 }));
    const seen: TrainerEvent[] = [];
    run.subscribe((e) => seen.push(e));
    await until(() => seen.some((e) => e.type === 'batch'));
    run.pause();
    await until(() => seen.some((e) => e.type === 'state' && e.state === 'paused'));
    await new Promise((r) => setTimeout(r, 200)); // a batch already in flight may still report
    const atPause = seen.length;
    await new Promise((r) => setTimeout(r, 1000));
    expect(seen.slice(atPause).filter((e) => e.type === 'batch')).toEqual([]);
    run.resume();
    await until(() => seen.slice(atPause).some((e) => e.type === 'batch'));
    run.stop();
    const final = await run.done;
    expect(final).toMatchObject({ type: 'finished', reason: 'stopped' });
    expect(final.type === 'finished' && final.history.length).toBeLessThan(30);
  });
});
