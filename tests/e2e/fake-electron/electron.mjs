/* global process, console */
// A stand-in for Electron's main-process API, just enough for dist/main/main.js to start. When
// the window loads, it exercises the app:// protocol and the IPC handler the way the renderer
// would, prints one JSON report line, and exits.
import { EventEmitter } from 'node:events';

const ipcHandlers = new Map();
const protocolHandlers = new Map();
const report = { schemes: [], menu: [], webPreferences: null };

class FakeWebContents extends EventEmitter {
  url = '';
  send() {}
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler() {}
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.webContents = new FakeWebContents();
    report.webPreferences = options.webPreferences;
  }
  async loadURL(url) {
    this.webContents.url = url;
    report.url = url;
    const page = await protocolHandlers.get('app')({ url, method: 'GET' });
    report.page = { status: page.status, csp: page.headers.get('content-security-policy') };
    const call = (name, request, senderUrl = url) => ipcHandlers.get('netwright:call')({ senderFrame: { url: senderUrl } }, name, request);
    report.info = await call('app:info', {});
    report.templates = await call('templates:list', {});
    report.untrusted = await call('app:info', {}, 'https://evil.example.com/');
    console.log(JSON.stringify(report));
    process.exit(0);
  }
  maximize() {}
  show() {}
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  setPath() {},
  getPath: () => process.cwd(),
  getVersion: () => '0.0.0-test',
  getAppPath: () => process.cwd(),
  requestSingleInstanceLock: () => true,
  quit() {},
  exit: (code) => process.exit(code),
  isReady: () => true,
  whenReady: async () => {},
});
export const Menu = { buildFromTemplate: (t) => t, setApplicationMenu: (m) => (report.menu = m.map((item) => item.label ?? item.role)) };
export const dialog = {
  showErrorBox: (title, message) => {
    console.log(JSON.stringify({ error: `${title}: ${message}` }));
    process.exit(1);
  },
};
export const ipcMain = { handle: (channel, handler) => ipcHandlers.set(channel, handler), removeHandler() {} };
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => report.schemes.push(...schemes),
  handle: (scheme, handler) => protocolHandlers.set(scheme, handler),
};
export const screen = { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [] };
export const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } };
export const shell = {};
export default { app, BrowserWindow, Menu, dialog, ipcMain, protocol, screen, session, shell };
