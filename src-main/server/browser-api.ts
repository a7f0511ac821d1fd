/**
 * The API as browser mode runs it: confined to the working folder, the `--allow` folders and
 * the folders of projects the user opens; no native dialogs (the renderer's file browser uses
 * files:list instead).
 */
import { readFile } from 'node:fs/promises';
import { createApi, type ApiHandlers } from '../api/create-api.js';
import { createRootsPolicy } from '../api/path-policy.js';
import { resolveUserDataDir } from '../api/user-data-dir.js';
import type { EventSink } from '../api/events.js';
import type { TrainingHost } from '../training/host/training-host.js';

export interface BrowserApiOptions {
  /** The first root and the base of relative paths (default: process.cwd()). */
  cwd?: string;
  allow?: string[];
  userDataDir?: string;
  templatesDir?: string;
  /** The server's broadcast (bound late: the API exists before the server that carries its events). */
  emit?: EventSink;
  trainingHost?: TrainingHost;
  cacheDir?: string;
}

/** Creates the browser-mode API handlers. */
export async function createBrowserApi(options: BrowserApiOptions = {}): Promise<ApiHandlers> {
  const cwd = options.cwd ?? process.cwd();
  return createApi({
    mode: 'browser',
    version: await readPackageVersion(),
    userDataDir: options.userDataDir ?? resolveUserDataDir(),
    paths: await createRootsPolicy([cwd, ...(options.allow ?? [])], cwd),
    templatesDir: options.templatesDir,
    emit: options.emit,
    trainingHost: options.trainingHost,
    cacheDir: options.cacheDir,
  });
}

/** The version in the repository's package.json (browser mode always runs from the sources). */
export async function readPackageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
