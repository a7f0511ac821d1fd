/**
 * files:list: one folder's entries for the in-app file browser (browser mode has no native
 * dialogs). Only inside the allowed roots; entries whose real path leaves them (symlinks) are
 * not shown, because opening them would be refused anyway.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CallRequest, CallResponse, FileEntry } from '../../src-shared/ipc/contract.js';
import { ApiFailure } from './api-failure.js';
import type { PathPolicy } from './path-policy.js';

/** A folder with more entries is cut here; the browser is for picking, not for auditing. */
export const MAX_ENTRIES = 5000;

export type FilesHandlers = {
  'files:list': (request: CallRequest<'files:list'>) => Promise<CallResponse<'files:list'>>;
};

/** Creates the files:list handler. */
export function createFilesHandlers(paths: PathPolicy): FilesHandlers {
  return {
    async 'files:list'({ dir, extensions }) {
      const start = dir ?? paths.roots()[0] ?? os.homedir();
      const real = await paths.resolve(start, 'existing');
      if (!(await stat(real)).isDirectory()) throw new ApiFailure('BAD_REQUEST', `${start} is not a folder`);
      const wanted = extensions?.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
      const entries: FileEntry[] = [];
      for (const dirent of await readdir(real, { withFileTypes: true })) {
        if (dirent.name.startsWith('.')) continue;
        const full = path.join(real, dirent.name);
        const kind = await kindOf(full, dirent.isSymbolicLink(), paths);
        if (kind === null) continue;
        if (kind === 'file' && wanted && !wanted.some((ext) => dirent.name.toLowerCase().endsWith(ext))) continue;
        entries.push({ name: dirent.name, path: full, kind });
        if (entries.length >= MAX_ENTRIES) break;
      }
      entries.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
      const parent = path.dirname(real);
      return { dir: real, parent: parent !== real && paths.allows(parent) ? parent : null, entries };
    },
  };
}

/** 'dir' / 'file', or null for what the list should not show (sockets, escaping or broken links). */
async function kindOf(full: string, isLink: boolean, paths: PathPolicy): Promise<FileEntry['kind'] | null> {
  try {
    if (isLink && !paths.allows(await realpath(full))) return null;
    const info = await stat(full);
    if (info.isDirectory()) return 'dir';
    return info.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}
