/**
 * The Data tab with a real image folder, as a user in browser mode adds one: sharp-made PNGs in
 * three class folders under the server's allowed root, plus a corrupt PNG and a zero-byte file.
 * The folder is typed into the path field; the real import reads it and the skipped-files report
 * lists both bad files with their reasons.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser-mode.js';
import { railTab, startTrainingApp, type TrainingApp } from './support/training-kit.js';

const skip = browserSkipReason('training-data-folder');
const suffix = skip ? ` [skipped: ${skip}]` : '';

/** 28×28 greyscale pictures: a bright square, a bright bar and a dark frame, slightly varied. */
async function writeShapes(root: string): Promise<void> {
  const kinds: Record<string, (x: number, y: number, i: number) => number> = {
    square: (x, y, i) => (x > 8 + (i % 3) && x < 20 && y > 8 && y < 20 ? 255 : 0),
    bar: (x, _y, i) => (x > 12 + (i % 3) && x < 16 + (i % 3) ? 255 : 0),
    frame: (x, y, i) => (x < 3 + (i % 2) || y < 3 || x > 24 || y > 24 ? 200 : 20),
  };
  for (const [name, draw] of Object.entries(kinds)) {
    const dir = path.join(root, name);
    await mkdir(dir, { recursive: true });
    for (let i = 0; i < 10; i++) {
      const px = Buffer.alloc(28 * 28);
      for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) px[y * 28 + x] = draw(x, y, i);
      await sharp(px, { raw: { width: 28, height: 28, channels: 1 } })
        .png()
        .toFile(path.join(dir, `${name}-${i}.png`));
    }
  }
  // A .png that is not a PNG at all, and an empty file.
  await writeFile(path.join(root, 'square', 'corrupt.png'), Buffer.from('this is not a png, just some text bytes'));
  await writeFile(path.join(root, 'bar', 'empty.png'), Buffer.alloc(0));
}

describe.skipIf(skip !== null)(`image-folder import in the Data tab${suffix}`, () => {
  let app: TrainingApp;
  beforeAll(async () => {
    app = await startTrainingApp();
  });
  afterAll(async () => app?.close());

  it('imports a typed folder path and reports the corrupt and the empty file with reasons', async () => {
    const folder = path.join(app.workDir, 'shapes');
    await writeShapes(folder);
    const { page, errors } = await app.openApp();
    await railTab(page, 'Data').click();
    await page.getByRole('radio', { name: /Image folder/ }).click();
    const field = page.getByRole('textbox', { name: 'Image folder' });
    await field.fill(folder);
    await page.getByRole('button', { name: 'Use', exact: true }).click();

    const counts = page.getByRole('table', { name: 'Samples per class' });
    await counts.waitFor({ timeout: 60_000 });
    for (const name of ['bar', 'frame', 'square']) await counts.getByRole('row', { name: new RegExp(`^${name}`) }).waitFor();

    const skipped = page.getByRole('table', { name: 'Skipped files' });
    await skipped.waitFor();
    const rows = await skipped
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')));
    console.log(`training-data-folder: skipped files: ${JSON.stringify(rows)}`);
    expect(rows.map((r) => r[0]).sort()).toEqual(['bar/empty.png', 'square/corrupt.png']);
    for (const [, reason] of rows) expect(reason!.length).toBeGreaterThan(5);
    expect(rows.find((r) => r[0] === 'bar/empty.png')![1]).toMatch(/empty|0 bytes|zero/i);
    expect(errors).toEqual([]);
  });
});
