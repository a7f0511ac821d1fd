import { describe, expect, it } from 'vitest';
import { ApiFailure, dispatchCall, type ApiHandlers } from '../../../../src-main/api/index.js';
import { CALL_SCHEMAS } from '../../../../src-shared/ipc/contract.js';
import { errorOf, makeApiFixture, valueOf } from './api-fixture.js';

describe('dispatchCall', () => {
  it('implements every call in the contract', async () => {
    const f = await makeApiFixture();
    expect(Object.keys(f.api).sort()).toEqual(Object.keys(CALL_SCHEMAS).sort());
  });

  it('answers app:info with the mode, version and roots', async () => {
    const f = await makeApiFixture();
    expect(valueOf(await f.call('app:info', {}))).toEqual({ version: '9.9.9', mode: 'browser', platform: process.platform, roots: [f.root] });
  });

  it('rejects unknown calls and requests that fail the schema, naming the path', async () => {
    const f = await makeApiFixture();
    expect(errorOf(await f.call('nope:call' as never, {}))).toEqual({ code: 'BAD_REQUEST', message: 'unknown call "nope:call"' });
    const bad = errorOf(await f.call('templates:open', { id: '../etc/passwd' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/^templates:open: id: /);
    const nested = errorOf(await f.call('files:list', { extensions: ['json', 3] }));
    expect(nested.message).toMatch(/^files:list: extensions\[1\]: /);
    expect(errorOf(await f.call('project:open', null as never)).message).toMatch(/^project:open: \(root\): /);
  });

  it('treats a missing request body as {}', async () => {
    const f = await makeApiFixture();
    expect(valueOf(await f.call('templates:list', undefined as never)).length).toBeGreaterThan(0);
  });

  it('maps unknown errors to a short INTERNAL message and logs the stack', async () => {
    const f = await makeApiFixture();
    const logs: string[] = [];
    const api = { ...f.api, 'app:info': async () => Promise.reject(new TypeError('x is undefined\n    at secret (/src/file.ts:1:1)')) } as ApiHandlers;
    const error = errorOf(await dispatchCall(api, 'app:info', {}, (l) => logs.push(l)));
    expect(error).toEqual({ code: 'INTERNAL', message: 'internal error in app:info: x is undefined' });
    expect(logs.join('\n')).toMatch(/TypeError/);
  });

  it('passes ApiFailure codes through and maps errno codes', async () => {
    const f = await makeApiFixture();
    const failing = (e: unknown) => ({ ...f.api, 'project:recent': async () => Promise.reject(e) }) as ApiHandlers;
    expect(errorOf(await dispatchCall(failing(new ApiFailure('FORBIDDEN', 'no')), 'project:recent', {}))).toEqual({ code: 'FORBIDDEN', message: 'no' });
    const enoent = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: '/x/y' });
    expect(errorOf(await dispatchCall(failing(enoent), 'project:recent', {}))).toEqual({ code: 'NOT_FOUND', message: 'no such file or folder: /x/y' });
    const eacces = Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/x' });
    expect(errorOf(await dispatchCall(failing(eacces), 'project:recent', {}))).toEqual({ code: 'IO', message: 'permission denied: /x' });
  });

  it('answers dialogs as unsupported without a dialog provider', async () => {
    const f = await makeApiFixture();
    expect(valueOf(await f.call('dialog:open', { kind: 'project' }))).toEqual({ canceled: true, unsupported: true });
    expect(valueOf(await f.call('dialog:save', { defaultName: 'x.nwproj' }))).toEqual({ canceled: true, unsupported: true });
  });

  it('forwards the app:* window calls to the window hooks', async () => {
    const seen: string[] = [];
    const f = await makeApiFixture({
      window: { ready: () => seen.push('ready'), setDirty: (d) => seen.push(`dirty:${d}`), confirmClose: (p) => seen.push(`close:${p}`) },
    });
    valueOf(await f.call('app:ready', {}));
    valueOf(await f.call('app:setDirty', { dirty: true }));
    valueOf(await f.call('app:confirmClose', { proceed: false }));
    expect(seen).toEqual(['ready', 'dirty:true', 'close:false']);
    expect(errorOf(await f.call('app:setDirty', { dirty: 'yes' })).code).toBe('BAD_REQUEST');
  });
});
