/** `maxBatches`: the trial run behind the app's time estimate. */
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../../src-main/training/trainer/validate-command.js';
import { runTraining } from '../../../../src-main/training/trainer/index.js';
import { eventLog, mnistMlp, startCommand } from './trainer-fixtures.js';

describe('a trial run (maxBatches)', () => {
  it('trains exactly that many batches, reports each, and ends as a stopped run with nothing evaluated', async () => {
    const log = eventLog();
    const { final } = await runTraining(startCommand(mnistMlp(8), { epochs: 5, maxBatches: 4, batchEventsPerSecond: 10_000 }), log.emit);
    expect(final).toMatchObject({ type: 'finished', reason: 'stopped', test: null, history: [] });
    expect(log.of('batch').map((b) => b.batch)).toEqual([1, 2, 3, 4]);
    expect(log.of('epoch')).toEqual([]);
  });

  it('sends the last trial batch even when the throttle would skip it', async () => {
    const log = eventLog();
    await runTraining(startCommand(mnistMlp(8), { maxBatches: 7, batchEventsPerSecond: 0.01 }), log.emit);
    // The first batch always goes out; the throttle then holds everything until the trial's last.
    expect(log.of('batch').map((b) => b.batch)).toEqual([1, 7]);
  });

  it('is part of the command the trainer accepts', () => {
    expect(parseCommand(startCommand(mnistMlp(8), { maxBatches: 3 }))).toMatchObject({ ok: true, command: { settings: { maxBatches: 3 } } });
    expect(parseCommand(startCommand(mnistMlp(8), { maxBatches: 0 }))).toMatchObject({ ok: false });
  });
});
