/**
 * The real app in browser mode for end-to-end tests and the editor benchmark: `startServer`
 * in this process (port 0, a temp working folder as the only allowed root, a temp user-data
 * folder) and Debian's Chromium driven by playwright-core. Nothing is downloaded: without
 * /usr/bin/chromium the suites skip with the reason printed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { lateBoundSink } from '../../../src-main/api/events.js';
import { createBrowserApi } from '../../../src-main/server/browser-api.js';
import { TrainingHost } from '../../../src-main/training/host/training-host.js';
import { RENDERER_DIST } from '../../../src-main/server/renderer-build.js';
import { startServer, type RunningServer } from '../../../src-main/server/start-server.js';
import { viewportAtRest } from './editor-ui.js';

export const CHROMIUM_PATH = process.env.NETWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
/** Flags for a quiet, offline, software-rendered browser (CI containers run as root: no sandbox). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-gpu',
];
/** Big enough for palette, canvas and inspector side by side, as on a laptop. */
export const VIEWPORT = { width: 1440, height: 900 };

/** Why browser suites cannot run here (printed once per suite), or null when they can. */
export function browserSkipReason(suite: string): string | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  const reason = `no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set NETWRIGHT_CHROMIUM)`;
  console.log(`tests/e2e/${suite}: skipped: ${reason}`);
  return reason;
}

/** `netwright serve` in this process: a fresh working folder and user-data folder, port 0. */
export interface AppServer {
  server: RunningServer;
  /** The working folder: browser mode's root, where tests save and open files. */
  workDir: string;
  /** Runs started from the page train in real trainer processes through this host. */
  trainingHost: TrainingHost;
  /** Calls the API from Node with the token, as the page does. */
  call(name: string, request?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  close(): Promise<void>;
}

export interface BrowserModeApp extends AppServer {
  browser: Browser;
  /** Opens a fresh editor tab (own storage) and waits until the first document is in. */
  openEditor(): Promise<Editor>;
}

export interface Editor {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and console errors from the page: a passing test expects none. */
  errors: string[];
}

/**
 * `netwright serve` as runServe wires it: the API's events (dataset progress, training events)
 * reach the page over the server's WebSocket, and runs go through a real TrainingHost.
 */
export async function startAppServer(): Promise<AppServer> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'netwright-e2e-work-'));
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'netwright-e2e-data-'));
  const events = lateBoundSink();
  const trainingHost = new TrainingHost();
  const api = await createBrowserApi({ cwd: workDir, userDataDir, emit: events.sink, trainingHost });
  const logs: string[] = [];
  const server = await startServer({ api, staticDir: RENDERER_DIST, port: 0, log: (line) => void logs.push(line) });
  events.bind(server.broadcast);
  return {
    server,
    workDir,
    trainingHost,
    async call(name, request = {}) {
      const res = await fetch(new URL(`/api/call/${name}`, server.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      return (await res.json()) as Awaited<ReturnType<AppServer['call']>>;
    },
    async close() {
      trainingHost.killAll();
      await server.close();
      await rm(workDir, { recursive: true, force: true });
      await rm(userDataDir, { recursive: true, force: true });
      if (logs.length > 0) console.log(`server log:\n${logs.join('\n')}`);
    },
  };
}

/** The app server plus one Chromium; each `openEditor` is a new browser context (fresh storage). */
export async function startBrowserMode(): Promise<BrowserModeApp> {
  const app = await startAppServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    ...app,
    browser,
    async openEditor() {
      // An earlier tab's autosave would greet this one with a "restore unsaved work?" banner.
      await app.call('project:discardRecovery');
      const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(`console.error: ${m.text()}`)));
      await page.goto(app.server.url);
      await page.locator('.workspace[aria-busy="false"]').waitFor();
      // The first network is fitted into view with an animation; a click during it lands on
      // whichever card slides under the pointer. Wait until the view has moved and stopped.
      await page.waitForFunction(() => {
        const t = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
        return t !== '' && t !== 'translate(0px, 0px) scale(1)';
      });
      await viewportAtRest(page);
      return { page, context, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
    },
  };
}
