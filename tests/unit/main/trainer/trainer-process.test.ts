import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TrainerCommand, TrainerEvent } from '../../../../src-shared/training/protocol.js';
import { mnistMlp, SMALL_SPLIT, startCommand } from './trainer-fixtures.js';

const ENTRY = fileURLToPath(new URL('../../../../src-main/training/trainer/trainer-main.ts', import.meta.url));

/** Forks the real trainer; `onEvent` may answer with commands. Resolves with all events and the exit code. */
function runProcess(
  first: (send: (c: TrainerCommand | object) => void) => void,
  onEvent: (e: TrainerEvent, send: (c: TrainerCommand) => void) => void = () => {},
) {
  return new Promise<{ events: TrainerEvent[]; code: number | null }>((resolve, reject) => {
    const child: ChildProcess = fork(ENTRY, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const events: TrainerEvent[] = [];
    const send = (c: TrainerCommand | object) => child.send(c);
    child.on('message', (m) => {
      const e = m as TrainerEvent;
      events.push(e);
      if (e.type === 'ready') first(send);
      onEvent(e, send);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ events, code }));
  });
}

const types = (events: TrainerEvent[]) => [...new Set(events.map((e) => e.type))];

describe('the trainer process', () => {
  it('says ready, runs a start command to the end and exits 0', async () => {
    const cmd = startCommand(mnistMlp(8), { split: SMALL_SPLIT, batchEventsPerSecond: 2 });
    const { events, code } = await runProcess((send) => send(cmd));
    expect(code).toBe(0);
    expect(events[0]).toMatchObject({ type: 'ready', pid: expect.any(Number) });
    expect(types(events)).toEqual(['ready', 'data-progress', 'started', 'batch', 'epoch', 'finished']);
    expect(events.at(-1)).toMatchObject({ type: 'finished', runId: 'test-run', reason: 'completed' });
  });

  it('stops (and pauses) on messages that arrive while it trains', async () => {
    const cmd = startCommand(mnistMlp(8), { epochs: 20, split: SMALL_SPLIT, batchEventsPerSecond: 1000 });
    let step = 0;
    const { events, code } = await runProcess(
      (send) => send(cmd),
      (e, send) => {
        if (e.type === 'batch' && step === 0) {
          step = 1;
          send({ type: 'pause' });
        } else if (e.type === 'state' && e.state === 'paused') send({ type: 'resume' });
        else if (e.type === 'state' && e.state === 'running') send({ type: 'stop' });
      },
    );
    expect(code).toBe(0);
    expect(events.filter((e) => e.type === 'state').map((e) => (e as { state: string }).state)).toEqual(['paused', 'running', 'stopping']);
    expect(events.at(-1)).toMatchObject({ type: 'finished', reason: 'stopped' });
    // It stopped in the first epoch, long before 20 epochs.
    expect(events.filter((e) => e.type === 'epoch').length).toBeLessThanOrEqual(1);
  });

  it('answers a malformed start with BAD_COMMAND and exits', async () => {
    const { events, code } = await runProcess((send) => send({ type: 'start', runId: 'x', settings: { epochs: 0 } }));
    expect(code).toBe(0);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'BAD_COMMAND', message: expect.stringMatching(/^Bad command: /) });
  });

  it('speaks through process.parentPort when it runs as an Electron utilityProcess', async () => {
    const shim = fileURLToPath(new URL('./fixtures/parent-port-shim.ts', import.meta.url));
    const child = fork(ENTRY, [], { execArgv: ['--import', 'tsx', '--import', shim], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const messages: unknown[] = [];
    const code = await new Promise<number | null>((resolve) => {
      child.on('message', (m) => {
        messages.push(m);
        if ((m as { event?: { type?: string } }).event?.type === 'ready') child.send({ type: 'start' });
      });
      child.on('exit', resolve);
    });
    expect(code).toBe(0);
    expect(messages).toEqual([
      { viaParentPort: true, event: { type: 'ready', pid: child.pid } },
      { viaParentPort: true, event: expect.objectContaining({ type: 'error', code: 'BAD_COMMAND' }) },
    ]);
  });
});
