/**
 * Where a run's files go and which folders a request may name. Dataset paths are relative to the
 * project file (as the CLI reads them); run folders live beside the project
 * (`<name>.runs/<runId>/`), or in the user-data folder while the project is untitled. That
 * user-data runs folder belongs to the app, so browser mode may read it without an `--allow`.
 */
import { randomBytes } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from '../../src-shared/training/protocol.js';
import { ApiFailure } from './api-failure.js';
import { isInside, type PathPolicy } from './path-policy.js';

/** The app-owned folder of untitled projects' runs. */
export function untitledRunsDir(userDataDir: string): string {
  return path.join(userDataDir, 'runs');
}

/** `2025-01-31-142530-3fa9`: sortable by start time, unique even for two starts in one second. */
export function newRunId(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

/** `<project folder>/<project name>.runs/<runId>` for a saved project, else `<userData>/runs/<runId>`. */
export function runDirFor(projectFile: string | null, userDataDir: string, runId: string): string {
  if (projectFile === null) return path.join(untitledRunsDir(userDataDir), runId);
  const base = path.basename(projectFile).replace(/\.[^.]+$/, '');
  return path.join(path.dirname(projectFile), `${base}.runs`, runId);
}

/**
 * A request's data source with its path made absolute (relative to the project's folder when a
 * project is given), confined by the policy, and checked to be a folder / file as its kind needs.
 */
export async function resolveRequestSource(paths: PathPolicy, source: DataSource, projectPath: string | null | undefined): Promise<DataSource> {
  if (source.kind === 'mnist') return { kind: 'mnist' };
  const requested = projectPath && !path.isAbsolute(source.path) ? path.join(path.dirname(projectPath), source.path) : source.path;
  const resolved = await paths.resolve(requested, 'existing');
  const info = await stat(resolved);
  if (source.kind === 'folder' && !info.isDirectory())
    throw new ApiFailure('BAD_REQUEST', `${source.path} is not a folder (an image dataset is a folder with one sub-folder per class)`);
  if (source.kind === 'csv' && !info.isFile()) throw new ApiFailure('BAD_REQUEST', `${source.path} is not a file (expected a .csv file)`);
  return { ...source, path: resolved };
}

/**
 * The real path of a run folder a request names: inside the policy's roots, or inside the
 * app's own untitled-runs folder. It must hold a finished run (run-summary.json).
 */
export async function resolveRunDir(paths: PathPolicy, userDataDir: string, runDir: string): Promise<string> {
  let dir: string;
  try {
    dir = await paths.resolve(runDir, 'existing');
  } catch (error) {
    if (!(error instanceof ApiFailure && error.code === 'FORBIDDEN')) throw error;
    const real = await realpath(path.resolve(runDir)).catch(() => null);
    const runsRoot = await realpath(untitledRunsDir(userDataDir)).catch(() => null);
    if (real === null || runsRoot === null || !isInside(runsRoot, real)) throw error;
    dir = real;
  }
  const summary = await stat(path.join(dir, 'run-summary.json')).catch(() => null);
  if (!summary?.isFile()) throw new ApiFailure('NOT_FOUND', `${runDir} holds no finished run (no run-summary.json): the run may have failed or is still training`);
  return dir;
}
