import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, createUnrestrictedPolicy } from '../../../../src-main/api/index.js';
import { handleAppRequest } from '../../../../src-main/electron/app-protocol.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../../src-main/electron/channels.js';
import { createNativeDialogs } from '../../../../src-main/electron/dialogs.js';
import { registerApiIpc, sendEvent, type IpcMainLike, type InvokeEventLike } from '../../../../src-main/electron/ipc.js';
import { isTrustedSenderUrl } from '../../../../src-main/electron/sender-check.js';

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) };
  const invoke = (url: string | null, ...args: unknown[]) => handlers.get(CALL_CHANNEL)!({ senderFrame: url === null ? null : { url } }, ...args);
  return { ipc, handlers, invoke };
}

describe('IPC', () => {
  it('dispatches calls from our pages and refuses other senders before reading the request', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'netwright-ipc-'));
    const api = createApi({ mode: 'electron', version: '1.0.0', userDataDir: dir, paths: createUnrestrictedPolicy() });
    const { ipc, handlers, invoke } = fakeIpcMain();
    const logs: string[] = [];
    const dispose = registerApiIpc(ipc, api, (url) => isTrustedSenderUrl(url), (l) => logs.push(l));
    expect(await invoke('app://netwright/index.html', 'app:info', {})).toMatchObject({ ok: true, value: { mode: 'electron', roots: [] } });
    expect(await invoke('app://netwright/index.html', 'templates:open', { id: 'x/y' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await invoke('app://netwright/index.html', 42, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    for (const url of ['https://evil.example.com/', 'file:///etc/passwd', null]) {
      expect(await invoke(url, 'app:info', {})).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'this page may not use the Netwright API' } });
    }
    expect(logs).toHaveLength(3);
    dispose();
    expect(handlers.size).toBe(0);
  });

  it('sends events on the event channel, and drops them once the window is gone', () => {
    const sent: unknown[] = [];
    let destroyed = false;
    const target = { isDestroyed: () => destroyed, send: (channel: string, message: unknown) => sent.push([channel, message]) };
    sendEvent(target, 'menu:action', { action: 'edit.undo' });
    destroyed = true;
    sendEvent(target, 'menu:action', { action: 'edit.redo' });
    sendEvent(null, 'app:closeRequested', {});
    expect(sent).toEqual([[EVENT_CHANNEL, { event: 'menu:action', payload: { action: 'edit.undo' } }]]);
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with the CSP and nothing outside it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'netwright-proto-'));
    const rendererDir = path.join(dir, 'renderer');
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
    await writeFile(path.join(rendererDir, 'assets', 'a.js'), 'x');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    const page = await handleAppRequest({ url: 'app://netwright/index.html', method: 'GET' }, rendererDir);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html>');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;.*connect-src 'self';/);
    const script = await handleAppRequest({ url: 'app://netwright/assets/a.js', method: 'GET' }, rendererDir);
    expect([script.status, script.headers.get('content-type'), script.headers.get('content-security-policy')]).toEqual([200, 'text/javascript; charset=utf-8', null]);
    for (const url of ['app://netwright/../secret.txt', 'app://netwright/%2e%2e/secret.txt', 'app://other/index.html', 'app://netwright/missing.js']) {
      expect([url, (await handleAppRequest({ url, method: 'GET' }, rendererDir)).status]).toEqual([url, 404]);
    }
    expect((await handleAppRequest({ url: 'app://netwright/index.html', method: 'POST' }, rendererDir)).status).toBe(405);
  });
});

describe('native dialogs', () => {
  it('maps dialog kinds to filters and answers with the chosen path', async () => {
    const calls: unknown[] = [];
    const dialogs = createNativeDialogs(
      {
        showOpenDialog: async (_w: string, options) => (calls.push(options), { canceled: false, filePaths: ['/p/x.nwproj'] }),
        showSaveDialog: async (_w: string, options) => (calls.push(options), { canceled: true }),
      },
      () => 'window',
    );
    expect(await dialogs.open('project')).toEqual({ canceled: false, path: '/p/x.nwproj' });
    expect(await dialogs.open('folder')).toEqual({ canceled: false, path: '/p/x.nwproj' });
    expect(await dialogs.save('My net')).toEqual({ canceled: true });
    expect(calls).toEqual([
      expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'Netwright project', extensions: ['nwproj'] }] }),
      expect.objectContaining({ properties: ['openDirectory'] }),
      expect.objectContaining({ defaultPath: 'My net.nwproj' }),
    ]);
  });
});
