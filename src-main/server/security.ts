/**
 * Browser mode's defences: a per-launch token on every API request, a Host-header check against
 * DNS rebinding, and the Content-Security-Policy the page runs under. No CORS headers are ever
 * sent, so other sites' pages cannot read our responses.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';

/** A fresh secret for one server launch (24 random bytes, URL-safe). */
export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares in constant time, so response timing does not reveal how much of a guess matched. */
export function matchesToken(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function readBearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** True for 0.0.0.0 / :: (listen on every interface). */
export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * Tells whether a request's Host header names this server. A DNS-rebinding page arrives with its
 * own domain name in Host, so only loopback names, the bound host, and (when bound to every
 * interface) IP literals and this machine's name pass. The port is not compared: an SSH tunnel
 * (`ssh -L 9000:localhost:8420`) legitimately arrives with another one.
 */
export function isAllowedHost(hostHeader: string | undefined, boundHost: string): boolean {
  const name = hostnameOf(hostHeader);
  if (name === null) return false;
  if (LOOPBACK_NAMES.has(name) || name === stripBrackets(boundHost.toLowerCase())) return true;
  return isWildcardHost(boundHost) && (net.isIP(name) !== 0 || name === os.hostname().toLowerCase());
}

/** `example.com:80` → `example.com`; `[::1]:80` → `::1`; null when it is not a host. */
export function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader || /[\s/@?#\\]/.test(hostHeader)) return null;
  try {
    return stripBrackets(new URL(`http://${hostHeader}`).hostname.toLowerCase());
  } catch {
    return null;
  }
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * The page's CSP. `connectHost` is the validated Host header, so the WebSocket URL the page
 * builds from `location.host` is allowed even through a tunnel. React Flow positions nodes with
 * inline styles, hence 'unsafe-inline' for styles only; scripts come only from our files.
 */
export function buildCsp(connectHost: string | null): string {
  const connect = ["'self'", ...(connectHost ? [`ws://${connectHost}`] : [])].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers on every response: no sniffing, no referrer (the URL holds the token), no framing. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
