/**
 * Training in the real app (browser mode, real trainer processes), found by role and name as a
 * user would: the rail's tabs, the Train settings, the run header and its live metric cards.
 * Reuses the browser-mode harness (`startAppServer`, the Chromium flags); `openApp` differs from
 * its `openEditor` only in taking an init script, which must be in place before the page loads.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT, startAppServer, type AppServer } from './browser-mode.js';

export interface TrainingApp extends AppServer {
  browser: Browser;
  openApp(opts?: { initScript?: () => void }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
}

export async function startTrainingApp(): Promise<TrainingApp> {
  const app = await startAppServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    ...app,
    browser,
    async openApp(opts = {}) {
      await app.call('project:discardRecovery');
      const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
      contexts.push(context);
      if (opts.initScript) await context.addInitScript(opts.initScript);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on(
        'console',
        (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`console.error: ${m.text()}`)),
      );
      await page.goto(app.server.url);
      await page.locator('.workspace[aria-busy="false"]').waitFor();
      return { page, context, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await app.close();
    },
  };
}

/** A workspace tab in the left rail: Design, Data, Train or Results. */
export const railTab = (page: Page, name: 'Design' | 'Data' | 'Train' | 'Results'): Locator =>
  page.getByRole('navigation', { name: 'Workspaces' }).getByRole('tab', { name: new RegExp(`(^| )${name}$`) });

export const trainSettings = (page: Page): Locator => page.getByRole('complementary', { name: 'Training settings' });
export const dashboard = (page: Page): Locator => page.getByRole('main', { name: 'Training dashboard' });
export const runControls = (page: Page): Locator => dashboard(page).getByRole('group', { name: 'Run controls' });

/** Types a number into a Train setting and commits it with Enter. */
export async function setTrainNumber(page: Page, label: string, value: number): Promise<void> {
  const field = trainSettings(page).getByRole('spinbutton', { name: label, exact: true });
  await field.fill(String(value));
  await field.press('Enter');
  await field.blur();
}

/** A metric card's value and sub-line ("Epoch" → "1 / 3", "batch 12 / 219"). */
export async function metric(page: Page, label: string): Promise<{ value: string; sub: string }> {
  const card = dashboard(page)
    .locator('dl[aria-label="Run metrics"]')
    .locator('.metric', { has: page.getByRole('term').getByText(label, { exact: true }) });
  const [value, sub] = await Promise.all([
    card.locator('.metric__value').textContent(),
    card
      .locator('.metric__sub')
      .textContent({ timeout: 200 })
      .catch(() => ''),
  ]);
  return { value: (value ?? '').trim(), sub: (sub ?? '').trim() };
}

/** The run's status badge in the dashboard header ("Training", "Paused", "Completed", …). */
export async function runStatus(page: Page): Promise<string> {
  const badges = await dashboard(page).locator('.dash-head__title .run-status').allTextContents();
  return badges.at(-1)?.trim() ?? '';
}

export async function waitForStatus(page: Page, wanted: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await runStatus(page);
    if (wanted.test(s)) return s;
    if (Date.now() > deadline) throw new Error(`run status stayed "${s}", wanted ${wanted}`);
    await page.waitForTimeout(50);
  }
}

/** "Epoch 1 / 3 · batch 12 / 219" as one string, for watching progress. */
export async function progressText(page: Page): Promise<string> {
  const e = await metric(page, 'Epoch');
  return `${e.value} · ${e.sub}`;
}

/** Trainer processes forked by this test process (trainer-main, via the fork spawner). */
export function trainerPids(): number[] {
  try {
    const out = execFileSync('pgrep', ['-P', String(process.pid), '-f', 'trainer-main'], { encoding: 'utf8' });
    return out.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
