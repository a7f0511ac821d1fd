/**
 * The Electron shell's wiring: one hardened window, the app:// protocol, the API over IPC,
 * native menus and dialogs, file association, window state and the unsaved-changes handshake.
 * Electron arrives as a parameter (only main.ts imports it); every decision lives in the plain
 * modules beside this one, which have their own tests.
 */
import path from 'node:path';
import type { BrowserWindow as BrowserWindowType } from 'electron';
import type { EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import { ApiFailure } from '../api/api-failure.js';
import { createApi } from '../api/create-api.js';
import { createUnrestrictedPolicy } from '../api/path-policy.js';
import { resolveUserDataDir } from '../api/user-data-dir.js';
import { TrainingHost } from '../training/host/training-host.js';
import { utilityProcessSpawner } from '../training/host/utility-process-spawner.js';
import { handleAppRequest } from './app-protocol.js';
import { APP_INDEX_URL, APP_SCHEME } from './channels.js';
import { createCloseGuard } from './close-guard.js';
import { createNativeDialogs } from './dialogs.js';
import { registerApiIpc, sendEvent } from './ipc.js';
import { buildMenuTemplate } from './menu.js';
import { createOpenQueue, findProjectPaths } from './open-requests.js';
import { isTrustedSenderUrl } from './sender-check.js';
import { captureWindowState, fitWindowState, loadWindowState, MIN_SIZE, saveWindowState } from './window-state.js';

type ElectronApi = typeof import('electron');

export interface ShellOptions {
  /** dist/main/preload.cjs */
  preloadPath: string;
  /** The app's root (app.getAppPath()): holds dist/renderer and assets/templates. */
  appRoot: string;
  /** Vite's dev server (development only); null loads app://netwright. */
  devServerUrl: string | null;
  /** The built trainer entry (dist/main/trainer-main.js), run in a utilityProcess per training run. */
  trainerEntry: string;
}

/** Permissions a trusted page may get: the clipboard, for copying and pasting layers. */
const GRANTED_PERMISSIONS = new Set(['clipboard-read', 'clipboard-sanitized-write']);

/** Starts the app. Call once, synchronously, from the main entry (before `ready`). */
export function startShell(electron: ElectronApi, options: ShellOptions): void {
  const { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session, shell, utilityProcess } = electron;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const trusted = (url: string | undefined) => isTrustedSenderUrl(url, options.devServerUrl);
  // One folder for both shells, so the recent list and recovery copy are shared with browser mode.
  const userDataDir = resolveUserDataDir();
  app.setPath('userData', userDataDir);
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // The first instance receives our argv through 'second-instance'.
    return;
  }

  let win: BrowserWindowType | null = null;
  let quitting = false;
  const send = <E extends EventName>(event: E, payload: EventPayloads[E]) => sendEvent(win?.webContents, event, payload);
  const opens = createOpenQueue((p) => send('project:openRequested', { path: p }));
  const guard = createCloseGuard({
    askRenderer: () => send('app:closeRequested', {}),
    closeWindow: () => win?.close(),
    onCancelled: () => {
      quitting = false;
    },
  });
  // One trainer utilityProcess per run: a native TensorFlow abort ends that process, never the app.
  const trainingHost = new TrainingHost(utilityProcessSpawner(utilityProcess, options.trainerEntry));
  const api = createApi({
    mode: 'electron',
    emit: send,
    trainingHost,
    openPath: async (p) => {
      // shell.openPath resolves with an error message ('' on success) rather than rejecting.
      const error = await shell.openPath(p);
      if (error) throw new ApiFailure('IO', `cannot open ${p}: ${error}`);
    },
    version: app.getVersion(),
    userDataDir,
    paths: createUnrestrictedPolicy(app.getPath('home')),
    templatesDir: path.join(options.appRoot, 'assets', 'templates'),
    dialogs: createNativeDialogs(dialog, () => win!),
    window: {
      ready: () => opens.markReady(),
      setDirty: (dirty) => {
        guard.setDirty(dirty);
        win?.setDocumentEdited(dirty);
      },
      confirmClose: (proceed) => guard.confirm(proceed),
    },
    onRecentChanged: () => void refreshMenu(),
  });

  async function refreshMenu(): Promise<void> {
    const [templates, recent] = await Promise.all([api['templates:list']({}).catch(() => []), api['project:recent']({}).catch(() => [])]);
    const template = buildMenuTemplate({
      templates,
      recent,
      platform: process.platform,
      dev: !app.isPackaged,
      sendAction: (action) => send('menu:action', { action }),
      openRecent: (p) => opens.push([p]),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  async function createWindow(): Promise<void> {
    const areas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const state = fitWindowState(await loadWindowState(userDataDir), areas);
    const window = new BrowserWindow({
      ...(state.x !== undefined ? { x: state.x, y: state.y } : {}),
      width: state.width,
      height: state.height,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: 'Netwright',
      webPreferences: { preload: options.preloadPath, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, devTools: !app.isPackaged, spellcheck: false },
    });
    win = window;
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', (event) => {
      if (!guard.shouldClose()) return event.preventDefault();
      void saveWindowState(userDataDir, captureWindowState(window.getNormalBounds(), window.isMaximized()));
    });
    window.on('closed', () => {
      win = null;
      opens.markNotReady();
      guard.reset();
      if (quitting) app.quit();
    });
    window.on('unresponsive', () => guard.releaseRenderer());
    window.webContents.on('render-process-gone', () => guard.releaseRenderer());
    // A (re)loaded page has not subscribed to events or reported dirtiness yet.
    window.webContents.on('did-navigate', () => {
      opens.markNotReady();
      guard.reset();
    });
    await window.loadURL(options.devServerUrl ?? APP_INDEX_URL);
  }

  const focusWindow = () => {
    if (!win) return void (app.isReady() && createWindow().catch(fail));
    if (win.isMinimized()) win.restore();
    win.focus();
  };
  const fail = (error: unknown) => {
    dialog.showErrorBox('Netwright could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  };

  opens.push(findProjectPaths(process.argv.slice(1), process.cwd()));
  app.on('open-file', (event, file) => {
    event.preventDefault();
    opens.push([file]);
    focusWindow();
  });
  app.on('second-instance', (_event, argv, cwd) => {
    opens.push(findProjectPaths(argv.slice(1), cwd));
    focusWindow();
  });
  app.on('web-contents-created', (_event, contents) => {
    // No navigation away from our renderer, no new windows, no <webview>.
    contents.on('will-navigate', (event) => void (trusted(event.url) || event.preventDefault()));
    contents.on('will-redirect', (event) => void (trusted(event.url) || event.preventDefault()));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser; nothing opens inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // A run still training at quit ends now (its trainer would die with the app anyway).
  app.on('will-quit', () => trainingHost.killAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || quitting) app.quit();
  });
  app.on('activate', () => focusWindow());

  app
    .whenReady()
    .then(async () => {
      protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, path.join(options.appRoot, 'dist', 'renderer')));
      session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(GRANTED_PERMISSIONS.has(permission) && trusted(contents.getURL())));
      session.defaultSession.setPermissionCheckHandler((contents, permission) => GRANTED_PERMISSIONS.has(permission) && trusted(contents?.getURL()));
      registerApiIpc(ipcMain, api, trusted, log);
      await refreshMenu();
      await createWindow();
    })
    .catch(fail);
}
