/**
 * `netwright train` refusing bad input before any process starts, and reporting a trainer that
 * dies (through the stand-in trainer, so this file needs no tfjs).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './run-cli-captured.js';
import { runTrain } from '../../../../src-main/cli/commands/train.js';
import { CliError } from '../../../../src-main/cli/cli-error.js';
import { forkSpawner, TrainingHost } from '../../../../src-main/training/host/index.js';

const run = runCaptured;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'netwright-train-cli-'));
});

describe('netwright train: bad input', () => {
  it.each([
    [['--optimizer', 'lbfgs'], 2, 'unknown --optimizer "lbfgs"; choose one of sgd, adam, rmsprop, adagrad'],
    [['--epochs', '0'], 2, '--epochs must be between 1 and 100000, got 0'],
    [['--epochs', '2.5'], 2, '--epochs must be a whole number, got "2.5"'],
    [['--batch', 'lots'], 2, '--batch must be a whole number, got "lots"'],
    [['--lr=-1'], 2, '--lr must be a number above 0 and at most 10, got "-1"'],
    [['--lr', '-1'], 2, "To specify an option argument starting with a dash use '--lr=-XYZ'"],
    [['--backend', 'cuda'], 2, 'unknown --backend "cuda"; choose one of tfjs-node-gpu, tfjs-node, wasm, cpu'],
    [['--data', '/no/such/folder'], 1, 'the data folder /no/such/folder does not exist'],
    [['--data', '/no/such/file.csv'], 1, 'the data file /no/such/file.csv does not exist'],
    [['--colour'], 2, "Unknown option '--colour'"],
  ])('%j → exit %i', async (flags, code, message) => {
    const r = await run('train', 'mlp-mnist', '--out', path.join(dir, 'unused'), ...flags);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('names an unknown project and a missing argument', async () => {
    expect((await run('train', 'no-such-template')).err).toMatch(/no-such-template: no such file \(and no bundled template/);
    expect((await run('train')).code).toBe(2);
  });

  it('lists validation errors (exit 1) instead of starting a run', async () => {
    const broken = path.join(dir, 'broken.nwproj');
    const doc = {
      format: 'netwright-project',
      version: 1,
      name: 'broken',
      nodes: [
        { id: 'a', type: 'Input', name: 'digits', params: { dataKind: 'image', shape: [28, 28, 1] }, position: { x: 0, y: 0 } },
        { id: 'b', type: 'Dense', name: 'output', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 100 } },
      ],
      edges: [{ id: 'e', source: 'a', target: 'b', targetIndex: 0 }],
      dataset: { kind: 'mnist' },
      training: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 1, seed: 1, validationSplit: 0.1 },
      runs: [],
    };
    await writeFile(broken, JSON.stringify(doc));
    const r = await run('train', broken, '--out', path.join(dir, 'broken-run'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.nwproj cannot be trained: \d+ errors?\n {2}error [A-Z_]+: /);
  });
});

describe('netwright train: a dying trainer', () => {
  it('exits 1 with the crash message when the trainer process dies', async () => {
    const fake = fileURLToPath(new URL('../host/fixtures/fake-trainer.ts', import.meta.url));
    const host = new TrainingHost(forkSpawner({ entry: fake }), { env: { FAKE_MODE: 'exit-after-started' } });
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l) };
    const error = await runTrain(['mlp-mnist', '--out', path.join(dir, 'crash')], io, { host }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(1);
    expect((error as CliError).message).toMatch(
      /^training failed \[CRASHED\]: The trainer process exited with code 3 at the start of training\./,
    );
  });
});
