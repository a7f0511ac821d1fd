/**
 * The exported train.py runs one epoch on the exported sample data (data.npz) under
 * `torchrun --nproc_per_node=2` (DistributedDataParallel on gloo) and reaches a finite loss;
 * rank 0 alone logs and saves.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readModelGraph } from '../../../../src-main/export/model-graph.js';
import { runPython } from '../../../../src-main/export/parity/python.js';
import { exportPytorch } from '../../../../src-main/export/pytorch/export-pytorch.js';
import type { TrainingRecipe } from '../../../../src-main/export/recipe.js';
import { trainedCase } from './export-kit.js';
import { ZOO } from './model-zoo.js';
import { missingPython } from './python-gate.js';

const TORCHRUN = '/usr/bin/torchrun';
const skip = (await missingPython('torch')) ?? (existsSync(TORCHRUN) ? null : `skipped: ${TORCHRUN} not found`);

describe('exported train.py', () => {
  it.skipIf(skip)('trains one epoch with 2 processes under torchrun (gloo) to a finite loss', async () => {
    const c = await trainedCase('batchnorm', ZOO.batchnorm.layers);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netwright-train-'));
    const recipe: TrainingRecipe = {
      loss: 'categoricalCrossentropy',
      optimizer: 'sgd',
      learningRate: 0.05,
      momentum: 0.9,
      schedule: { kind: 'step', everyEpochs: 1, factor: 0.5 },
      batchSize: 8,
      epochs: 3,
      weightDecay: 1e-4,
      seed: 3,
    };
    await exportPytorch(readModelGraph(c.model), dir, { recipe, samples: c.samples, reference: c.reference });
    const training = JSON.parse(readFileSync(path.join(dir, 'training.json'), 'utf8')) as { sampleData: { samples: number; labels: string } };
    expect(training.sampleData.samples).toBe(64);

    // --standalone: torchrun picks a free local port itself, so parallel test runs cannot collide.
    // --redirects 1 --tee 1: Debian's torch 1.13 crashes on Python 3.11 with the default "--redirects 0"
    // (Std.from_str("0") returns None after 3.11's IntFlag change); teeing stdout keeps it on the console.
    // --monitor_interval 1: the agent notices finished workers sooner than its 5 s default.
    const args = ['--standalone', '--nproc_per_node=2', '--redirects', '1', '--tee', '1', '--monitor_interval', '1', path.join(dir, 'train.py'), '--epochs', '1'];
    const r = await runPython(args, { command: TORCHRUN, cwd: dir, timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    // torchrun prefixes teed lines with the worker ("[default0]:").
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l.replace(/^\[default\d+\]:/, '')) as Record<string, number | string>);
    const epochs = lines.filter((l) => 'epoch' in l);
    expect(epochs).toHaveLength(1); // rank 0 only
    expect(epochs[0]!.processes).toBe(2);
    expect(epochs[0]!.samples).toBe(64); // the two shards together cover the data once
    expect(Number.isFinite(epochs[0]!.loss)).toBe(true);
    expect(existsSync(path.join(dir, 'trained_state_dict.pt'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
