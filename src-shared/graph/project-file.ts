/**
 * Reading and writing `.nwproj` text. A load either yields a complete, valid, current-version
 * document or one error that names the JSON path and what was expected: never a partial load.
 */
import type { z } from 'zod';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectDocument } from './document.js';
import { migrateDocument, MIGRATIONS, type Migration } from './migrations.js';
import { projectSchema } from './schema.js';
import { getSpec } from '../layers/catalog.js';
import { withDefaults } from '../layers/common.js';
import { findJsonErrorOffset } from '../util/json-error-offset.js';

export type LoadResult =
  | { ok: true; doc: ProjectDocument; migrated: string[] }
  | { ok: false; error: string };

export function parseProject(text: string, migrations: readonly Migration[] = MIGRATIONS): LoadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${describeJsonError(text, e)}` };
  }
  return loadProjectValue(raw, migrations);
}

/** Validates an already-parsed value (e.g. one that arrived over IPC). */
export function loadProjectValue(raw: unknown, migrations: readonly Migration[] = MIGRATIONS): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: `(root): expected a project object but got ${kindOf(raw)}` };
  }
  const obj = raw as Record<string, unknown>;
  if (obj.format !== PROJECT_FORMAT) {
    return { ok: false, error: `format: expected "${PROJECT_FORMAT}" but got ${JSON.stringify(obj.format) ?? 'nothing'}; this is not a Netwright project file` };
  }
  const migrated = migrateDocument(obj, PROJECT_VERSION, migrations);
  if (!migrated.ok) return migrated;
  const parsed = projectSchema.safeParse(migrated.doc);
  if (!parsed.success) return { ok: false, error: formatIssues(parsed.error.issues) };
  const doc = withParamDefaults(parsed.data as ProjectDocument);
  const dup = firstDuplicate('nodes', doc.nodes.map((n) => n.id)) ?? firstDuplicate('edges', doc.edges.map((e) => e.id));
  if (dup) return { ok: false, error: `${dup}: ids must be unique` };
  return { ok: true, doc, migrated: migrated.applied };
}

/**
 * Fills parameters a file does not mention with the catalog's defaults: a layer that gained a
 * parameter in a later release still opens, meaning what it meant when it was saved.
 */
function withParamDefaults(doc: ProjectDocument): ProjectDocument {
  const nodes = doc.nodes.map((n) => ({ ...n, params: withDefaults(getSpec(n.type).params, n.params) }));
  return { ...doc, nodes };
}

/** Stable, readable JSON (two-space indent, trailing newline) so projects diff well in git. */
export function serializeProject(doc: ProjectDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `nodes[3].params.units` from zod's path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(root)';
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return shown.join('; ') + more;
}

/** `nodes[4].id: "n2" repeats nodes[1].id`, or null. */
function firstDuplicate(list: string, ids: string[]): string | null {
  const seen = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    const first = seen.get(id);
    if (first !== undefined) return `${list}[${i}].id: "${id}" repeats ${list}[${first}].id`;
    seen.set(id, i);
  }
  return null;
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** JSON.parse does not always report where; people want a line and column. */
function describeJsonError(text: string, e: unknown): string {
  const message = (e instanceof Error ? e.message : String(e)).replace(/, (\.\.\.)?".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+.*$/s, '');
  const pos = findJsonErrorOffset(text);
  if (pos < 0) return message;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  return `${message} at line ${line}, column ${column}`;
}
