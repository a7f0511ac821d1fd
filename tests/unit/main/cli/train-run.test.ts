/**
 * `netwright train` and `netwright evaluate` end to end: a real trainer process, real tfjs, the
 * built-in MNIST digits and the regression template's CSV. Each run is an epoch or two (~1 s).
 */
import { access, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../src-main/cli/main.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

let dir = '';
let mlpRun = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'netwright-train-run-'));
  mlpRun = path.join(dir, 'mlp');
});

describe('netwright train', () => {
  it('trains the MLP template for one epoch with --json: JSON event lines, and the run saved to --out', async () => {
    const r = await run('train', 'mlp-mnist', '--epochs', '1', '--batch', '128', '--seed', '3', '--json', '--out', mlpRun);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const events = r.out.map((l) => JSON.parse(l) as { type: string });
    const types = events.map((e) => e.type);
    expect(types).toContain('started');
    expect(types).toContain('batch');
    expect(types.filter((t) => t === 'epoch')).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'finished', reason: 'completed', outDir: mlpRun });
    for (const file of ['model.json', 'weights.bin', 'history.json', 'run-summary.json']) await access(path.join(mlpRun, file));
    const summary = JSON.parse(await readFile(path.join(mlpRun, 'run-summary.json'), 'utf8'));
    expect(summary.settings).toMatchObject({ epochs: 1, batchSize: 128, seed: 3, optimizer: 'adam' });
    expect(JSON.parse(await readFile(path.join(mlpRun, 'history.json'), 'utf8'))).toHaveLength(1);
  });

  it("resolves the regression template's relative CSV path against the template and prints epoch lines", async () => {
    const r = await run('train', 'regression-mlp', '--epochs', '2', '--out', path.join(dir, 'regression'));
    expect(r.code).toBe(0);
    expect(r.out).toContainEqual(
      expect.stringMatching(/^Data: csv \(regression, sample shape \[4\]\): 1,600 train, 200 validation, 200 test$/),
    );
    expect(r.out.filter((l) => /^Epoch \d\/2 {2}loss [\d.]+ · mae [\d.]+ · val_loss/.test(l))).toHaveLength(2);
    expect(r.out).toContainEqual(expect.stringMatching(/^Test: loss [\d.]+ · mae [\d.]+$/));
  });

  it('exits 1 with the trainer message when the loss diverges', async () => {
    const r = await run('train', 'regression-mlp', '--epochs', '3', '--optimizer', 'sgd', '--lr', '10', '--out', path.join(dir, 'nan'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^netwright: training failed \[NAN_LOSS\]: Loss became (infinite|NaN) at epoch 1, batch \d+ \(learning rate 10\)\. Try a lower learning rate/,
    );
  });
});

describe('netwright evaluate', () => {
  it('prints accuracy, the per-class table and the confusion matrix of a run on its test split', async () => {
    const r = await run('evaluate', mlpRun);
    expect(r.code).toBe(0);
    const text = r.out.join('\n');
    expect(text).toMatch(/^Data: built-in MNIST, test split: 1,000 samples/m);
    expect(text).toMatch(/^Accuracy: \d+\.\d\d% {2}\(\d+ of 1,000\)$/m);
    expect(text).toMatch(/^Class {2}Precision {2}Recall {6}F1 {2}Support$/m);
    expect(text).toMatch(/^9 +0\.\d{4} +0\.\d{4} +0\.\d{4} +\d+$/m);
    expect(text).toContain('Confusion matrix (rows: actual class, columns: predicted class)');
  });

  it('gives the same figures as JSON, matching the test accuracy the run reported', async () => {
    const r = await run('evaluate', path.join(mlpRun, 'model.json'), '--json');
    const e = JSON.parse(r.out[0]!);
    const summary = JSON.parse(await readFile(path.join(mlpRun, 'run-summary.json'), 'utf8'));
    expect(e.count).toBe(1000);
    expect(e.accuracy).toBeCloseTo(summary.test.accuracy, 6);
    expect(e.confusion).toHaveLength(10);
    expect(e.confusion.flat().reduce((a: number, b: number) => a + b, 0)).toBe(1000);
    expect(e.perClass.map((c: { name: string }) => c.name)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('can score every split, and refuses what it cannot evaluate', async () => {
    const all = JSON.parse((await run('evaluate', mlpRun, '--split', 'all', '--json')).out[0]!);
    expect(all.count).toBe(10_000);
    expect((await run('evaluate', path.join(dir, 'nothing-here'))).err).toMatch(/no such run folder or model\.json/);
    expect((await run('evaluate', mlpRun, '--split', 'dev')).code).toBe(2);
  });
});
