/**
 * Browser mode's locks, checked from outside as an attacker would try them: the API without the
 * token, a DNS-rebinding Host, the event socket without the token, and the address it listens
 * on. The HTTP checks need no browser; the last one asks a real page, so it needs Chromium.
 */
import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { browserSkipReason, CHROMIUM_ARGS, CHROMIUM_PATH, startAppServer, type AppServer } from './support/browser-mode.js';
import { chromium } from 'playwright-core';

/** A raw request, so the test controls every header (fetch would not let it set Host). */
function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; host?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: opts.host ?? '127.0.0.1', port, method: opts.method ?? 'POST', path: opts.path, headers: opts.headers ?? {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.method === 'GET' ? undefined : '{}');
  });
}

/** The status a WebSocket upgrade gets (101 when it opens). */
function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(0));
  });
}

describe('browser mode security', () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer();
  });
  afterAll(async () => app?.close());

  it('answers /api/call only with the token: none, a wrong one or one in the query string get 401', async () => {
    const { port, token } = app.server;
    const bad: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer not-the-token' },
      { Authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` },
    ];
    for (const headers of bad) {
      const res = await request(port, { path: '/api/call/app:info', headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
    const inQuery = await request(port, { path: `/api/call/files:list?token=${token}` });
    expect(inQuery.status).toBe(401);

    const ok = await request(port, { path: '/api/call/app:info', headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('refuses a DNS-rebinding Host header even with the token, and the event socket without the token', async () => {
    const { port, token } = app.server;
    const rebound = await request(port, {
      path: '/api/call/app:info',
      headers: { Authorization: `Bearer ${token}`, Host: `evil.example:${port}` },
    });
    expect(rebound.status).toBe(403);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/api/events`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/api/events?token=wrong`)).toBe(401);
    expect(await upgradeStatus(`ws://127.0.0.1:${port}/api/events?token=${token}`)).toBe(101);
  });

  it('listens on 127.0.0.1 only by default', async () => {
    expect(app.server.host).toBe('127.0.0.1');
    expect(app.server.address().address).toBe('127.0.0.1');
    expect(new URL(app.server.url).hostname).toBe('127.0.0.1');
    // Another address of this machine reaches nothing (where the machine has one).
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) {
      await expect(request(app.server.port, { path: '/api/call/app:info', host: external.address })).rejects.toMatchObject({
        code: 'ECONNREFUSED',
      });
    } else {
      console.log('browser-mode-security: no non-loopback IPv4 address here; checked the bound address only');
    }
  });

  const skip = browserSkipReason('browser-mode-security');
  it.skipIf(skip !== null)(
    `a page's own fetch without the token is refused, while the app's calls work${skip ? ` [skipped: ${skip}]` : ''}`,
    async () => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        await page.goto(app.server.url);
        await page.getByRole('button', { name: 'Add Dense layer' }).waitFor();
        const status = await page.evaluate(async () => (await fetch('/api/call/app:info', { method: 'POST', body: '{}' })).status);
        expect(status).toBe(401);
        // The page loaded its first template through the token-carrying host: the API works for it.
        expect(await page.getByRole('group', { name: /^Dense layer hidden,/ }).count()).toBe(1);
      } finally {
        await browser.close();
      }
    },
  );
});
