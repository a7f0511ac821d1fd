import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startShell } from '../../../../src-main/electron/shell.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../../src-main/electron/channels.js';
import { createFakeElectron, FakeUtilityProcess, FakeWebContents, FakeWindow } from './fake-electron.js';

const appRoot = fileURLToPath(new URL('../../../../', import.meta.url));
let userData = '';
const savedEnv = process.env.NETWRIGHT_USER_DATA;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'netwright-shell-'));
  process.env.NETWRIGHT_USER_DATA = userData;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.NETWRIGHT_USER_DATA;
  else process.env.NETWRIGHT_USER_DATA = savedEnv;
});

async function launch() {
  const fake = createFakeElectron();
  startShell(fake.electron as never, { preloadPath: '/app/dist/main/preload.cjs', appRoot, devServerUrl: null, trainerEntry: '/app/dist/main/trainer-main.js' });
  return fake;
}

function events(contents: FakeWebContents) {
  return contents.sent.filter(([c]) => c === EVENT_CHANNEL).map(([, m]) => m);
}

describe('Electron shell wiring (fake Electron)', () => {
  it('registers app:// as privileged and points userData at the shared folder before ready', async () => {
    const fake = await launch();
    expect(fake.record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.app.paths.userData).toBe(userData);
    expect(FakeWindow.all).toHaveLength(0);
  });

  it('opens one hardened window on app://netwright with the menu and the API', async () => {
    const fake = await launch();
    await fake.ready();
    const [win] = FakeWindow.all;
    expect(win!.options.webPreferences).toMatchObject({ preload: '/app/dist/main/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win!.webContents.url).toBe('app://netwright/index.html');
    expect(fake.record.menus).toHaveLength(1);
    expect(fake.record.protocolHandlers.has('app')).toBe(true);
    const call = fake.record.ipcHandlers.get(CALL_CHANNEL)!;
    expect(await call({ senderFrame: { url: 'app://netwright/index.html' } }, 'app:info', {})).toMatchObject({ ok: true, value: { mode: 'electron', version: '0.1.0' } });
    expect(await call({ senderFrame: { url: 'https://evil.example.com/' } }, 'app:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const templates = (await call({ senderFrame: { url: 'app://netwright/index.html' } }, 'templates:list', {})) as { value: unknown[] };
    expect(templates.value).toHaveLength(5);
    const denied: boolean[] = [];
    fake.record.permissionRequest!(win!.webContents, 'geolocation', (g) => denied.push(g));
    fake.record.permissionRequest!(win!.webContents, 'clipboard-sanitized-write', (g) => denied.push(g));
    expect(denied).toEqual([false, true]);
  });

  it('blocks navigation away from the app and every new window', async () => {
    const fake = await launch();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    let prevented = 0;
    contents.emit('will-navigate', { url: 'https://evil.example.com/', preventDefault: () => prevented++ });
    contents.emit('will-navigate', { url: 'app://netwright/index.html', preventDefault: () => prevented++ });
    contents.emit('will-redirect', { url: 'http://evil.example.com/', preventDefault: () => prevented++ });
    expect(prevented).toBe(2);
    expect(contents.openHandler!({ url: 'https://example.com/docs' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://netwright/index.html' })).toEqual({ action: 'deny' });
  });

  it('sends menu actions to the renderer', async () => {
    const fake = await launch();
    await fake.ready();
    const menu = fake.record.menus[0] as Array<{ label?: string; submenu?: Array<{ label?: string; click?: () => void }> }>;
    menu.find((m) => m.label === 'File')!.submenu!.find((i) => i.label === 'Save')!.click!();
    expect(events(FakeWindow.all[0]!.webContents)).toEqual([{ event: 'menu:action', payload: { action: 'file.save' } }]);
  });

  it('queues projects from the OS until the renderer is ready', async () => {
    const fake = await launch();
    fake.app.emit('open-file', { preventDefault: () => {} }, '/docs/a.nwproj');
    await fake.ready();
    const win = FakeWindow.all[0]!;
    expect(events(win.webContents)).toEqual([]);
    await fake.record.ipcHandlers.get(CALL_CHANNEL)!({ senderFrame: { url: 'app://netwright/index.html' } }, 'app:ready', {});
    fake.app.emit('second-instance', {}, ['/opt/netwright', 'b.nwproj'], '/home/u');
    expect(events(win.webContents)).toEqual([
      { event: 'project:openRequested', payload: { path: '/docs/a.nwproj' } },
      { event: 'project:openRequested', payload: { path: '/home/u/b.nwproj' } },
    ]);
  });

  it('asks the renderer before closing a dirty window and closes on its answer', async () => {
    const fake = await launch();
    await fake.ready();
    const win = FakeWindow.all[0]!;
    const call = (name: string, request: unknown) => fake.record.ipcHandlers.get(CALL_CHANNEL)!({ senderFrame: { url: 'app://netwright/index.html' } }, name, request);
    await call('app:setDirty', { dirty: true });
    expect(win.documentEdited).toBe(true);
    win.close();
    expect(win.closed).toBe(false);
    expect(events(win.webContents)).toEqual([{ event: 'app:closeRequested', payload: {} }]);
    await call('app:confirmClose', { proceed: false });
    expect(win.closed).toBe(false);
    win.close();
    await call('app:confirmClose', { proceed: true });
    expect(win.closed).toBe(true);
  });

  it('trains in a utilityProcess of the built trainer entry and sends its events to the window', async () => {
    const fake = await launch();
    await fake.ready();
    const win = FakeWindow.all[0]!;
    const call = (name: string, request: unknown) => fake.record.ipcHandlers.get(CALL_CHANNEL)!({ senderFrame: { url: 'app://netwright/index.html' } }, name, request);
    const doc = JSON.parse(await readFile(path.join(appRoot, 'assets', 'templates', 'mlp-mnist.nwproj'), 'utf8')) as unknown;
    const started = (await call('training:start', { doc, projectPath: null })) as { ok: boolean; value: { runId: string; runDir: string } };
    expect(started.ok).toBe(true);
    expect(started.value.runDir).toBe(path.join(userData, 'runs', started.value.runId));
    for (let i = 0; i < 100 && events(win.webContents).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(FakeUtilityProcess.all.map((p) => p.modulePath)).toEqual(['/app/dist/main/trainer-main.js']);
    expect(FakeUtilityProcess.all[0]!.received[0]).toMatchObject({ type: 'start', runId: started.value.runId, outDir: started.value.runDir });
    expect(events(win.webContents)).toEqual([{ event: 'training:event', payload: expect.objectContaining({ type: 'finished', runId: started.value.runId }) }]);
  });

  it('opens folders with shell.openPath', async () => {
    const fake = await launch();
    await fake.ready();
    const call = (name: string, request: unknown) => fake.record.ipcHandlers.get(CALL_CHANNEL)!({ senderFrame: { url: 'app://netwright/index.html' } }, name, request);
    expect(await call('shell:openPath', { path: userData })).toEqual({ ok: true, value: {} });
    expect(fake.record.openedPaths).toEqual([userData]);
  });
});
