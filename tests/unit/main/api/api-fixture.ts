/** A browser-mode API over temp folders: a workspace root, a user-data folder, and an outside folder. */
import { mkdir, mkdtemp, readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApi, createRootsPolicy, dispatchCall, type ApiHandlers, type ApiOptions } from '../../../../src-main/api/index.js';
import type { ProjectDocument } from '../../../../src-shared/graph/document.js';
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from '../../../../src-shared/ipc/contract.js';

/** One event the API emitted, as a transport would carry it. */
export type EmittedEvent = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];

export interface ApiFixture {
  api: ApiHandlers;
  /** The allowed root (real path). */
  root: string;
  /** A folder outside every root. */
  outside: string;
  userData: string;
  logs: string[];
  /** Everything sent to the emit sink, in order. */
  events: EmittedEvent[];
  /** The decoded-image cache (inside the temp folder). */
  cacheDir: string;
  call<K extends CallName>(name: K, request: CallRequest<K> | Record<string, unknown>): Promise<CallResult<K>>;
}

export async function makeApiFixture(overrides: Partial<ApiOptions> = {}): Promise<ApiFixture> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), 'netwright-api-')));
  const root = path.join(base, 'work');
  const outside = path.join(base, 'outside');
  const userData = path.join(base, 'user-data');
  await Promise.all([mkdir(root), mkdir(outside)]);
  const logs: string[] = [];
  const events: EmittedEvent[] = [];
  const cacheDir = path.join(base, 'cache');
  const api = createApi({
    mode: 'browser',
    version: '9.9.9',
    userDataDir: userData,
    paths: await createRootsPolicy([root], root),
    emit: (event, payload) => void events.push({ event, payload } as EmittedEvent),
    cacheDir,
    ...overrides,
  });
  return {
    api,
    root,
    outside,
    userData,
    logs,
    events,
    cacheDir,
    call: (name, request) => dispatchCall(api, name, request, (l) => logs.push(l)) as never,
  };
}

export async function readTemplate(id: string): Promise<ProjectDocument> {
  return JSON.parse(await readFile(new URL(`../../../../assets/templates/${id}.nwproj`, import.meta.url), 'utf8')) as ProjectDocument;
}

/** Unwraps an ok result, failing the test with the error otherwise. */
export function valueOf<K extends CallName>(result: CallResult<K>) {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result, failing the test when it succeeded. */
export function errorOf<K extends CallName>(result: CallResult<K>) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}
