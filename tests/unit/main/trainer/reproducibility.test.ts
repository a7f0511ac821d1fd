import { describe, expect, it } from 'vitest';
import type { BackendName, EpochMetrics } from '../../../../src-shared/training/protocol.js';
import { runTraining } from '../../../../src-main/training/trainer/index.js';
import { eventLog, mnistMlp, SMALL_SPLIT, startCommand } from './trainer-fixtures.js';

/** Loss history and every batch loss of a 2-epoch run with Dropout (so dropout masks count too). */
async function run(seed: number, backend: BackendName): Promise<{ history: EpochMetrics[]; batchLosses: number[] }> {
  const log = eventLog();
  const { final } = await runTraining(
    startCommand(mnistMlp(16, 0.3), { seed, backend, epochs: 2, split: SMALL_SPLIT, batchEventsPerSecond: 1e9 }),
    log.emit,
  );
  if (final.type !== 'finished') throw new Error(JSON.stringify(final));
  return { history: final.history, batchLosses: log.of('batch').map((b) => b.loss) };
}

describe('seeded reproducibility', () => {
  it.each(['wasm', 'cpu'] as const)('%s: the same seed gives the identical loss curve; another seed a different one', async (backend) => {
    const a = await run(11, backend);
    const b = await run(11, backend);
    const c = await run(12, backend);
    expect(b.history).toEqual(a.history);
    expect(b.batchLosses).toEqual(a.batchLosses);
    expect(c.history[0]!.loss).not.toBe(a.history[0]!.loss);
    expect(c.batchLosses).not.toEqual(a.batchLosses);
  });
});
