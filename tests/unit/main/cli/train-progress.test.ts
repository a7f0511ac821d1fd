import { describe, expect, it } from 'vitest';
import type { TrainerEvent } from '../../../../src-shared/training/protocol.js';
import { createProgressPrinter, formatBar, formatDuration } from '../../../../src-main/cli/train-progress.js';

const runId = 'r';
const started: TrainerEvent = {
  type: 'started',
  runId,
  backend: { backend: 'wasm', device: 'cpu', threads: 1, notUsed: [{ backend: 'tfjs-node', why: 'not installed' }] },
  dataset: {
    kind: 'mnist',
    task: 'classification',
    classNames: ['0', '1'],
    sampleShape: [28, 28, 1],
    counts: { train: 8000, validation: 1000, test: 1000 },
    skipped: [],
  },
  params: 101770,
  batchesPerEpoch: 125,
};
const batch: TrainerEvent = {
  type: 'batch',
  runId,
  epoch: 1,
  batch: 25,
  batchesPerEpoch: 125,
  loss: 0.5,
  accuracy: 0.8,
  samplesPerSecond: 16000,
};
const metrics = { epoch: 1, loss: 0.31234, valLoss: 0.25, accuracy: 0.91, valAccuracy: 0.93, mae: null, valMae: null, learningRate: 0.001 };
const epoch: TrainerEvent = {
  type: 'epoch',
  runId,
  epochs: 2,
  metrics,
  samplesPerSecond: 15000,
  elapsedSeconds: 3,
  etaSeconds: 3,
  numTensors: 10,
  memoryBytes: 1,
  isBest: true,
};

function render(events: TrainerEvent[], tty: boolean, json = false) {
  const out: string[] = [];
  const status: string[] = [];
  const io = {
    out: (l: string) => out.push(l),
    err: (l: string) => out.push(`ERR ${l}`),
    ...(tty ? { status: (s: string) => status.push(s) } : {}),
  };
  const print = createProgressPrinter(io, { json, batchSize: 64, epochs: 2 });
  for (const e of events) print(e);
  return { out, status };
}

describe('train progress', () => {
  it('draws a live bar with epoch, batch, loss/acc, samples/s and ETA on a terminal', () => {
    const { status } = render([started, batch], true);
    // ETA: (1 epoch × 125 + 100 batches) × 64 samples / 16,000 samples/s = 0.9 s.
    expect(status).toEqual([`Epoch 1/2 ${formatBar(25, 125)} 25/125 loss 0.5000 acc 0.8000 · 16,000 samples/s · ETA 0:01`]);
  });

  it('prints plain lines (no bar) when not a terminal', () => {
    const { out, status } = render([started, batch, epoch], false);
    expect(status).toEqual([]);
    expect(out).toEqual([
      'Backend: wasm on the CPU, 1 thread',
      '  tfjs-node not used: not installed',
      'Data: mnist (classification, 2 classes, sample shape [28, 28, 1]): 8,000 train, 1,000 validation, 1,000 test',
      'Model: 101,770 parameters; 125 batches of 64 per epoch',
      'Epoch 1/2  loss 0.3123 · acc 0.9100 · val_loss 0.2500 · val_acc 0.9300 · 15,000 samples/s · 0:03 elapsed · ETA 0:03 · best',
    ]);
  });

  it('writes every event as one JSON line with --json', () => {
    const { out } = render([started, batch], false, true);
    expect(out.map((l) => JSON.parse(l).type)).toEqual(['started', 'batch']);
  });

  it('formats durations and bars', () => {
    expect([formatDuration(65), formatDuration(3723), formatDuration(NaN)]).toEqual(['1:05', '1:02:03', '?']);
    expect(formatBar(1, 2, 4)).toBe('[██░░]');
  });
});
