/**
 * What a user sees and does in the editor, found by role and accessible name: palette buttons
 * ("Add Dense layer"), layer cards (role group, "Dense layer dense_1, output 128, …"), handles
 * ("Output of dense_1"), inspector fields by label. Pointer gestures use the real mouse, so
 * React Flow and the HTML5 drag-and-drop see what a person's hand would produce.
 */
import { deepStrictEqual } from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from 'playwright-core';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const canvas = (page: Page): Locator => page.getByRole('main', { name: 'Network canvas' });
export const inspector = (page: Page): Locator => page.getByRole('complementary', { name: 'Inspector' });
export const toolbarButton = (page: Page, name: string): Locator => page.getByRole('banner').getByRole('button', { name, exact: true });
export const statusBar = (page: Page): Locator => page.getByRole('contentinfo').last();
/** The status line's latest notice ("Saved mlp.nwproj", a refused wire's reason). */
export const notice = (page: Page): Locator => statusBar(page).getByRole('status');
export const dialog = (page: Page, name: string): Locator => page.getByRole('dialog', { name });

/** A layer card by its name: its label reads "<Type> layer <name>, output <shape>, <n> parameters…". */
export const layerNode = (page: Page, name: string): Locator =>
  canvas(page).getByRole('group', { name: new RegExp(` layer ${escape(name)}, output `) });

/** A wire by its ends: "Connection from a to b, carries 784". */
export const wire = (page: Page, from: string, to: string): Locator =>
  canvas(page).getByRole('group', { name: new RegExp(`^Connection from ${escape(from)} to ${escape(to)}(,|$)`) });

/**
 * Polls until `read()` equals `expected` (the UI updates a frame or a request later); on
 * timeout throws node's assertion error with the diff. Plain Node, so the benchmark can use it.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, message?: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDeepStrictEqual(value, expected)) return;
    if (Date.now() > deadline) {
      try {
        deepStrictEqual(value, expected);
      } catch (error) {
        // Keep node's diff (a custom message would replace it) and say what was awaited.
        if (message && error instanceof Error) error.message = `${message}: ${error.message}`;
        throw error;
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits out a fit-view or zoom animation: clicks during one land on whatever slides under the pointer. */
export async function viewportAtRest(page: Page): Promise<void> {
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  let last = await transform();
  for (let stableFor = 0; stableFor < 3;) {
    await page.waitForTimeout(60);
    const now = await transform();
    stableFor = now === last ? stableFor + 1 : 0;
    last = now;
  }
}

/** Accessible names of every layer card, in document order. */
export async function layerLabels(page: Page): Promise<string[]> {
  return canvas(page)
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
}

/** Wire labels (which also name the shapes they carry), sorted. */
export async function wireLabels(page: Page): Promise<string[]> {
  const labels = await canvas(page)
    .locator('.react-flow__edge')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.sort();
}

/**
 * The whole visible graph: every card's label and flow position (React Flow's translate),
 * every wire. Two equal snapshots mean the user sees the same network.
 */
export async function graphSnapshot(page: Page): Promise<{ nodes: string[]; wires: string[] }> {
  const nodes = await canvas(page)
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')} @ ${(e as HTMLElement).style.transform}`));
  return { nodes: nodes.sort(), wires: await wireLabels(page) };
}

/** Drags a palette layer onto the canvas (HTML5 drag-and-drop, as with a mouse) at a canvas point. */
export async function dropLayer(page: Page, label: string, at: { x: number; y: number }): Promise<void> {
  await page.getByRole('button', { name: `Add ${label} layer`, exact: true }).dragTo(canvas(page), { targetPosition: at });
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a wire from `from`'s output handle to `to`'s input handle. With `hold` the mouse stays
 * down over the target (to read the refusal drawn beside the wire); call `release` after.
 */
export async function dragWire(page: Page, from: string, to: string, opts: { slot?: number; hold?: boolean } = {}): Promise<void> {
  const source = page.getByLabel(`Output of ${from}`, { exact: true });
  const target = page.getByLabel(opts.slot ? `Input ${opts.slot} of ${to}` : `Input of ${to}`, { exact: true });
  const a = await centre(source);
  const b = await centre(target);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  if (!opts.hold) await page.mouse.up();
}

/** Drags a card by its title bar by (dx, dy) screen pixels in many small moves, as a hand does. */
export async function dragNode(page: Page, name: string, dx: number, dy: number): Promise<void> {
  const start = await centre(layerNode(page, name).locator('.layer-node__head'));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 12 });
  await page.mouse.up();
}

/** Selects a layer by clicking its card (its title, away from handles and badges). */
export async function selectLayer(page: Page, name: string): Promise<void> {
  await viewportAtRest(page);
  await layerNode(page, name).locator('.layer-node__name').click();
  await eventually(() => inspector(page).locator('.panel-header__hint').textContent(), name);
}

/** Clears the selection the way the status bar offers: the inspector shows the model again. */
export async function showModel(page: Page): Promise<void> {
  await statusBar(page)
    .getByRole('button', { name: /ready to train|error|warning/i })
    .click();
  await inspector(page).getByRole('heading', { name: 'Model', exact: true }).waitFor();
}

/** Types into an inspector field and commits with Enter (one undo step per value). */
export async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = inspector(page).getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

export async function chooseOption(page: Page, label: string, value: string): Promise<void> {
  await inspector(page).getByLabel(label, { exact: true }).selectOption(value);
}

/** A figure from the model summary's tiles ("Total params" → "101,770"). */
export async function summaryStat(page: Page, term: string): Promise<string> {
  const stat = inspector(page)
    .getByRole('region', { name: 'Model summary' })
    .locator('.stat', { has: page.getByRole('term').getByText(term, { exact: true }) });
  return ((await stat.getByRole('definition').textContent()) ?? '').trim();
}

/** Starts a new, empty network through New → Blank network. */
export async function newBlankNetwork(page: Page): Promise<void> {
  await toolbarButton(page, 'New').click();
  await dialog(page, 'New network')
    .getByRole('button', { name: /Blank network/ })
    .click();
  const unsaved = dialog(page, 'Save changes first?');
  const empty = canvas(page).getByRole('heading', { name: 'Start your network' });
  await empty.or(unsaved).first().waitFor();
  if (await unsaved.isVisible()) await unsaved.getByRole('button', { name: 'Don’t save' }).click();
  await empty.waitFor();
}

/** Fills the in-app file dialog's path field (browser mode has no native dialog) and confirms. */
export async function chooseFile(page: Page, title: string, verb: string, filePath: string): Promise<void> {
  const d = dialog(page, title);
  await d.getByRole('list', { name: /^Files in (?!folder$)/ }).waitFor(); // the folder listing is in, as a user would see
  await d.getByLabel('File path').fill(filePath);
  await d.getByRole('button', { name: verb, exact: true }).click();
  await d.waitFor({ state: 'detached' });
}
