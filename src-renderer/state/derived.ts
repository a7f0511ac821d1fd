/**
 * Data derived from the document, computed once per document change and shared by every
 * component (not once per render or per component). Validation is also reused across edits
 * that only move nodes: positions change neither shapes nor findings, and a drag of a
 * 500-node graph must not re-run inference on every frame.
 */
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import type { Finding } from '../../src-shared/graph/findings.js';
import { summarizeModel, type ModelSummary } from '../../src-shared/graph/summary.js';
import { taskFromDataset, validateDocument, type TaskInfo, type Validation } from '../../src-shared/graph/validate.js';

/** Per task (the dataset's classes decide the output checks), the last document validated. */
const last = new Map<string, { doc: ProjectDocument; validation: Validation }>();
const byDoc = new WeakMap<ProjectDocument, Map<string, Validation>>();

const taskKey = (task: TaskInfo | null): string => (task ? `${task.task}:${task.outputs}` : 'none');

/** True when two documents differ at most in node positions (and the project name). */
function sameStructure(a: ProjectDocument, b: ProjectDocument): boolean {
  if (a.edges !== b.edges || a.dataset !== b.dataset || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x !== y && (x.id !== y.id || x.type !== y.type || x.name !== y.name || x.params !== y.params)) return false;
  }
  return true;
}

/**
 * `validateDocument` for this document, memoized. `task` is what the inspected dataset needs of
 * the output layer (datasets/useDatasetTask.ts); by default what the dataset implies by itself.
 */
export function getValidation(doc: ProjectDocument, task: TaskInfo | null = taskFromDataset(doc.dataset)): Validation {
  const key = taskKey(task);
  const perTask = byDoc.get(doc) ?? new Map<string, Validation>();
  const cached = perTask.get(key);
  if (cached) return cached;
  const prev = last.get(key);
  const validation = prev && sameStructure(prev.doc, doc) ? prev.validation : validateDocument(doc, task);
  perTask.set(key, validation);
  byDoc.set(doc, perTask);
  last.set(key, { doc, validation });
  return validation;
}

const summaries = new WeakMap<Validation, { name: string; importedFrom: unknown; summary: ModelSummary }>();

/** The Keras-style model summary (the numbers `netwright summary` prints), memoized. */
export function getSummary(doc: ProjectDocument): ModelSummary {
  const validation = getValidation(doc);
  const cached = summaries.get(validation);
  if (cached && cached.name === doc.name && cached.importedFrom === doc.importedFrom) return cached.summary;
  const summary = summarizeModel(doc, validation.analysis);
  summaries.set(validation, { name: doc.name, importedFrom: doc.importedFrom, summary });
  return summary;
}

const EMPTY: readonly Finding[] = [];
const byNode = new WeakMap<Validation, Map<string, Finding[]>>();

/** Findings grouped by the node they are about (errors first). */
export function getFindingsByNode(validation: Validation): ReadonlyMap<string, readonly Finding[]> {
  let map = byNode.get(validation);
  if (!map) {
    map = new Map();
    for (const f of validation.findings) {
      if (f.nodeId === undefined) continue;
      const list = map.get(f.nodeId) ?? [];
      list.push(f);
      map.set(f.nodeId, list);
    }
    for (const list of map.values()) list.sort((a, b) => rank(a) - rank(b));
    byNode.set(validation, map);
  }
  return map;
}

/** Findings of one node (a stable empty array when there are none). */
export function findingsOf(validation: Validation, nodeId: string): readonly Finding[] {
  return getFindingsByNode(validation).get(nodeId) ?? EMPTY;
}

function rank(f: Finding): number {
  return f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
}
