import { execFile } from 'node:child_process';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const launcher = fileURLToPath(new URL('../../../../scripts/start.mjs', import.meta.url));

function runLauncher(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher], { env: { ...process.env, ...env }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

describe('npm start launcher', () => {
  it('says in one line that Electron is missing, points to browser mode, and exits 1', async () => {
    // electron's index.js resolves the binary under this folder instead of downloading it.
    const r = await runLauncher({ ELECTRON_OVERRIDE_DIST_PATH: path.join(tmpdir(), 'netwright-no-electron-here') });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'netwright: cannot start the desktop app: the Electron binary is not installed (npm could not download it on this machine). Use browser mode instead: npx netwright serve --open',
    ]);
  });

  it.runIf(process.platform === 'linux')('says in one line that there is no display (Linux)', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'netwright-fake-electron-'));
    await writeFile(path.join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
    await chmod(path.join(dist, 'electron'), 0o755);
    const r = await runLauncher({ ELECTRON_OVERRIDE_DIST_PATH: dist, DISPLAY: '', WAYLAND_DISPLAY: '' });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'netwright: cannot start the desktop app: there is no display (DISPLAY and WAYLAND_DISPLAY are unset). Use browser mode instead: npx netwright serve --open',
    ]);
  });
});
