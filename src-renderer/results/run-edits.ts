/**
 * Pure document edits on `doc.runs`, applied through `store.apply` like every other edit, so
 * deleting a run record is one undo step. The run's folder on disk is left alone: undo must be
 * able to bring the record back with its results.
 */
import type { ProjectDocument } from '../../src-shared/graph/document.js';

/** Removes the run record `id`; the same document when there is no such run. */
export function deleteRun(doc: ProjectDocument, id: string): ProjectDocument {
  const runs = doc.runs.filter((r) => r.id !== id);
  return runs.length === doc.runs.length ? doc : { ...doc, runs };
}
