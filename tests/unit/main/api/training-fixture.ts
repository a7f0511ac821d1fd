/** Helpers for API tests that train: templates as request documents, and waiting on emitted events. */
import type { TrainerEvent } from '../../../../src-shared/training/protocol.js';
import type { ApiFixture } from './api-fixture.js';

/** Resolves once `test` holds (polling every 10 ms), or fails after `timeoutMs`. */
export async function until(test: () => boolean, timeoutMs = 90_000, what = 'a condition'): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The training events of one run that reached the emit sink so far. */
export function runEvents(f: ApiFixture, runId: string): TrainerEvent[] {
  return f.events.flatMap((e) => (e.event === 'training:event' && 'runId' in e.payload && e.payload.runId === runId ? [e.payload] : []));
}

/** Waits for the run's final event and returns it. */
export async function finalEvent(f: ApiFixture, runId: string): Promise<Extract<TrainerEvent, { type: 'finished' | 'error' }>> {
  const isFinal = (e: TrainerEvent): e is Extract<TrainerEvent, { type: 'finished' | 'error' }> => e.type === 'finished' || e.type === 'error';
  await until(() => runEvents(f, runId).some(isFinal), 120_000, `the end of run ${runId}`);
  return runEvents(f, runId).find(isFinal)!;
}
