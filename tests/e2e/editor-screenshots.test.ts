/**
 * The editor in its light and dark themes, as docs/renderer.md shows it. The scenes always run
 * (the theme toggle must really restyle the page); the PNGs are written into docs/screenshots
 * only with UPDATE_SCREENSHOTS=1, so CI never dirties the tree.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser-mode.js';
import {
  dialog,
  dragWire,
  eventually,
  layerNode,
  selectLayer,
  showModel,
  statusBar,
  toolbarButton,
  viewportAtRest,
  wire,
  wireLabels,
} from './support/editor-ui.js';
import { useEditorSession } from './support/editor-session.js';

const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const update = process.env.UPDATE_SCREENSHOTS === '1';
const skip = browserSkipReason('editor-screenshots');
const suffix = skip ? ` [skipped: ${skip}]` : '';

/** Lets fit-view animations and transitions finish, so the picture is the resting state. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(450);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function capture(page: Page, name: string): Promise<void> {
  await settle(page);
  if (!update) return;
  await mkdir(OUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUT_DIR}${name}.png` });
  console.log(`editor-screenshots: wrote docs/screenshots/${name}.png`);
}

const background = (page: Page) => page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor);
/** Perceived brightness 0–255 of an `rgb(…)` colour. */
const brightness = (rgb: string) => {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return 0.299 * r + 0.587 * g + 0.114 * b;
};

async function openTemplate(page: Page, name: RegExp): Promise<void> {
  await toolbarButton(page, 'New').click();
  await dialog(page, 'New network').getByRole('button', { name }).click();
  await dialog(page, 'New network').waitFor({ state: 'detached' });
  await viewportAtRest(page);
}

describe.skipIf(skip !== null)(`editor screenshots${suffix}`, () => {
  const session = useEditorSession();

  it('light theme: LeNet with a convolution selected (shapes, parameters, formulas)', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    await openTemplate(page, /LeNet-style CNN/);
    await selectLayer(page, 'conv2');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(brightness(await background(page))).toBeGreaterThan(200);
    await capture(page, 'editor-light');
  });

  it('dark theme: LeNet without its Flatten, the problems listed with their repairs', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    await toolbarButton(page, 'Toggle Dark Theme').click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(brightness(await background(page))).toBeLessThan(60);

    await openTemplate(page, /LeNet-style CNN/);
    await selectLayer(page, 'flatten'); // a click on the card: the keyboard goes to the canvas
    await page.keyboard.press('Delete');
    await layerNode(page, 'flatten').waitFor({ state: 'detached' });
    await dragWire(page, 'pool2', 'fc1');
    await wire(page, 'pool2', 'fc1').waitFor({ state: 'attached' });
    expect((await wireLabels(page)).length).toBe(7);
    await toolbarButton(page, 'Auto-layout').click(); // closes the gap the Flatten left, then fits
    await viewportAtRest(page);
    await eventually(async () => (await statusBar(page).getByRole('button').first().textContent())?.trim(), '1 error, 1 warning');
    await showModel(page);
    await layerNode(page, 'fc1')
      .getByRole('button', { name: /in fc1$/ })
      .hover(); // open one card's popover
    await eventually(() => layerNode(page, 'fc1').getByRole('button', { name: 'Insert Flatten before "fc1"' }).isVisible(), true);
    await capture(page, 'editor-dark');
  });
});
