/**
 * The one typed API between the renderer and main, whatever the transport (Electron IPC or
 * browser mode's HTTP + WebSocket). Every call has a request schema that main validates (the
 * renderer is untrusted) and a response type; every event stream has a payload type.
 * Add a call here, implement it in src-main/api, and both transports carry it.
 */
import { z } from 'zod';
import type { ProjectDocument } from '../graph/document.js';
import type { MenuAction } from './actions.js';
import { TRAINING_CALL_SCHEMAS, type TrainingCallResponses, type TrainingEventPayloads } from './contract-training.js';

const path = z.string().min(1).max(4096);

/** Request schemas, keyed by call name (`area:verb`). */
export const CALL_SCHEMAS = {
  'app:info': z.object({}),
  /**
   * The renderer has subscribed to events: main may now send what it queued before the page was
   * listening (projects handed to the app by the OS at launch arrive as `project:openRequested`).
   */
  'app:ready': z.object({}),
  /** The document has (or no longer has) unsaved changes; main closes a clean window without asking. */
  'app:setDirty': z.object({ dirty: z.boolean() }),
  /** The renderer's answer to `app:closeRequested`: `proceed` closes the window (saved or discarded). */
  'app:confirmClose': z.object({ proceed: z.boolean() }),
  'templates:list': z.object({}),
  'templates:open': z.object({ id: z.string().regex(/^[a-z0-9-]+$/) }),
  'project:open': z.object({ path }),
  /** Saves atomically (temp file, fsync, rename). `doc` is validated against the project schema. */
  'project:save': z.object({ path, doc: z.unknown() }),
  'project:recent': z.object({}),
  /** Writes the recovery copy; `path` is where the project lives (null while untitled). */
  'project:autosave': z.object({ doc: z.unknown(), path: path.nullable() }),
  'project:recovery': z.object({}),
  'project:discardRecovery': z.object({}),
  /** Keras `model.to_json()` or TF.js `model.json`, by path or by content (browser drop). */
  'model:import': z.union([z.object({ path }), z.object({ text: z.string().max(50_000_000), fileName: z.string().max(255) })]),
  /** Lists a folder for the in-app file browser (browser mode); only inside allowed roots. */
  'files:list': z.object({ dir: path.optional(), extensions: z.array(z.string()).optional() }),
  /** Electron: native dialogs. Browser mode answers `{ canceled: true, unsupported: true }`. */
  'dialog:open': z.object({ kind: z.enum(['project', 'model', 'folder', 'csv']) }),
  'dialog:save': z.object({ defaultName: z.string().max(255) }),
  ...TRAINING_CALL_SCHEMAS,
} as const;

export type CallName = keyof typeof CALL_SCHEMAS;
export type CallRequest<K extends CallName> = z.infer<(typeof CALL_SCHEMAS)[K]>;

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  platform: string;
  /** Folders the app may read in browser mode (cwd and --allow); empty in Electron (dialogs decide). */
  roots: string[];
}

export interface TemplateInfo {
  id: string;
  name: string;
  layers: number;
}

export interface OpenedProject {
  doc: ProjectDocument;
  path: string | null;
  /** Upgrades applied while loading (older format versions). */
  migrated: string[];
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export interface FileEntry {
  name: string;
  path: string;
  kind: 'file' | 'dir';
}

/** Response types, keyed by call name. */
export interface CallResponses extends TrainingCallResponses {
  'app:info': AppInfo;
  'app:ready': Record<string, never>;
  'app:setDirty': Record<string, never>;
  'app:confirmClose': Record<string, never>;
  'templates:list': TemplateInfo[];
  'templates:open': OpenedProject;
  'project:open': OpenedProject;
  'project:save': { path: string; savedAt: string };
  'project:recent': RecentProject[];
  'project:autosave': { savedAt: string };
  'project:recovery': { doc: ProjectDocument; path: string | null; savedAt: string } | null;
  'project:discardRecovery': Record<string, never>;
  'model:import': { doc: ProjectDocument; warnings: string[] };
  'files:list': { dir: string; parent: string | null; entries: FileEntry[] };
  'dialog:open': { canceled: boolean; path?: string; unsupported?: boolean };
  'dialog:save': { canceled: boolean; path?: string; unsupported?: boolean };
}

export type CallResponse<K extends CallName> = CallResponses[K];

/** Every call resolves to this envelope: failures are data with a stable code, never a thrown stack. */
export type CallResult<K extends CallName> = { ok: true; value: CallResponse<K> } | { ok: false; error: ApiError };

export interface ApiError {
  /** BUSY: the call needs something another call holds (a second training run while one trains). */
  code: 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_PROJECT' | 'INVALID_MODEL' | 'IO' | 'UNSUPPORTED' | 'BUSY' | 'INTERNAL';
  message: string;
}

/** Events main pushes to the renderer. */
export interface EventPayloads extends TrainingEventPayloads {
  /** A native menu item or accelerator: the renderer runs the action of that name (actions.ts). */
  'menu:action': { action: MenuAction };
  /**
   * The user closes the window (or quits) while the document is dirty: the renderer asks
   * Save / Don't Save / Cancel and answers with `app:confirmClose`.
   */
  'app:closeRequested': Record<string, never>;
  /**
   * Open this project (OS file association, a second launch, File ▸ Open Recent). The renderer
   * handles unsaved changes first, then calls `project:open`.
   */
  'project:openRequested': { path: string };
}

export type EventName = keyof EventPayloads;

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(CALL_SCHEMAS, name);
}
