import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { hostnameOf, isAllowedHost, matchesToken, readBearer } from '../../../../src-main/server/security.js';
import { cacheControlFor, resolveStaticFile } from '../../../../src-main/server/static-files.js';

describe('Host check', () => {
  it('accepts loopback names on any port and the bound host', () => {
    for (const h of ['localhost:1', '127.0.0.1:8420', '[::1]:8420', 'LOCALHOST', '127.0.0.1']) expect([h, isAllowedHost(h, '127.0.0.1')]).toEqual([h, true]);
    expect(isAllowedHost('gpubox.lan:8420', 'gpubox.lan')).toBe(true);
    expect(isAllowedHost('gpubox.lan:8420', '127.0.0.1')).toBe(false);
  });

  it('refuses foreign names, missing and malformed headers', () => {
    for (const h of [undefined, '', 'evil.com', 'localhost@evil.com', 'evil.com/x', 'a b', '127.0.0.2']) expect([h, isAllowedHost(h, '127.0.0.1')]).toEqual([h, false]);
  });

  it('on a wildcard bind also accepts IP literals and this machine’s name, never other names', () => {
    expect(isAllowedHost('192.168.1.20:8420', '0.0.0.0')).toBe(true);
    expect(isAllowedHost(`${os.hostname()}:8420`, '0.0.0.0')).toBe(true);
    expect(isAllowedHost('[fe80::1]:8420', '::')).toBe(true);
    expect(isAllowedHost('rebind.evil.com:8420', '0.0.0.0')).toBe(false);
  });

  it('parses host names', () => {
    expect(hostnameOf('[::1]:80')).toBe('::1');
    expect(hostnameOf('Example.COM:80')).toBe('example.com');
    expect(hostnameOf(undefined)).toBeNull();
  });
});

describe('token', () => {
  it('matches only the exact token from a Bearer header', () => {
    expect(readBearer('Bearer abc')).toBe('abc');
    expect(readBearer('bearer abc ')).toBe('abc');
    expect(readBearer('Basic abc')).toBeNull();
    expect(readBearer(undefined)).toBeNull();
    expect(matchesToken('abc', 'abc')).toBe(true);
    expect(matchesToken('abd', 'abc')).toBe(false);
    expect(matchesToken('ab', 'abc')).toBe(false);
    expect(matchesToken(null, 'abc')).toBe(false);
  });
});

describe('static files', () => {
  it('maps URL paths into the root and refuses escapes', () => {
    expect(resolveStaticFile('/r', '/')).toBe('/r/index.html');
    expect(resolveStaticFile('/r', '/assets/a.js')).toBe('/r/assets/a.js');
    expect(resolveStaticFile('/r', '/a%20b.css')).toBe('/r/a b.css');
    for (const p of ['/../x', '/%2e%2e/x', '/a/%2e%2e/%2e%2e/x', '/%00', '/%E0%A4%A', '/..%5cx', '/..']) expect([p, resolveStaticFile('/r', p)]).toEqual([p, null]);
  });

  it('caches hashed assets forever and HTML never', () => {
    expect(cacheControlFor('/r', '/r/index.html')).toBe('no-store');
    expect(cacheControlFor('/r', '/r/assets/a-1.js')).toContain('immutable');
    expect(cacheControlFor('/r', '/r/favicon.svg')).toBe('no-cache');
  });
});
