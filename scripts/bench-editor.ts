/**
 * `npm run bench:editor`: how the editor feels with a 500-layer network, in real Chromium
 * through browser mode (the built renderer, `startServer`, a project opened from disk):
 *   1. inspector edit → painted frame, median and p95 over 30 edits: a local edit (one Dense
 *      inside a block) and a global one (the stem's width, which re-infers every layer below);
 *   2. validateDocument + summarizeModel alone, in the same page (and in Node for comparison);
 *   3. dragging a card with the mouse: frame intervals and long tasks during the drags;
 *   and, once, opening the project (until the status bar shows it, and the long tasks until the view rests).
 * Target: edit → painted frame under 50 ms (median). Takes about half a minute.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serializeProject } from '../src-shared/graph/project-file.js';
import { summarizeModel } from '../src-shared/graph/summary.js';
import { validateDocument } from '../src-shared/graph/validate.js';
import { ensureRendererBuilt } from '../src-main/server/renderer-build.js';
import { browserSkipReason, CHROMIUM_ARGS, CHROMIUM_PATH, startAppServer, VIEWPORT } from '../tests/e2e/support/browser-mode.js';
import { chooseFile, eventually, inspector, statusBar, toolbarButton, viewportAtRest } from '../tests/e2e/support/editor-ui.js';
import { benchGraph } from './bench/editor-graph.js';
import {
  buildCoreBundle,
  installNameShim,
  measureInspectorEdits,
  startFrameRecorder,
  stopFrameRecorder,
  timeCore,
  type EditTiming,
} from './bench/editor-page.js';

const EDITS = 30;
const DRAGS = 3;
const TARGET_MS = 50;

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const rows: [string, string, string, string][] = [];
const row = (what: string, xs: readonly number[], note = '') => rows.push([what, ms(percentile(xs, 50)), ms(percentile(xs, 95)), note]);

/** Selects a layer through the summary table (virtualized cards may be off screen) and waits for its inspector. */
async function selectByName(page: Page, name: string): Promise<void> {
  await statusBar(page).getByRole('button').first().click(); // nothing selected: the model panel
  await inspector(page).getByRole('button', { name, exact: true }).click();
  await eventually(() => inspector(page).locator('.panel-header__hint').textContent(), name);
}

async function editSeries(page: Page, layer: string, a: number, b: number): Promise<EditTiming[]> {
  await selectByName(page, layer);
  const values = Array.from({ length: EDITS }, (_, i) => String(i % 2 === 0 ? a : b));
  const timings = await page.evaluate(measureInspectorEdits, { label: 'Units', values });
  // The edits really landed: the inspector shows the last width.
  await eventually(() => inspector(page).locator('.shape-flow__value--out').textContent(), values.at(-1)!);
  return timings;
}

async function dragFrames(page: Page): Promise<{ intervals: number[]; longTasks: number[]; cards: number }> {
  const node = page.locator('.react-flow__node').nth(5);
  const card = node.locator('.layer-node__head');
  const cards = await page.locator('.react-flow__node').count();
  const before = await node.evaluate((el) => (el as HTMLElement).style.transform);
  await page.evaluate(startFrameRecorder);
  for (let d = 0; d < DRAGS; d++) {
    const box = (await card.boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const dx = d % 2 === 0 ? 180 : -180;
    await page.mouse.move(x, y);
    await page.mouse.down();
    // ~1 s per drag: one move every ~16 ms, like a hand on a 60 Hz mouse.
    for (let i = 1; i <= 60; i++) {
      await page.mouse.move(x + (dx * i) / 60, y + 40 * Math.sin(i / 10));
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
  }
  const { frames, longTasks } = await page.evaluate(stopFrameRecorder);
  if ((await node.evaluate((el) => (el as HTMLElement).style.transform)) === before) throw new Error('the dragged card did not move');
  return { intervals: frames.slice(1).map((t, i) => t - frames[i]!), longTasks, cards };
}

async function main(): Promise<void> {
  if (browserSkipReason('bench-editor')) process.exit(0);
  await ensureRendererBuilt({ log: (line) => console.log(line) });
  const doc = benchGraph();
  const app = await startAppServer();
  const file = path.join(app.workDir, 'bench-500.nwproj');
  await writeFile(file, serializeProject(doc));
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(app.server.url);
    await page.locator('.workspace[aria-busy="false"]').waitFor();
    await installNameShim(page);
    // 0. Opening the project: a busy main thread here once froze the page for seconds.
    await toolbarButton(page, 'Open').click();
    await page.evaluate(startFrameRecorder);
    const openStart = Date.now();
    await chooseFile(page, 'Open project', 'Open', file);
    await eventually(
      async () => (await statusBar(page).textContent({ timeout: 30_000 }))?.includes('500 layers'),
      true,
      'the 500-layer project opened',
      30_000,
    );
    const openMs = Date.now() - openStart;
    await viewportAtRest(page);
    const opening = await page.evaluate(stopFrameRecorder);
    rows.push([
      'open project → 500 layers shown (once)',
      ms(openMs),
      '—',
      `longest task ${ms(Math.max(0, ...opening.longTasks))}, ${opening.longTasks.length} long tasks until the view rests`,
    ]);

    // 1. Edits. A warm-up series first: the first commits pay for JIT and style caches.
    await editSeries(page, 'block61_a', 65, 64);
    const local = await editSeries(page, 'block61_a', 65, 64);
    const global = await editSeries(page, 'stem', 65, 64);
    row(
      'edit → next frame (local: block61_a units)',
      local.map((t) => t.frame),
    );
    row(
      'edit → painted (local)',
      local.map((t) => t.painted),
      'the target row',
    );
    row(
      'edit → commit done (local, JS only)',
      local.map((t) => t.js),
    );
    row(
      'edit → painted (global: stem units)',
      global.map((t) => t.painted),
      'every layer below re-inferred',
    );

    // 2. The core alone, in the page and in Node.
    await page.evaluate(`${await buildCoreBundle()}\n;globalThis.__nwBenchCore = __nwBenchCore;`);
    const docJson = serializeProject(doc);
    await page.evaluate(timeCore, { docJson, runs: 10 }); // warm-up: let the JIT compile the core
    const core = await page.evaluate(timeCore, { docJson, runs: EDITS });
    const expected = summarizeModel(doc, validateDocument(doc).analysis).totalParams;
    if (core.totalParams !== expected) throw new Error(`in-page core counted ${core.totalParams} params, Node ${expected}`);
    row('validateDocument (Chromium)', core.validate);
    row('summarizeModel (Chromium)', core.summary);
    const nodeValidate: number[] = [];
    for (let i = 0; i < 10 + EDITS; i++) {
      const d = JSON.parse(docJson);
      const t0 = performance.now();
      summarizeModel(d, validateDocument(d).analysis);
      if (i >= 10) nodeValidate.push(performance.now() - t0);
    }
    row('validate + summary (Node, for comparison)', nodeValidate);

    // 3. Dragging a card at the opened (fit) view.
    await statusBar(page).getByRole('button').first().click();
    const drag = await dragFrames(page);
    row(
      `drag: frame interval (${drag.cards} cards on screen)`,
      drag.intervals,
      `${drag.intervals.length} frames, max ${ms(Math.max(...drag.intervals))}`,
    );
    const longTotal = drag.longTasks.reduce((a, b) => a + b, 0);
    rows.push([
      'drag: long tasks (> 50 ms)',
      `${drag.longTasks.length}`,
      drag.longTasks.length ? ms(Math.max(...drag.longTasks)) : '—',
      `total ${ms(longTotal)} over ${DRAGS} drags`,
    ]);

    if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
    print(local);
  } catch (error) {
    await browser
      .contexts()[0]
      ?.pages()[0]
      ?.screenshot({ path: path.join(os.tmpdir(), 'bench-editor-failure.png') });
    console.error(`(screenshot of the page: ${path.join(os.tmpdir(), 'bench-editor-failure.png')})`);
    throw error;
  } finally {
    await browser.close();
    await app.close();
  }
}

function print(local: EditTiming[]): void {
  const head: [string, string, string, string] = ['measure', 'median', 'p95', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(`\nEditor benchmark: 500 layers, Chromium ${CHROMIUM_PATH}, ${os.cpus().length} cores, ${EDITS} edits per series`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const median = percentile(
    local.map((t) => t.painted),
    50,
  );
  console.log(`\nTarget edit → painted frame < ${TARGET_MS} ms (median): ${median < TARGET_MS ? 'met' : 'MISSED'} (${ms(median)})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
