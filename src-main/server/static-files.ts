/**
 * Maps request paths to files of the built renderer (dist/renderer), refusing anything that
 * would leave that folder. Shared by browser mode's HTTP server and Electron's app:// protocol.
 */
import path from 'node:path';
import { isInside } from '../api/path-policy.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The file for URL path `urlPath` (`/` is index.html), or null when it would escape `root`. */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  return isInside(path.resolve(root), file) && file !== path.resolve(root) ? file : null;
}

/** The Content-Type for a file name (octet-stream when unknown, so nothing is sniffed). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Vite's hashed build assets never change under one name; everything else is revalidated. */
export function cacheControlFor(root: string, file: string): string {
  if (file.endsWith('.html')) return 'no-store';
  return isInside(path.join(path.resolve(root), 'assets'), file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
