/**
 * The bridge from the host's `training:event` stream to the live run: events of the current run
 * are queued and applied once per animation frame (frame-batcher.ts); when the run ends it is
 * appended to `doc.runs` as a recorded edit, so it is saved with the project and can be undone.
 * Events that arrive before `training:start` has answered with the run's id are held and
 * replayed once the id is known.
 */
import type { Host } from '../../src-shared/ipc/host.js';
import type { TrainerEvent } from '../../src-shared/training/protocol.js';
import type { EditorStore } from '../state/store.js';
import { FINAL_STATUSES, type LiveRun, type TrainingStore } from '../state/training-store.js';
import { createFrameBatcher, frameOrTimeout, type FrameScheduler } from './frame-batcher.js';
import { reduceRun } from './run-reducer.js';
import { appendRun, toStoredRun } from './stored-run.js';

export interface SessionDeps {
  store: EditorStore;
  training: TrainingStore;
  host: Host;
  /** Tests pass a manual scheduler to count frames. */
  schedule?: FrameScheduler;
  now?: () => number;
}

/** At most this many early events are held for a run whose id is not known yet. */
const HOLD_LIMIT = 2000;

const ENDINGS: Record<string, string> = {
  completed: 'Training finished',
  'early-stopped': 'Training stopped early (no more improvement)',
  stopped: 'Training stopped',
  failed: 'Training failed',
};

/** Subscribes to the host; returns the unsubscribe function. */
export function startTrainingSession(deps: SessionDeps): () => void {
  const { store, training, host } = deps;
  const now = deps.now ?? (() => performance.now());
  let held: TrainerEvent[] = [];

  const batcher = createFrameBatcher<TrainerEvent>((events) => {
    const run = training.getState().run;
    if (!run) return;
    const next = reduceRun(run, events, now());
    if (next !== run) training.getState().setRun(next);
    if (FINAL_STATUSES.has(next.status) && !next.stored) persist(next);
  }, deps.schedule ?? frameOrTimeout);

  function persist(run: LiveRun): void {
    training.getState().setRun({ ...run, stored: true });
    const record = toStoredRun(run, new Date().toISOString());
    if (!record) return;
    const editor = store.getState();
    editor.apply(appendRun(editor.doc, record));
    const tone = run.status === 'failed' ? 'error' : run.status === 'completed' || run.status === 'early-stopped' ? 'success' : 'info';
    editor.notify(`${ENDINGS[run.status] ?? 'Training ended'}; the run is saved with the project (Results tab).`, tone);
  }

  const offEvents = host.on('training:event', (event) => {
    if (event.type === 'ready') return;
    const run = training.getState().run;
    if (!run) return;
    if (run.id === event.runId) batcher.push(event);
    else if (run.id === null && run.status === 'starting' && held.length < HOLD_LIMIT) held.push(event);
  });

  // When the start call answers with the id, the events that beat it are applied in order.
  const offStore = training.subscribe((s, prev) => {
    const id = s.run?.id ?? null;
    if (id === null || id === (prev.run?.id ?? null)) return;
    const mine = held.filter((e) => e.type !== 'ready' && e.runId === id);
    held = [];
    for (const e of mine) batcher.push(e);
  });

  return () => {
    offEvents();
    offStore();
    batcher.dispose();
  };
}
