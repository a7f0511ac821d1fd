/**
 * Serves app://netwright/<path> from dist/renderer with the CSP header, for Electron's
 * `protocol.handle`. Written against the Fetch API's Request/Response, so it runs in plain Node.
 */
import { readFile } from 'node:fs/promises';
import { buildCsp, BASE_HEADERS } from '../server/security.js';
import { contentTypeFor, resolveStaticFile } from '../server/static-files.js';
import { APP_HOST } from './channels.js';

/** Answers one app:// request. */
export async function handleAppRequest(request: { url: string; method: string }, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return textResponse(404, 'not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'method not allowed');
  const file = resolveStaticFile(rendererDir, url.pathname);
  const body = file ? await readFile(file).catch(() => null) : null;
  if (file === null || body === null) return textResponse(404, 'not found');
  const type = contentTypeFor(file);
  const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = buildCsp(null);
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
