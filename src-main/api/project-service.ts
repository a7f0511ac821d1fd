/**
 * project:* calls: open, save (atomic), the recent list and the autosave recovery copy.
 * A failed open returns an error and nothing else, so the caller's current work is untouched;
 * a save validates the document before a single byte is written.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { loadProjectValue, parseProject, serializeProject } from '../../src-shared/graph/project-file.js';
import type { CallRequest, CallResponse, OpenedProject } from '../../src-shared/ipc/contract.js';
import { ApiFailure } from './api-failure.js';
import { writeFileAtomic, type AtomicWriteFs } from './atomic-write.js';
import type { PathPolicy } from './path-policy.js';
import type { RecentStore } from './recent-store.js';
import type { RecoveryStore } from './recovery-store.js';

/** Larger than any project we write (runs live beside the file, not in it). */
export const MAX_PROJECT_BYTES = 100 * 1024 * 1024;

export interface ProjectServiceOptions {
  paths: PathPolicy;
  recent: RecentStore;
  recovery: RecoveryStore;
  /** Called after the recent list changed (Electron rebuilds its Open Recent menu). */
  onRecentChanged?: () => void;
  /** File operations for the atomic write; tests inject failures. */
  fs?: AtomicWriteFs;
  now?: () => Date;
}

export type ProjectHandlers = {
  [K in 'project:open' | 'project:save' | 'project:recent' | 'project:autosave' | 'project:recovery' | 'project:discardRecovery']: (
    request: CallRequest<K>,
  ) => Promise<CallResponse<K>>;
};

/** Creates the project:* handlers. */
export function createProjectHandlers(options: ProjectServiceOptions): ProjectHandlers {
  const { paths, recent, recovery } = options;
  const now = options.now ?? (() => new Date());
  const remember = async (file: string, name: string) => {
    await paths.addRoot(path.dirname(file));
    await recent.add(file, name);
    options.onRecentChanged?.();
  };

  return {
    async 'project:open'({ path: requested }): Promise<OpenedProject> {
      const file = await resolveOpenable(requested, paths, recent);
      const loaded = parseProject(await readProjectText(file));
      if (!loaded.ok) throw new ApiFailure('INVALID_PROJECT', `${path.basename(file)}: ${loaded.error}`);
      await remember(file, loaded.doc.name);
      return { doc: loaded.doc, path: file, migrated: loaded.migrated };
    },

    async 'project:save'({ path: requested, doc }) {
      if (!/\.nwproj$/i.test(requested)) throw new ApiFailure('BAD_REQUEST', `${requested}: project files end in .nwproj`);
      const valid = validateDoc(doc);
      const file = await paths.resolve(requested, 'new-file');
      await writeFileAtomic(file, serializeProject(valid), options.fs);
      await remember(file, valid.name);
      return { path: file, savedAt: now().toISOString() };
    },

    'project:recent': async () => recent.list(),

    async 'project:autosave'({ doc, path: projectPath }) {
      return recovery.write(validateDoc(doc), projectPath);
    },

    'project:recovery': async () => recovery.read(),

    async 'project:discardRecovery'() {
      await recovery.discard();
      return {};
    },
  };
}

/** The real path of a project the caller may open: inside the roots, or on the recent list. */
async function resolveOpenable(requested: string, paths: PathPolicy, recent: RecentStore): Promise<string> {
  try {
    return await paths.resolve(requested, 'existing');
  } catch (error) {
    // The recent list only ever holds projects opened or saved through this policy before,
    // so a project from an earlier session (another cwd, other --allow) may be reopened.
    if (error instanceof ApiFailure && error.code === 'FORBIDDEN') {
      const real = await realpath(path.resolve(requested)).catch(() => null);
      if (real !== null && (await recent.has(real))) return real;
    }
    throw error;
  }
}

async function readProjectText(file: string): Promise<string> {
  const info = await stat(file);
  if (!info.isFile()) throw new ApiFailure('BAD_REQUEST', `${file} is not a file`);
  if (info.size > MAX_PROJECT_BYTES) throw new ApiFailure('INVALID_PROJECT', `${path.basename(file)}: ${info.size} bytes is too large for a project file`);
  return readFile(file, 'utf8');
}

/** The document as the schema accepts it, or INVALID_PROJECT with the core's message. */
function validateDoc(doc: unknown): ProjectDocument {
  const loaded = loadProjectValue(doc);
  if (!loaded.ok) throw new ApiFailure('INVALID_PROJECT', loaded.error);
  return loaded.doc;
}
