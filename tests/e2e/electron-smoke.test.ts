/**
 * The real Electron app, driven by Playwright: the window loads the renderer from app://, the
 * preload bridge answers API calls, and the page has no Node. Runs only where an Electron
 * binary (and on Linux a display) exists; elsewhere it is skipped with the reason printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The Electron binary, probed in a child (electron's index.js tries to download a missing one). */
function probeElectron(): { binary: string; reason: null } | { binary: null; reason: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const binary = probe.status === 0 ? (probe.stdout.split('\n').pop() ?? '') : '';
  if (!binary || !existsSync(binary)) return { binary: null, reason: 'no Electron binary here (npm could not download it)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return { binary: null, reason: 'no display (run under xvfb-run)' };
  return { binary, reason: null };
}

const electron = probeElectron();
if (electron.reason) console.log(`tests/e2e/electron-smoke: skipped: ${electron.reason}`);

describe('Electron app (real binary)', () => {
  it.skipIf(electron.reason !== null)(
    `starts, loads the renderer from app:// and answers API calls through the preload${electron.reason ? ` [skipped: ${electron.reason}]` : ''}`,
    async () => {
      const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
      expect(build.status).toBe(0);
      const userData = await mkdtemp(path.join(tmpdir(), 'netwright-e2e-'));
      // Chromium refuses to run as root with its sandbox on (CI containers run as root).
      const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root];
      const app = await _electron.launch({
        executablePath: electron.binary!,
        args,
        env: { ...process.env, NETWRIGHT_USER_DATA: userData },
        timeout: 60_000,
      });
      try {
        const page = await app.firstWindow();
        await page.waitForLoadState('domcontentloaded');
        expect(page.url()).toBe('app://netwright/index.html');
        const info = await page.evaluate(() =>
          (window as unknown as { netwright: { call(n: string, r: unknown): Promise<unknown> } }).netwright.call('app:info', {}),
        );
        expect(info).toMatchObject({ ok: true, value: { mode: 'electron' } });
        const templates = await page.evaluate(() =>
          (window as unknown as { netwright: { call(n: string, r: unknown): Promise<unknown> } }).netwright.call('templates:list', {}),
        );
        expect((templates as { value: unknown[] }).value.length).toBeGreaterThan(0);
        expect(
          await page.evaluate(() => [
            typeof (window as unknown as { require?: unknown }).require,
            typeof (window as unknown as { process?: unknown }).process,
          ]),
        ).toEqual(['undefined', 'undefined']);
        // The CSP (script-src 'self', no 'unsafe-eval') reached the page.
        expect(
          await page.evaluate(() => {
            try {
              return String(eval('1 + 1'));
            } catch {
              return 'blocked';
            }
          }),
        ).toBe('blocked');
      } finally {
        await app.close();
      }
    },
  );
});
