/**
 * Project format migrations, in order: each names the version it reads (`from`) and returns
 * the document at `from + 1`.
 * Version 1 is the first released format, so the list starts empty; the runner is tested with
 * synthetic steps so the first real migration drops into a proven mechanism.
 */
export interface Migration {
  from: number;
  /** One line for logs and the "this project was upgraded" notice. */
  description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; applied: string[] }
  | { ok: false; error: string };

/** Runs every migration from `doc.version` up to `target`, in order; refuses gaps and newer files. */
export function migrateDocument(
  doc: Record<string, unknown>,
  target: number,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: `version: expected a whole number ≥ 1 but got ${JSON.stringify(version)}` };
  }
  if (version > target) {
    return {
      ok: false,
      error: `version: this project was saved by a newer Netwright (format version ${version}); this version reads up to ${target}. Update Netwright to open it.`,
    };
  }
  // A JSON copy: documents are plain JSON, and structuredClone is not in the pure-TS lib.
  let current = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  const applied: string[] = [];
  for (let v = version; v < target; v += 1) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, error: `version: no migration from format version ${v} to ${v + 1}` };
    current = { ...step.up(current), version: v + 1 };
    applied.push(step.description);
  }
  return { ok: true, doc: current, applied };
}
