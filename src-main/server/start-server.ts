/**
 * Browser mode's server: the built renderer as static files, `POST /api/call/<name>` for the
 * API (JSON request in, CallResult envelope out) and a WebSocket at `/api/events`. Binds to
 * 127.0.0.1 unless told otherwise; every API request needs the per-launch token.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiError, EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import { dispatchCall, type Logger } from '../api/dispatch.js';
import type { ApiHandlers } from '../api/create-api.js';
import { attachEventSocket } from './event-socket.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { BASE_HEADERS, buildCsp, createToken, isAllowedHost, isWildcardHost, matchesToken, readBearer } from './security.js';
import { cacheControlFor, contentTypeFor, resolveStaticFile } from './static-files.js';

/** Room for `model:import` text (50 MB in the contract) plus JSON escaping. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;
const CALL_PREFIX = '/api/call/';

export interface ServerOptions {
  api: ApiHandlers;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Fixed token (tests); otherwise a fresh random one. */
  token?: string;
  maxBodyBytes?: number;
  log?: Logger;
}

export interface RunningServer {
  /** The page URL, token included: what the user opens. */
  url: string;
  token: string;
  port: number;
  host: string;
  address(): AddressInfo;
  broadcast<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  close(): Promise<void>;
}

/** Starts listening; resolves once the port is bound (rejects with EADDRINUSE etc.). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? createToken();
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  const server = http.createServer((req, res) => {
    handleRequest(req, res, { ...options, host, token, limit, log }).catch((error) => {
      log(`netwright serve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { code: 'INTERNAL', message: 'internal server error' });
      else res.destroy();
    });
  });
  const events = attachEventSocket(server, { token, host });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const urlHost = isWildcardHost(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}/?token=${token}`,
    token,
    port: address.port,
    host,
    address: () => server.address() as AddressInfo,
    broadcast: (event, payload) => events.broadcast(event, payload),
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

interface RequestContext extends ServerOptions {
  host: string;
  token: string;
  limit: number;
  log: Logger;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  for (const [name, value] of Object.entries(BASE_HEADERS)) res.setHeader(name, value);
  if (!isAllowedHost(req.headers.host, ctx.host)) return sendText(res, 403, 'forbidden: unexpected Host header');
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (pathname.startsWith('/api/')) return handleApi(req, res, pathname, ctx);
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
  return serveStatic(req, res, pathname, ctx);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: RequestContext): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (!pathname.startsWith(CALL_PREFIX)) return sendJson(res, 404, { code: 'NOT_FOUND', message: `no API route ${pathname}` });
  if (req.method !== 'POST') return sendJson(res, 405, { code: 'BAD_REQUEST', message: 'API calls are POST requests' });
  if (!matchesToken(readBearer(req.headers.authorization), ctx.token)) {
    req.resume();
    return sendJson(res, 401, { code: 'FORBIDDEN', message: 'missing or wrong token: open the URL netwright serve printed' });
  }
  let body: string;
  try {
    body = await readBody(req, ctx.limit);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendJson(res, 413, { code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
  let request: unknown;
  try {
    request = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, 400, { code: 'BAD_REQUEST', message: 'the request body is not valid JSON' });
  }
  const name = safeDecode(pathname.slice(CALL_PREFIX.length));
  const result = await dispatchCall(ctx.api, name, request, ctx.log);
  sendBody(res, 200, 'application/json; charset=utf-8', JSON.stringify(result));
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string, ctx: RequestContext): Promise<void> {
  const file = resolveStaticFile(ctx.staticDir, pathname);
  const info = file ? await stat(file).catch(() => null) : null;
  if (!file || !info?.isFile()) return sendText(res, 404, 'not found');
  const type = contentTypeFor(file);
  res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', info.size);
  res.setHeader('Cache-Control', cacheControlFor(ctx.staticDir, file));
  if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', buildCsp(req.headers.host ?? null));
  res.writeHead(200);
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** API failures outside dispatch still use the CallResult envelope, so clients parse one shape. */
function sendJson(res: ServerResponse, status: number, error: ApiError): void {
  if (status >= 400 && status !== 401) res.setHeader('Connection', 'close');
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error }));
}

function sendText(res: ServerResponse, status: number, text: string): void {
  sendBody(res, status, 'text/plain; charset=utf-8', `${text}\n`);
}

function sendBody(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
