import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { callApi, INDEX_HTML, rawRequest, startTestServer, type ServerFixture } from './server-fixture.js';

let fixture: ServerFixture | null = null;
afterEach(async () => {
  await fixture?.server.close();
  fixture = null;
});

async function start(overrides = {}) {
  fixture = await startTestServer(overrides);
  return fixture;
}

describe('startServer', () => {
  it('listens on 127.0.0.1 only by default, on a free port, with a random token in the URL', async () => {
    const { server } = await start();
    expect(server.address().address).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    const other = await startTestServer();
    expect(other.server.token).not.toBe(server.token);
    await other.server.close();
  });

  it('answers API calls with the CallResult envelope when the token is right', async () => {
    const { server, root } = await start();
    const info = await callApi(server, 'app:info', {});
    expect(info.status).toBe(200);
    expect(info.json).toMatchObject({ ok: true, value: { mode: 'browser', roots: [root] } });
    const templates = await callApi(server, 'templates:list', {});
    expect((templates.json as { value: unknown[] }).value).toHaveLength(5);
    const bad = await callApi(server, 'templates:open', { id: 'NOPE!' });
    expect(bad).toMatchObject({ status: 200, json: { ok: false, error: { code: 'BAD_REQUEST' } } });
  });

  it('refuses API calls without the token or with a wrong one (401, envelope body)', async () => {
    const { server } = await start();
    const missing = await rawRequest(server.port, { method: 'POST', path: '/api/call/app:info', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Change the last character (to something it is not), keeping the length.
    const wrong = await callApi(server, 'app:info', {}, `${server.token.slice(0, -1)}${server.token.endsWith('x') ? 'y' : 'x'}`);
    expect(wrong.status).toBe(401);
    const query = await rawRequest(server.port, { method: 'POST', path: `/api/call/app:info?token=${server.token}`, body: '{}' });
    expect(query.status).toBe(401);
  });

  it('rejects other methods, unknown API routes, bad JSON and oversized bodies', async () => {
    const { server } = await start({ maxBodyBytes: 1000 });
    const auth = { Authorization: `Bearer ${server.token}` };
    expect((await rawRequest(server.port, { path: '/api/call/app:info', headers: auth })).status).toBe(405);
    expect((await rawRequest(server.port, { method: 'POST', path: '/api/other', headers: auth })).status).toBe(404);
    const badJson = await rawRequest(server.port, { method: 'POST', path: '/api/call/app:info', headers: auth, body: '{nope' });
    expect([badJson.status, JSON.parse(badJson.body).error.code]).toEqual([400, 'BAD_REQUEST']);
    const big = await rawRequest(server.port, { method: 'POST', path: '/api/call/model:import', headers: auth, body: JSON.stringify({ text: 'x'.repeat(5000), fileName: 'm.json' }) });
    expect(big.status).toBe(413);
    const empty = await rawRequest(server.port, { method: 'POST', path: '/api/call/app:info', headers: auth });
    expect(JSON.parse(empty.body).ok).toBe(true);
  });

  it('blocks DNS rebinding: a foreign Host header gets 403 on pages and API', async () => {
    const { server } = await start();
    for (const host of ['evil.example.com', `evil.example.com:${server.port}`, 'localhost.evil.com', '127.0.0.1.nip.io']) {
      const page = await rawRequest(server.port, { path: '/', headers: { Host: host } });
      expect([host, page.status]).toEqual([host, 403]);
    }
    const api = await rawRequest(server.port, { method: 'POST', path: '/api/call/app:info', headers: { Host: 'evil.example.com', Authorization: `Bearer ${server.token}` }, body: '{}' });
    expect(api.status).toBe(403);
    for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, 'localhost:9000']) {
      expect([host, (await rawRequest(server.port, { path: '/', headers: { Host: host } })).status]).toEqual([host, 200]);
    }
  });

  it('serves the renderer with a strict CSP on HTML, no CORS, and no files outside its folder', async () => {
    const { server } = await start();
    const page = await rawRequest(server.port, { path: `/?token=${server.token}`, headers: { Origin: 'http://evil.example.com' } });
    expect(page.status).toBe(200);
    expect(page.body).toBe(INDEX_HTML);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-store');
    const script = await rawRequest(server.port, { path: '/assets/app-1234.js' });
    expect([script.status, script.headers['content-type'], script.headers['content-security-policy']]).toEqual([200, 'text/javascript; charset=utf-8', undefined]);
    expect(script.headers['cache-control']).toContain('immutable');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/missing.js', '/%00']) {
      expect([p, (await rawRequest(server.port, { path: p })).status]).toEqual([p, 404]);
    }
    expect((await rawRequest(server.port, { method: 'DELETE', path: '/' })).status).toBe(405);
    const preflight = await rawRequest(server.port, { method: 'OPTIONS', path: '/api/call/app:info', headers: { Origin: 'http://evil.example.com' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('events WebSocket', () => {
  function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  it('delivers broadcasts to a client that has the token', async () => {
    const { server } = await start();
    const ws = await connect(`ws://127.0.0.1:${server.port}/api/events?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port}` });
    const message = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    server.broadcast('menu:action', { action: 'file.save' });
    expect(await message).toEqual({ event: 'menu:action', payload: { action: 'file.save' } });
    ws.close();
  });

  it('refuses upgrades without the token, with a wrong one, from a foreign origin or host, or on another path', async () => {
    const { server } = await start();
    const base = `ws://127.0.0.1:${server.port}`;
    await expect(connect(`${base}/api/events`)).rejects.toThrow('status 401');
    await expect(connect(`${base}/api/events?token=wrong`)).rejects.toThrow('status 401');
    await expect(connect(`${base}/api/events?token=${server.token}`, { Origin: 'http://evil.example.com' })).rejects.toThrow('status 403');
    await expect(connect(`${base}/api/events?token=${server.token}`, { Host: 'evil.example.com' })).rejects.toThrow('status 403');
    await expect(connect(`${base}/elsewhere?token=${server.token}`)).rejects.toThrow('status 404');
  });

  it('closes connected clients when the server closes', async () => {
    const { server } = await start();
    const ws = await connect(`ws://127.0.0.1:${server.port}/api/events?token=${server.token}`);
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await server.close();
    fixture = null;
    await closed;
  });
});
