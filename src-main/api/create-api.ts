/**
 * The API services behind the contract, in plain Node (no Electron): one handler per call.
 * Both shells use it — Electron over IPC, `netwright serve` over HTTP — and add only what is
 * theirs (native dialogs, window hooks, the path policy).
 */
import type { CallName, CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import { defaultCacheDir } from '../datasets/cache-dir.js';
import { TrainingHost } from '../training/host/training-host.js';
import type { AtomicWriteFs } from './atomic-write.js';
import { createDatasetHandlers } from './dataset-service.js';
import { dropEvents, type EventSink } from './events.js';
import { createExportHandlers } from './export-service.js';
import { createFilesHandlers } from './files-service.js';
import { createResultsHandlers } from './results-service.js';
import { createTrainingHandlers } from './training-service.js';
import { createModelHandlers } from './model-service.js';
import type { PathPolicy } from './path-policy.js';
import { createProjectHandlers } from './project-service.js';
import { createRecentStore } from './recent-store.js';
import { createRecoveryStore } from './recovery-store.js';
import { createTemplateHandlers } from './template-service.js';
import { TEMPLATES_DIR } from '../projects/load-model-file.js';

/** One async handler per call in the contract; a missing call is a compile error here. */
export type ApiHandlers = { [K in CallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

/** Native file dialogs (Electron). Without them the dialog calls answer `unsupported`. */
export interface DialogProvider {
  open(kind: CallRequest<'dialog:open'>['kind']): Promise<CallResponse<'dialog:open'>>;
  save(defaultName: string): Promise<CallResponse<'dialog:save'>>;
}

/** What the window shell does with the renderer's app:* calls (Electron; no-ops in a browser). */
export interface WindowHooks {
  ready(): void;
  setDirty(dirty: boolean): void;
  confirmClose(proceed: boolean): void;
}

export interface ApiOptions {
  mode: 'electron' | 'browser';
  version: string;
  /** Where the recent list and the recovery copy live (Electron's userData folder). */
  userDataDir: string;
  paths: PathPolicy;
  /** The bundled templates (default: the repository's assets/templates). */
  templatesDir?: string;
  dialogs?: DialogProvider;
  window?: WindowHooks;
  onRecentChanged?: () => void;
  /** File operations for atomic saves; tests inject failures. */
  fs?: AtomicWriteFs;
  now?: () => Date;
  /** Where events for the renderer go (browser mode: the WebSocket; Electron: the window). Default: dropped. */
  emit?: EventSink;
  /** Starts trainer processes (Electron: over utilityProcess). Default: child_process.fork of the sources or build. */
  trainingHost?: TrainingHost;
  /** The decoded-image cache shared with trainer processes. Default: the per-user cache folder. */
  cacheDir?: string;
  /** Opens a folder in the system file manager (Electron's shell.openPath). Without it shell:openPath is UNSUPPORTED. */
  openPath?: (path: string) => Promise<void>;
}

const UNSUPPORTED = { canceled: true, unsupported: true } as const;

/** Creates the handler map for every call in the contract. */
export function createApi(options: ApiOptions): ApiHandlers {
  const { paths, dialogs, window, userDataDir } = options;
  const emit = options.emit ?? dropEvents;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  return {
    'app:info': async () => ({ version: options.version, mode: options.mode, platform: process.platform, roots: paths.roots() }),
    'app:ready': async () => (window?.ready(), {}),
    'app:setDirty': async ({ dirty }) => (window?.setDirty(dirty), {}),
    'app:confirmClose': async ({ proceed }) => (window?.confirmClose(proceed), {}),
    ...createTemplateHandlers(options.templatesDir ?? TEMPLATES_DIR),
    ...createProjectHandlers({
      paths,
      recent: createRecentStore(options.userDataDir, options.now),
      recovery: createRecoveryStore(options.userDataDir, options.now),
      onRecentChanged: options.onRecentChanged,
      fs: options.fs,
      now: options.now,
    }),
    ...createModelHandlers(paths),
    ...createFilesHandlers(paths),
    'dialog:open': async ({ kind }) => (dialogs ? dialogs.open(kind) : { ...UNSUPPORTED }),
    'dialog:save': async ({ defaultName }) => (dialogs ? dialogs.save(defaultName) : { ...UNSUPPORTED }),
    ...createDatasetHandlers({ paths, emit, cacheDir }),
    ...createTrainingHandlers({ paths, emit, host: options.trainingHost ?? new TrainingHost(), userDataDir, cacheDir, now: options.now }),
    ...createResultsHandlers({ paths, userDataDir, cacheDir }),
    ...createExportHandlers({ paths, emit, userDataDir, cacheDir, openPath: options.openPath }),
  };
}
