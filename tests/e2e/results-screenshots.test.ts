/**
 * The Results workspace and the Export dialog in real Chromium, in demo mode (the page opened
 * without a token runs on the memory host, whose demo project has four recorded runs): charts
 * drawn on real canvases, a confusion-matrix drill-down, "Try it" with a chosen file, a
 * comparison, a failed run, and an export where one format fails. The PNGs in
 * docs/screenshots are written only with UPDATE_SCREENSHOTS=1.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, startBrowserMode, VIEWPORT, type BrowserModeApp } from './support/browser-mode.js';

const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const update = process.env.UPDATE_SCREENSHOTS === '1';
const skip = browserSkipReason('results-screenshots');
const suffix = skip ? ` [skipped: ${skip}]` : '';

/** A hand-drawn-looking "3" in the demo's own picture format, which the demo model recognises. */
const THREE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 28 28" width="28" height="28"><desc>demo digit 3</desc>' +
  '<defs><filter id="b"><feGaussianBlur stdDeviation="0.5"/></filter></defs><rect width="28" height="28" fill="#000"/>' +
  '<g filter="url(#b)" transform="rotate(-6 14 14)"><path d="M8 7C11 4 19 4 18.5 9C18 12.5 14 13.5 12 13.5C16 13.5 20 15 19.5 19C19 23.5 11 24 7.5 21" ' +
  'fill="none" stroke="#fff" stroke-width="2.7" stroke-linecap="round" stroke-linejoin="round"/></g></svg>';

async function capture(page: Page, name: string): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(250);
  if (!update) return;
  await mkdir(OUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUT_DIR}${name}.png` });
  console.log(`results-screenshots: wrote docs/screenshots/${name}.png`);
}

/** Scrolls the Results pane so `target` sits `offset` pixels below the pane's top. */
async function scrollTo(main: Locator, selector: string, offset = 20): Promise<void> {
  await main.evaluate(
    (el, [sel, off]) =>
      el.scrollTo(
        0,
        el.querySelector(sel as string)!.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop - (off as number),
      ),
    [selector, offset],
  );
}

/** How many pixels of a canvas are not transparent: a drawn chart has thousands. */
const inked = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });

describe.skipIf(skip !== null)(`results and export in demo mode${suffix}`, () => {
  let app: BrowserModeApp;
  const errors: string[] = [];
  beforeAll(async () => {
    app = await startBrowserMode();
  });
  afterAll(async () => app?.close());
  afterEach(() => expect(errors.splice(0)).toEqual([]));

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: a run's results, a cell's samples, Try it, export, comparison, a failed run`, async () => {
      const context = await app.browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      // Console errors name no URL; failed responses do (the console line for each is dropped).
      page.on(
        'console',
        (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(`console.error: ${m.text()}`)),
      );
      page.on('response', (r) => void (r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`)));
      try {
        await page.goto(new URL('/', app.server.url).href); // no token: the demo's memory host
        await page.locator('.workspace[aria-busy="false"]').waitFor();
        if (theme === 'dark') await page.getByRole('banner').getByRole('button', { name: 'Toggle Dark Theme' }).click();
        await page.getByRole('tab', { name: /Results/ }).click();
        await page.getByRole('button', { name: 'Open a trained demo project' }).click();
        const main = page.getByRole('main', { name: 'Results' });
        const matrix = main.getByRole('table', { name: /Confusion matrix/ });
        await matrix.waitFor();
        expect(await matrix.getByRole('button').count()).toBe(100);
        expect(await inked(main.getByRole('img', { name: 'Loss per epoch, training and validation' }))).toBeGreaterThan(1000);
        await capture(page, `results-${theme}`);

        await matrix.getByRole('button', { name: /^actual 7, predicted 2:/ }).click();
        const samples = main.getByRole('region', { name: 'Samples: Actual 7, predicted 2' }).getByRole('listitem');
        await samples.first().waitFor();
        expect(await samples.first().getAttribute('aria-label')).toMatch(/^Sample \d+: actual 7, predicted 2, /);
        await scrollTo(main, '.confusion-card');
        await capture(page, `results-cell-${theme}`);

        await page.getByLabel('Image file').setInputFiles({ name: 'my-three.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(THREE) });
        const bars = main.getByRole('list', { name: 'Top predictions' }).getByRole('listitem');
        await bars.first().waitFor();
        const labels = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
        expect(labels[0]).toMatch(/^3: /);
        const values = labels.map((l) => Number(/([\d.]+)%$/.exec(l)?.[1]));
        expect([...values].sort((a, b) => b - a)).toEqual(values);
        await scrollTo(main, '.try-it', 380);
        await capture(page, `results-tryit-${theme}`);

        await page.getByRole('banner').getByRole('button', { name: 'Export', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Export model' });
        await dialog.getByRole('button', { name: 'Export', exact: true }).click();
        const results = dialog.getByRole('list', { name: 'Export results' });
        await results.getByRole('listitem', { name: 'PyTorch: Failed' }).waitFor();
        expect(await results.getByRole('listitem', { name: /: Passed$/ }).count()).toBe(3);
        await capture(page, `export-${theme}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });

        for (const n of [1, 2, 4]) await page.getByRole('checkbox', { name: `Compare Run ${n}` }).check();
        await main.getByRole('table', { name: 'Run comparison' }).waitFor();
        expect(await inked(main.getByRole('img', { name: /^Validation accuracy per epoch/ }))).toBeGreaterThan(1000);
        await capture(page, `results-compare-${theme}`);

        await page.getByRole('button', { name: /^Run 3,/ }).click();
        await main.getByRole('alert').getByText('Run 3 failed after 2 epochs').waitFor();
        if (theme === 'light') await capture(page, 'results-failed-light');
      } finally {
        await context.close();
      }
    });
  }
});
