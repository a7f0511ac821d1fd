/**
 * An in-memory Host: the whole API contract answered inside the page, with a small virtual
 * file system. Component tests use it, and it is the demo mode when the renderer runs with
 * no backend (a static server), so the editor is fully usable without Electron or Node.
 */
import { importKerasModel } from '../../src-shared/compile/from-keras.js';
import { compileToKeras } from '../../src-shared/compile/to-keras.js';
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { loadProjectValue, parseProject, serializeProject } from '../../src-shared/graph/project-file.js';
import type {
  CallName,
  CallRequest,
  CallResponse,
  CallResult,
  EventName,
  EventPayloads,
  FileEntry,
  RecentProject,
} from '../../src-shared/ipc/contract.js';
import type { Host } from '../../src-shared/ipc/host.js';
import { failure } from './call-failure.js';
import { demoDatasetFiles } from './demo-datasets.js';
import { createDemoTraining, type DemoTrainingHandlers, type DemoTrainingOptions } from './demo-training.js';
import { DEMO_TRAINED_PROJECT, demoTrainedProject } from './demo-runs.js';
import { createResultsHandlers, type MemoryResultsOptions } from './memory-results.js';

export const DEMO_ROOT = '/demo';

export interface MemoryHostOptions {
  templates?: ReadonlyMap<string, ProjectDocument>;
  /** Absolute path → file text. */
  files?: Record<string, string>;
  /** Where the autosave survives a reload (the demo passes localStorage); memory only without it. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Demo datasets and simulated runs (demo-training.ts); tests turn `autoplay` off to feed their own events. */
  training?: DemoTrainingOptions;
  /** Export formats the demo export fails (memory-results.ts; default PyTorch). */
  failingExportFormats?: MemoryResultsOptions['failingFormats'];
}

const RECOVERY_KEY = 'netwright.recovery';

export interface MemoryHost extends Host {
  /** Pushes an event to subscribers, as main would (tests: menu actions, close requests). */
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  readonly files: Map<string, string>;
  /** Every call made, in order: tests assert on what the UI asked for. */
  readonly calls: { name: CallName; request: unknown }[];
  recovery: { doc: ProjectDocument; path: string | null; savedAt: string } | null;
}

type Handlers = { [K in CallName]: (request: CallRequest<K>) => CallResult<K> | Promise<CallResult<K>> };
/** The calls answered at once; typed apart so `ok`/`failure` infer their call from the key. */
type SyncHandlers = { [K in Exclude<CallName, keyof DemoTrainingHandlers>]: (request: CallRequest<K>) => CallResult<K> };

const ok = <K extends CallName>(value: CallResponse<K>): CallResult<K> => ({ ok: true, value });

export function createMemoryHost(opts: MemoryHostOptions = {}): MemoryHost {
  const templates = opts.templates ?? new Map<string, ProjectDocument>();
  const files = new Map(Object.entries(opts.files ?? {}));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const recent: RecentProject[] = [];

  const host: MemoryHost = {
    mode: 'memory',
    files,
    calls: [],
    recovery: readRecovery(opts.storage),
    async call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResult<K>> {
      host.calls.push({ name, request });
      // A copy in and out, as a real transport would make: no shared objects across the boundary.
      const handler = handlers[name] as (r: CallRequest<K>) => CallResult<K> | Promise<CallResult<K>>;
      return structuredClone(await handler(structuredClone(request)));
    },
    on<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      const h = handler as (payload: unknown) => void;
      set.add(h);
      listeners.set(event, set);
      return () => set.delete(h);
    },
    emit(event, payload) {
      for (const h of listeners.get(event) ?? []) h(payload);
    },
  };

  const answeredAtOnce: SyncHandlers = {
    'app:info': () => ok({ version: '0.1.0', mode: 'browser', platform: 'memory', roots: [DEMO_ROOT] }),
    'app:ready': () => ok({}),
    'app:setDirty': () => ok({}),
    'app:confirmClose': () => ok({}),
    'templates:list': () => ok([...templates].map(([id, doc]) => ({ id, name: doc.name, layers: doc.nodes.length }))),
    'templates:open': ({ id }) => {
      const doc = templates.get(id);
      return doc ? ok({ doc, path: null, migrated: [] }) : failure('NOT_FOUND', `no template named "${id}"`);
    },
    'project:open': ({ path }) => {
      const text = files.get(path);
      if (text === undefined) return failure('NOT_FOUND', `no such file or folder: ${path}`);
      const loaded = parseProject(text);
      if (!loaded.ok) return failure('INVALID_PROJECT', `${path}: ${loaded.error}`);
      remember(path, loaded.doc.name);
      return ok({ doc: loaded.doc, path, migrated: loaded.migrated });
    },
    'project:save': ({ path, doc }) => {
      const loaded = loadProjectValue(doc);
      if (!loaded.ok) return failure('INVALID_PROJECT', loaded.error);
      files.set(path, serializeProject(loaded.doc));
      remember(path, loaded.doc.name);
      return ok({ path, savedAt: new Date().toISOString() });
    },
    'project:recent': () => ok([...recent]),
    'project:autosave': ({ doc, path }) => {
      const savedAt = new Date().toISOString();
      host.recovery = { doc: doc as ProjectDocument, path, savedAt };
      tryStorage(() => opts.storage?.setItem(RECOVERY_KEY, JSON.stringify(host.recovery)));
      return ok({ savedAt });
    },
    'project:recovery': () => ok(host.recovery),
    'project:discardRecovery': () => {
      host.recovery = null;
      tryStorage(() => opts.storage?.removeItem(RECOVERY_KEY));
      return ok({});
    },
    'model:import': (request) => {
      const text = 'text' in request ? request.text : files.get(request.path);
      const fileName = 'text' in request ? request.fileName : (request.path.split('/').pop() ?? 'model.json');
      if (text === undefined) return failure('NOT_FOUND', `no such file or folder: ${'path' in request ? request.path : fileName}`);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (e) {
        return failure('INVALID_MODEL', `${fileName}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      }
      const imported = importKerasModel(raw, { name: fileName.replace(/\.json$/i, '') });
      return imported.ok
        ? ok({ doc: imported.doc, warnings: imported.warnings })
        : failure('INVALID_MODEL', `${fileName}: ${imported.error}`);
    },
    'files:list': ({ dir, extensions }) => {
      const at = (dir ?? DEMO_ROOT).replace(/\/+$/, '') || '/';
      if (at !== DEMO_ROOT && !at.startsWith(`${DEMO_ROOT}/`))
        return failure('FORBIDDEN', `${at} is outside the folders this app may read`);
      return ok({ dir: at, parent: at === DEMO_ROOT ? null : at.slice(0, at.lastIndexOf('/')), entries: listDir(files, at, extensions) });
    },
    'dialog:open': () => ok({ canceled: true, unsupported: true }),
    'dialog:save': () => ok({ canceled: true, unsupported: true }),
    ...createResultsHandlers({
      emit: (event, payload) => host.emit(event, payload),
      ...(opts.failingExportFormats ? { failingFormats: opts.failingExportFormats } : {}),
    }),
  };
  const handlers: Handlers = {
    ...answeredAtOnce,
    ...createDemoTraining(files, DEMO_ROOT, (event, payload) => host.emit(event, payload), opts.training),
  };

  function remember(path: string, name: string): void {
    const i = recent.findIndex((r) => r.path === path);
    if (i >= 0) recent.splice(i, 1);
    recent.unshift({ path, name, openedAt: new Date().toISOString() });
  }

  return host;
}

/** The stored autosave, if it is still a valid project (a broken one is dropped, not offered). */
function readRecovery(storage: MemoryHostOptions['storage']): MemoryHost['recovery'] {
  const stored = readJson(storage, RECOVERY_KEY) as { doc?: unknown; path?: unknown; savedAt?: unknown } | null;
  if (!stored) return null;
  const loaded = loadProjectValue(stored.doc);
  if (!loaded.ok || typeof stored.savedAt !== 'string') return null;
  return { doc: loaded.doc, path: typeof stored.path === 'string' ? stored.path : null, savedAt: stored.savedAt };
}

/** The parsed value under `key`, or null when missing, unreadable or not JSON. */
function readJson(storage: MemoryHostOptions['storage'], key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

/** Storage can be disabled or full; the demo then simply keeps nothing across reloads. */
function tryStorage(f: () => void): void {
  try {
    f();
  } catch {
    // ignored on purpose, see above
  }
}

/** Immediate children of `dir` (folders first, then files matching `extensions`), by name. */
function listDir(files: Map<string, string>, dir: string, extensions?: string[]): FileEntry[] {
  const dirs = new Set<string>();
  const out: FileEntry[] = [];
  for (const path of files.keys()) {
    if (!path.startsWith(`${dir}/`)) continue;
    const rest = path.slice(dir.length + 1);
    const slash = rest.indexOf('/');
    if (slash >= 0) dirs.add(rest.slice(0, slash));
    else if (!extensions || extensions.some((ext) => rest.endsWith(ext))) out.push({ name: rest, path, kind: 'file' });
  }
  const folders = [...dirs].map((name): FileEntry => ({ name, path: `${dir}/${name}`, kind: 'dir' }));
  const byName = (a: FileEntry, b: FileEntry) => a.name.localeCompare(b.name);
  return [...folders.sort(byName), ...out.sort(byName)];
}

/**
 * The demo file system: the templates as projects to open, one Keras model to import, and a
 * deliberately broken project that shows how a malformed file is reported.
 */
export function demoFiles(templates: ReadonlyMap<string, ProjectDocument>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [id, doc] of templates) files[`${DEMO_ROOT}/examples/${id}.nwproj`] = serializeProject(doc);
  const lenet = templates.get('lenet-mnist');
  const compiled = lenet ? compileToKeras(lenet) : null;
  if (compiled?.ok) files[`${DEMO_ROOT}/models/lenet-keras.json`] = JSON.stringify(compiled.model, null, 2);
  const broken = templates.get('mlp-mnist');
  if (broken) {
    // A typo in a layer type: the load must fail with the core's message naming nodes[2].type.
    const bad = JSON.parse(serializeProject(broken)) as { nodes: { type: string }[] };
    if (bad.nodes[2]) bad.nodes[2].type = 'Dence';
    files[`${DEMO_ROOT}/examples/broken.nwproj`] = JSON.stringify(bad, null, 2);
  }
  Object.assign(files, demoDatasetFiles(DEMO_ROOT));
  // A project with finished (made-up) runs, so the Results tab and Export have something to show.
  if (lenet) files[`${DEMO_ROOT}/${DEMO_TRAINED_PROJECT}`] = serializeProject(demoTrainedProject(lenet));
  return files;
}
