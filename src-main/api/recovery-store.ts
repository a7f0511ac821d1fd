/**
 * The autosave copy of the open document, in the user-data folder. It is written atomically
 * like a project, so a crash during autosave cannot destroy the previous copy; after a crash
 * the renderer offers it back (`project:recovery`).
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { loadProjectValue } from '../../src-shared/graph/project-file.js';
import { writeFileAtomic } from './atomic-write.js';

const FILE_NAME = 'recovery.json';
const FORMAT = 'netwright-recovery';

export interface RecoveryCopy {
  doc: ProjectDocument;
  /** Where the project lives, or null while it is untitled. */
  path: string | null;
  savedAt: string;
}

export interface RecoveryStore {
  write(doc: ProjectDocument, projectPath: string | null): Promise<{ savedAt: string }>;
  /** The copy, or null when there is none or it cannot be read back as a valid project. */
  read(): Promise<RecoveryCopy | null>;
  discard(): Promise<void>;
}

/** Creates the store backed by `<userDataDir>/recovery.json`. */
export function createRecoveryStore(userDataDir: string, now: () => Date = () => new Date()): RecoveryStore {
  const file = path.join(userDataDir, FILE_NAME);
  return {
    async write(doc, projectPath) {
      const savedAt = now().toISOString();
      await mkdir(userDataDir, { recursive: true });
      await writeFileAtomic(file, JSON.stringify({ format: FORMAT, version: 1, savedAt, path: projectPath, doc }));
      return { savedAt };
    },
    async read() {
      let raw: { format?: unknown; savedAt?: unknown; path?: unknown; doc?: unknown };
      try {
        raw = JSON.parse(await readFile(file, 'utf8'));
      } catch {
        return null;
      }
      if (raw?.format !== FORMAT || typeof raw.savedAt !== 'string') return null;
      const loaded = loadProjectValue(raw.doc);
      if (!loaded.ok) return null;
      return { doc: loaded.doc, path: typeof raw.path === 'string' ? raw.path : null, savedAt: raw.savedAt };
    },
    async discard() {
      await rm(file, { force: true });
    },
  };
}
