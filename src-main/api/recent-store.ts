/**
 * The recently opened projects, kept as JSON in the user-data folder so the list survives
 * restarts and is shared by the Electron app and browser mode. Newest first, no duplicates,
 * at most ten; a missing or damaged file is an empty list, never an error.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RecentProject } from '../../src-shared/ipc/contract.js';
import { writeFileAtomic } from './atomic-write.js';

export const MAX_RECENT = 10;
const FILE_NAME = 'recent-projects.json';

export interface RecentStore {
  /** The list, dropping projects that no longer exist on disk. */
  list(): Promise<RecentProject[]>;
  /** Moves (or adds) `path` to the top. */
  add(path: string, name: string): Promise<RecentProject[]>;
  /** Tells whether `path` is on the list (an earlier session opened it). */
  has(path: string): Promise<boolean>;
}

/** Creates the store backed by `<userDataDir>/recent-projects.json`. */
export function createRecentStore(userDataDir: string, now: () => Date = () => new Date()): RecentStore {
  const file = path.join(userDataDir, FILE_NAME);
  // Serializes read-modify-write cycles: two saves in quick succession must not lose an entry.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => {});
    return next;
  };

  return {
    list: () => serially(async () => filterExisting(await readList(file))),
    has: (p) => serially(async () => (await readList(file)).some((r) => r.path === p)),
    add: (p, name) =>
      serially(async () => {
        const items = [{ path: p, name, openedAt: now().toISOString() }, ...(await readList(file)).filter((r) => r.path !== p)].slice(0, MAX_RECENT);
        await mkdir(userDataDir, { recursive: true });
        await writeFileAtomic(file, `${JSON.stringify({ version: 1, items }, null, 2)}\n`);
        return items;
      }),
  };
}

async function readList(file: string): Promise<RecentProject[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return [];
  }
  const items = (raw as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return [];
  return items.filter(isRecentProject).slice(0, MAX_RECENT);
}

function isRecentProject(v: unknown): v is RecentProject {
  const r = v as Partial<RecentProject> | null;
  return typeof r === 'object' && r !== null && typeof r.path === 'string' && typeof r.name === 'string' && typeof r.openedAt === 'string';
}

async function filterExisting(items: RecentProject[]): Promise<RecentProject[]> {
  const exists = await Promise.all(items.map((r) => stat(r.path).then((s) => s.isFile(), () => false)));
  return items.filter((_, i) => exists[i]);
}
