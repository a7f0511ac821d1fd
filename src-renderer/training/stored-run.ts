/**
 * From the live run to what the document keeps (`StoredRun` in `doc.runs`): enough to list,
 * compare and re-open a run; weights and per-batch data stay in the run's folder.
 */
import type { ProjectDocument, RunRecord } from '../../src-shared/graph/document.js';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import { FINAL_STATUSES, type LiveRun } from '../state/training-store.js';

/** The record for a finished run; null while it runs, or when the host never gave it an id. */
export function toStoredRun(run: LiveRun, finishedAt: string): StoredRun | null {
  if (run.id === null || !FINAL_STATUSES.has(run.status)) return null;
  return {
    id: run.id,
    startedAt: run.startedAt,
    finishedAt,
    status: run.status as StoredRun['status'],
    runDir: run.runDir ?? '',
    settings: run.settings,
    ...(run.backend ? { backend: run.backend.backend } : {}),
    history: run.history,
    bestEpoch: run.bestEpoch,
    test: run.finished?.test ?? null,
    ...(run.dataset ? { classNames: run.dataset.classNames } : {}),
    ...(run.error ? { error: run.error.message } : {}),
  };
}

/** Adds (or replaces, by id) a run record: one recorded edit, saved with the project. */
export function appendRun(doc: ProjectDocument, run: StoredRun): ProjectDocument {
  const record: RunRecord = { ...run };
  return { ...doc, runs: [...doc.runs.filter((r) => r.id !== run.id), record] };
}
