/**
 * Pure edits of the document's training settings (`doc.training`) and data split. A key set to
 * `undefined` is removed, so turning an option off leaves no stale value in the project file.
 * An edit that changes nothing returns the same document (no undo step).
 */
import type { ProjectDocument, TrainingSettings } from '../../src-shared/graph/document.js';

export type TrainingPatch = { [K in keyof TrainingSettings]?: TrainingSettings[K] | undefined };

export function patchTraining(doc: ProjectDocument, patch: TrainingPatch): ProjectDocument {
  const next: TrainingSettings = { ...doc.training };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    const before = (doc.training as Record<string, unknown>)[key];
    if (value === undefined) {
      if (key in next) {
        delete (next as Record<string, unknown>)[key];
        changed = true;
      }
    } else if (JSON.stringify(before) !== JSON.stringify(value)) {
      (next as Record<string, unknown>)[key] = value;
      changed = true;
    }
  }
  return changed ? { ...doc, training: next } : doc;
}
