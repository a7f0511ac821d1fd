/**
 * Our trainer's throughput against a bare tfjs loop on the same backend, same model, same data
 * size, in the same process, interleaved round by round (figures here drift by up to 1.5x within
 * minutes, so only interleaved ratios mean anything).
 *
 * Both sides are timed per epoch, validation pass included: for ours, the time between
 * consecutive 'epoch' events of `runTraining` (so batch events, metrics, best-epoch snapshots and
 * everything else the trainer does per epoch count as overhead); for the bare loop, one epoch of
 * `trainBareEpoch`. The first epoch of every run is a warm-up and is not measured. Each epoch is
 * timed on the wall clock and in process CPU time: on a shared machine other processes stretch
 * wall time by up to 2x, CPU time far less (tfjs wasm and cpu compute on this one thread).
 */
import * as tf from '@tensorflow/tfjs';
import type { KerasModelJson } from '../../src-shared/compile/keras-json.js';
import type { SplitFractions } from '../../src-shared/training/dataset-types.js';
import type { BackendName, TrainerEvent } from '../../src-shared/training/protocol.js';
import { loadMnist, splitArrayDataset, type ArrayDataset } from '../../src-main/datasets/index.js';
import { runTraining } from '../../src-main/training/trainer/index.js';
import { buildBareModel, mark, rateBetween, trainBareEpoch, type BareData, type Mark, type Rate } from './bare-loop.js';

export interface TrainingCase {
  label: string;
  model: KerasModelJson;
  backend: Extract<BackendName, 'wasm' | 'cpu'>;
  /** Held-out fractions; the train split is the rest of MNIST's 10,000 digits (sized so an epoch takes ~1–2 s). */
  split: SplitFractions;
}

export type TrainingBenchResult = { ok: true; trainSamples: number; ours: Rate[]; bare: Rate[] } | { ok: false; why: string };

const BATCH = 64;
let mnist: ArrayDataset | null = null;

/** One round of ours: `epochs` epochs through runTraining; returns samples/s of epochs 2..N. */
async function oursRound(
  c: TrainingCase,
  epochs: number,
  seed: number,
): Promise<{ rates: Rate[]; trainSamples: number } | { why: string }> {
  const marks: Mark[] = [];
  let trainSamples = 0;
  const emit = (e: TrainerEvent) => {
    if (e.type === 'started') trainSamples = e.dataset.counts.train;
    if (e.type === 'epoch') marks.push(mark());
  };
  const { final } = await runTraining(
    {
      type: 'start',
      runId: `bench-${seed}`,
      model: c.model,
      data: { kind: 'mnist' },
      settings: { optimizer: 'adam', learningRate: 0.001, batchSize: BATCH, epochs, seed, split: c.split, backend: c.backend },
    },
    emit,
  );
  if (final.type === 'error') return { why: `${final.code}: ${final.message.split('\n')[0]}` };
  return { rates: marks.slice(1).map((t, i) => rateBetween(trainSamples, marks[i]!, t)), trainSamples };
}

/** One round of the bare loop on the same backend and the same split sizes. */
async function bareRound(c: TrainingCase, epochs: number, seed: number): Promise<Rate[]> {
  await tf.setBackend(c.backend);
  mnist ??= await loadMnist();
  const splits = splitArrayDataset(mnist, c.split, seed);
  const data: BareData = {
    x: splits.train.x,
    y: splits.train.y as Int32Array,
    count: splits.train.count,
    sampleShape: mnist.sampleShape,
    classes: mnist.classNames.length,
    validation: { x: splits.validation.x, count: splits.validation.count },
  };
  const model = await buildBareModel(c.model);
  const optimizer = tf.train.adam(0.001);
  const rates: Rate[] = [];
  try {
    for (let e = 0; e < epochs; e++) rates.push(await trainBareEpoch(model, optimizer, data, BATCH));
  } finally {
    model.dispose();
    optimizer.dispose();
  }
  return rates.slice(1);
}

/** `rounds` interleaved rounds of ours then bare, each `epochs` epochs long (the first one unmeasured). */
export async function benchTrainingCase(c: TrainingCase, rounds = 3, epochs = 3): Promise<TrainingBenchResult> {
  const ours: Rate[] = [];
  const bare: Rate[] = [];
  let trainSamples = 0;
  for (let r = 0; r < rounds; r++) {
    const o = await oursRound(c, epochs, 100 + r);
    if ('why' in o) return { ok: false, why: o.why };
    ours.push(...o.rates);
    trainSamples = o.trainSamples;
    bare.push(...(await bareRound(c, epochs, 100 + r)));
  }
  return { ok: true, trainSamples, ours, bare };
}
