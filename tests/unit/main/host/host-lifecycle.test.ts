/**
 * The host's process lifecycle against a stand-in trainer (real child processes, no tfjs):
 * watchdog, crashes, exit codes, out-of-memory, pause/stop, lingering processes.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../../../src-shared/training/protocol.js';
import { forkSpawner, TrainingHost, type StartCommand } from '../../../../src-main/training/host/index.js';

const fake = fileURLToPath(new URL('./fixtures/fake-trainer.ts', import.meta.url));
const host = new TrainingHost(forkSpawner({ entry: fake }));

function command(epochs = 2): StartCommand {
  return {
    type: 'start',
    runId: `run-${Math.random().toString(36).slice(2)}`,
    model: {
      class_name: 'Functional',
      config: { name: 'x', layers: [], input_layers: [], output_layers: [] },
      keras_version: 'x',
      backend: 'x',
    } as unknown as StartCommand['model'],
    data: { kind: 'mnist' },
    settings: { optimizer: 'adam', learningRate: 0.001, batchSize: 8, epochs, seed: 1 },
  };
}

async function collect(run: AsyncIterable<TrainerEvent>): Promise<TrainerEvent[]> {
  const events: TrainerEvent[] = [];
  for await (const e of run) events.push(e);
  return events;
}

describe('TrainingHost with a stand-in trainer', () => {
  it('sends start after ready and streams events to the final one', async () => {
    const run = host.startRun(command());
    const events = await collect(run);
    expect(events.map((e) => e.type)).toEqual([
      'started',
      ...Array(5).fill('batch'),
      'epoch',
      ...Array(5).fill('batch'),
      'epoch',
      'finished',
    ]);
    expect(await run.done).toMatchObject({ type: 'finished', reason: 'completed' });
    expect((await run.exited).code).toBe(0);
    expect(host.activeRuns).toHaveLength(0);
  });

  it('reports a trainer that never says ready, and kills it', async () => {
    const run = host.startRun(command(), { readyTimeoutMs: 1500, env: { FAKE_MODE: 'silent' } });
    const final = await run.done;
    expect(final).toMatchObject({ type: 'error', code: 'CRASHED' });
    expect(final.type === 'error' && final.message).toMatch(/did not report ready within 2 s/);
    expect((await run.exited).signal).toBe('SIGKILL');
  });

  it('turns an exit without finished into CRASHED with the exit code and stderr tail', async () => {
    const run = host.startRun(command(), { env: { FAKE_MODE: 'exit-after-started' } });
    const final = await run.done;
    expect(final).toMatchObject({ type: 'error', code: 'CRASHED' });
    expect(final.type === 'error' && final.message).toMatch(/exited with code 3 at the start of training/);
    expect(final.type === 'error' && final.message).toContain('giving up on purpose');
  });

  it('reports a heap overflow as OUT_OF_MEMORY', async () => {
    const run = host.startRun(command(), { env: { FAKE_MODE: 'oom' }, maxOldSpaceMb: 64 });
    const final = await run.done;
    expect(final).toMatchObject({ type: 'error', code: 'OUT_OF_MEMORY' });
    expect(final.type === 'error' && final.message).toMatch(/ran out of memory \(JavaScript heap limit 64 MB\)/);
  });

  it('reports SIGKILL from outside with the signal and the epoch, then runs again in a new process', async () => {
    const run = host.startRun(command(3));
    let killedPid: number | undefined;
    run.subscribe((e) => {
      if (e.type === 'batch' && e.epoch === 2 && e.batch === 2) process.kill((killedPid = run.pid!), 'SIGKILL');
    });
    const final = await run.done;
    expect(final).toMatchObject({ type: 'error', code: 'CRASHED', epoch: 2 });
    expect(final.type === 'error' && final.message).toMatch(/^The trainer process was killed \(SIGKILL\) during epoch 2\/3/);
    const again = host.startRun(command(1));
    expect(await again.done).toMatchObject({ type: 'finished', reason: 'completed' });
    expect(again.pid).not.toBe(killedPid);
  });

  it('pauses (no batches while paused), resumes, and stops with reason stopped', async () => {
    const run = host.startRun(command(50));
    const seen: TrainerEvent[] = [];
    run.subscribe((e) => seen.push(e));
    await until(() => seen.some((e) => e.type === 'batch'));
    run.pause();
    await until(() => seen.some((e) => e.type === 'state' && e.state === 'paused'));
    const atPause = seen.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(seen.length).toBe(atPause);
    expect(run.state).toBe('paused');
    run.resume();
    await until(() => seen.slice(atPause).some((e) => e.type === 'batch'));
    run.stop();
    expect(await run.done).toMatchObject({ type: 'finished', reason: 'stopped' });
  });

  it('kill() ends the run at once with an error, and a lingering trainer is killed after the grace period', async () => {
    const run = host.startRun(command(50));
    await until(() => run.state === 'running');
    run.kill();
    expect(await run.done).toMatchObject({ type: 'error', code: 'CRASHED' });
    const lingering = host.startRun(command(1), { env: { FAKE_MODE: 'linger' }, exitGraceMs: 200 });
    expect(await lingering.done).toMatchObject({ type: 'finished' });
    expect((await lingering.exited).signal).toBe('SIGKILL');
  });

  it('stop() before ready ends the run cleanly without training', async () => {
    const run = host.startRun(command(), { env: { FAKE_MODE: 'silent' } });
    run.stop();
    expect(await run.done).toMatchObject({ type: 'finished', reason: 'stopped', history: [] });
  });
});

async function until(test: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
