/**
 * Which pages may use the API over IPC: our renderer on app://netwright, or (development only)
 * the Vite dev server's origin. Everything else — a navigated-away page, an iframe, a data: URL —
 * is refused before any request is read.
 */
import { APP_HOST, APP_SCHEME } from './channels.js';

/** Tells whether a frame URL belongs to our renderer. */
export function isTrustedSenderUrl(url: string | null | undefined, devServerUrl?: string | null): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  // Node and Chromium give non-special schemes an opaque ("null") origin: compare parts instead.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '') return true;
  const dev = parseUrl(devServerUrl);
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

function parseUrl(url: string | null | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
