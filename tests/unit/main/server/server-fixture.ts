/** A browser-mode server over a temp workspace and a fake renderer build, on a free port. */
import http from 'node:http';
import { mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBrowserApi } from '../../../../src-main/server/browser-api.js';
import { startServer, type RunningServer, type ServerOptions } from '../../../../src-main/server/start-server.js';

export const INDEX_HTML = '<!doctype html><html><head><title>Netwright</title></head><body><script type="module" src="./assets/app-1234.js"></script></body></html>';

export interface ServerFixture {
  server: RunningServer;
  base: string;
  root: string;
  staticDir: string;
  logs: string[];
}

export async function startTestServer(overrides: Partial<ServerOptions> = {}): Promise<ServerFixture> {
  const base = await realpath(await mkdtemp(path.join(tmpdir(), 'netwright-server-')));
  const root = path.join(base, 'work');
  const staticDir = path.join(base, 'renderer');
  await mkdir(root);
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log("app");\n');
  await writeFile(path.join(base, 'secret.txt'), 'secret');
  const logs: string[] = [];
  const api = await createBrowserApi({ cwd: root, userDataDir: path.join(base, 'user-data') });
  const server = await startServer({ api, staticDir, port: 0, log: (l) => logs.push(l), ...overrides });
  return { server, base, root, staticDir, logs };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with full control over headers (fetch forbids setting Host). */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** POST /api/call/<name> the way the renderer's browser adapter does. */
export async function callApi(server: RunningServer, name: string, request: unknown, token = server.token): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  return { status: res.status, json: await res.json() };
}
