/**
 * The bundled Electron main (dist/main/main.js) as packaged, run in plain Node against a fake
 * `electron` module: proves the bundle loads, finds its preload, renderer and templates from the
 * app root, serves app:// with the CSP and answers IPC — everywhere, with or without Electron.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../src-main/server/renderer-build.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

beforeAll(async () => {
  await ensureRendererBuilt();
  const configFile = path.join(root, 'vite.main.config.ts');
  for (const mode of ['main', 'preload']) await build({ configFile, mode, logLevel: 'error' });
});

describe('bundled Electron main (fake Electron)', () => {
  it('starts, serves the renderer over app:// and answers trusted IPC calls only', async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'netwright-bundle-'));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', './tests/e2e/fake-electron/register.mjs', 'dist/main/main.js'],
      {
        cwd: root,
        env: { ...process.env, NETWRIGHT_USER_DATA: userData },
        timeout: 60_000,
      },
    );
    const report = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(report.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.menu).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(report.webPreferences).toMatchObject({
      preload: path.join(root, 'dist', 'main', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(report.url).toBe('app://netwright/index.html');
    expect(report.page.status).toBe(200);
    expect(report.page.csp).toMatch(/^default-src 'self'; script-src 'self';/);
    expect(report.info).toMatchObject({ ok: true, value: { mode: 'electron', version: '0.0.0-test' } });
    expect(report.templates.value.length).toBeGreaterThan(0);
    expect(report.untrusted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
