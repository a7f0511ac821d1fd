/**
 * Controlling real runs: pause and resume (the status changes and batches continue after
 * resuming), stop (the run ends as stopped), and a trainer process killed mid-run — the app
 * says what happened and what to do, the editor still edits, and a new run starts.
 * Runs are made long (many epochs, small batches) so there is time to click.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser-mode.js';
import { canvas, inspector, layerLabels, selectLayer, setField } from './support/editor-ui.js';
import {
  dashboard,
  metric,
  railTab,
  runControls,
  setTrainNumber,
  startTrainingApp,
  trainerPids,
  waitForStatus,
  type TrainingApp,
} from './support/training-kit.js';

const skip = browserSkipReason('training-control');
const suffix = skip ? ` [skipped: ${skip}]` : '';

/** Batches done so far, counted across epochs ("2 / 20" + "batch 13 / 438" → 451). */
async function batchesDone(page: Page): Promise<number> {
  const e = await metric(page, 'Epoch');
  const epoch = Number(/^(\d+)/.exec(e.value)?.[1] ?? 0);
  const m = /batch (\d+) \/ ([\d,]+)/.exec(e.sub);
  if (!m) return 0;
  return Math.max(0, epoch - 1) * Number(m[2]!.replace(/,/g, '')) + Number(m[1]);
}

async function untilBatches(page: Page, atLeast: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await batchesDone(page);
    if (n >= atLeast) return n;
    if (Date.now() > deadline) throw new Error(`only ${n} batches after ${timeoutMs} ms (wanted ${atLeast})`);
    await page.waitForTimeout(50);
  }
}

describe.skipIf(skip !== null)(`pausing, stopping and a crashed trainer${suffix}`, () => {
  let app: TrainingApp;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    app = await startTrainingApp();
    ({ page, errors } = await app.openApp());
    await railTab(page, 'Data').click();
    await page.getByRole('table', { name: 'Samples per class' }).waitFor({ timeout: 60_000 });
    await railTab(page, 'Train').click();
    await setTrainNumber(page, 'Epochs', 20);
    await setTrainNumber(page, 'Batch size', 16);
  });
  afterAll(async () => app?.close());

  it('pauses, resumes and stops a run', async () => {
    await runControls(page).getByRole('button', { name: 'Start training' }).click();
    await waitForStatus(page, /^Training$/);
    await untilBatches(page, 5);

    await runControls(page).getByRole('button', { name: 'Pause' }).click();
    await waitForStatus(page, /^Paused$/);
    await runControls(page).getByRole('button', { name: 'Resume' }).waitFor();
    await page.waitForTimeout(300); // a batch in flight when Pause arrived may still land
    const paused = await batchesDone(page);
    await page.waitForTimeout(1000);
    expect(await batchesDone(page), 'no batches while paused').toBe(paused);

    await runControls(page).getByRole('button', { name: 'Resume' }).click();
    await waitForStatus(page, /^Training$/);
    const resumed = await untilBatches(page, paused + 5);
    console.log(`training-control: paused at batch ${paused}, ${resumed} after resuming`);

    await runControls(page).getByRole('button', { name: 'Stop' }).click();
    await waitForStatus(page, /^Stopped$/, 30_000);
    await runControls(page).getByRole('button', { name: 'Train again' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('survives a killed trainer: an error with advice, the editor works, a new run starts', async () => {
    await runControls(page).getByRole('button', { name: 'Train again' }).click();
    await waitForStatus(page, /^Training$/);
    await untilBatches(page, 3);
    const pids = trainerPids();
    expect(pids.length, 'a trainer process is running').toBeGreaterThan(0);
    for (const pid of pids) process.kill(pid, 'SIGKILL');

    await waitForStatus(page, /^Failed$/, 30_000);
    const alert = dashboard(page).getByRole('alert');
    await alert.waitFor();
    const heading = (await alert.getByRole('heading').textContent()) ?? '';
    const text = (await alert.innerText()).replace(/\s+/g, ' ');
    console.log(`training-control: after killing trainer ${pids.join(', ')}: ${text}`);
    expect(heading.length).toBeGreaterThan(5);
    expect(await alert.getByRole('listitem').count(), 'what to do').toBeGreaterThan(0);
    await runControls(page).getByRole('button', { name: 'Train again' }).waitFor();

    // The editor still edits: change the first Dense layer's units.
    await railTab(page, 'Design').click();
    const dense = (await layerLabels(page)).find((l) => l.startsWith('Dense layer '))!;
    const name = /^Dense layer (\S+),/.exec(dense)![1]!;
    await selectLayer(page, name);
    await setField(page, 'Units', '96');
    await canvas(page)
      .getByRole('group', { name: new RegExp(`^Dense layer ${name}, output 96`) })
      .waitFor();
    expect(await inspector(page).getByLabel('Units', { exact: true }).inputValue()).toBe('96');

    // And a new run starts and trains.
    await railTab(page, 'Train').click();
    await runControls(page).getByRole('button', { name: 'Train again' }).click();
    await waitForStatus(page, /^Training$/);
    await untilBatches(page, 3);
    await runControls(page).getByRole('button', { name: 'Stop' }).click();
    await waitForStatus(page, /^Stopped$/, 30_000);
    expect(errors).toEqual([]);
  });
});
