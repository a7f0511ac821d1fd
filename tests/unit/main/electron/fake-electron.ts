/**
 * Just enough of Electron's main-process API, recorded, to run the shell's wiring in plain
 * Node (there is no Electron binary here). Only what shell.ts touches exists.
 */
import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  url = '';
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  isDestroyed = () => this.destroyed;
  send = (channel: string, message: unknown) => void this.sent.push([channel, message]);
  getURL = () => this.url;
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => void (this.openHandler = handler);
}

export class FakeWindow extends EventEmitter {
  static all: FakeWindow[] = [];
  webContents = new FakeWebContents();
  closed = false;
  documentEdited = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeWindow.all.push(this);
  }
  loadURL = async (url: string) => {
    this.webContents.url = url;
  };
  maximize = () => {};
  show = () => {};
  isMinimized = () => false;
  restore = () => {};
  focus = () => {};
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 900, height: 700 });
  setDocumentEdited = (edited: boolean) => void (this.documentEdited = edited);
  /** Like BrowserWindow.close(): emits a preventable 'close', then 'closed'. */
  close = () => {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.closed = true;
    this.emit('closed');
  };
}

/**
 * A utilityProcess running a pretend trainer: it says ready, and answers a start command with a
 * finished run (enough to follow the shell's event plumbing without tfjs).
 */
export class FakeUtilityProcess extends EventEmitter {
  static all: FakeUtilityProcess[] = [];
  readonly pid = 4242;
  readonly stderr = null;
  received: unknown[] = [];
  constructor(
    readonly modulePath: string,
    readonly options: Record<string, unknown> | undefined,
  ) {
    super();
    FakeUtilityProcess.all.push(this);
    setImmediate(() => this.emit('message', { type: 'ready', pid: this.pid }));
  }
  postMessage = (message: unknown) => {
    this.received.push(message);
    const command = message as { type: string; runId?: string; outDir?: string };
    if (command.type !== 'start') return;
    setImmediate(() => {
      this.emit('message', { type: 'finished', runId: command.runId, reason: 'completed', history: [], bestEpoch: null, test: null, seconds: 0, outDir: command.outDir ?? null });
      this.emit('exit', 0);
    });
  };
  kill = () => (this.emit('exit', 1), true);
}

/** A fresh fake; `ready()` resolves whenReady and waits for the shell's async startup. */
export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    paths: {} as Record<string, string>,
    quitCalls: 0,
    readyResolve: (() => {}) as () => void,
    setPath(name: string, value: string) {
      app.paths[name] = value;
    },
    getPath: (name: string) => app.paths[name] ?? '/home/test',
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => true,
    quit: () => void app.quitCalls++,
    exit: () => {},
    isReady: (): boolean => false,
    whenReady: () => new Promise<void>((resolve) => (app.readyResolve = resolve)),
  });
  const record = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    menus: [] as unknown[],
    ipcHandlers: new Map<string, (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => Promise<unknown>>(),
    permissionRequest: null as null | ((contents: FakeWebContents, permission: string, callback: (granted: boolean) => void) => void),
    openedPaths: [] as string[],
  };
  FakeWindow.all = [];
  FakeUtilityProcess.all = [];
  const display = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void record.menus.push(m) },
    dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }), showErrorBox: (title: string, message: string) => { throw new Error(`${title}: ${message}`); } },
    ipcMain: { handle: (channel: string, listener: never) => void record.ipcHandlers.set(channel, listener), removeHandler: (channel: string) => void record.ipcHandlers.delete(channel) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: never) => void record.protocolHandlers.set(scheme, handler),
    },
    screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
    session: { defaultSession: { setPermissionRequestHandler: (h: never) => void (record.permissionRequest = h), setPermissionCheckHandler: () => {} } },
    shell: { openExternal: async () => {}, openPath: async (p: string) => (record.openedPaths.push(p), '') },
    utilityProcess: { fork: (modulePath: string, _args?: string[], options?: Record<string, unknown>) => new FakeUtilityProcess(modulePath, options) },
  };
  return {
    electron,
    app,
    record,
    async ready() {
      app.isReady = () => true;
      app.readyResolve();
      for (let i = 0; i < 50 && FakeWindow.all.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 10));
    },
  };
}
