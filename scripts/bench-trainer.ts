/**
 * The trainer on the bundled MNIST templates: `npx tsx scripts/bench-trainer.ts [--reps N] [--models a,b]`.
 *  1. End to end: `runTraining` for 3 epochs (batch 64, Adam 1e-3, backend chosen automatically),
 *     seeds 42, 43, …: test accuracy and training samples/s (epochs 2–3; epoch 1 carries warm-up).
 *  2. Overhead: our epoch (trainEpoch + validation) against the plainest hand-written tfjs loop,
 *     on the same model and backend, interleaved epoch by epoch, in CPU seconds. Wall time on a
 *     shared 2-core machine swings by 2x with other processes; CPU time and interleaving do not.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KerasModelJson } from '../src-shared/compile/keras-json.js';
import { compileToKeras } from '../src-shared/compile/to-keras.js';
import { parseProject } from '../src-shared/graph/project-file.js';
import { loadMnist, splitArrayDataset, type ArraySplit } from '../src-main/datasets/index.js';
import { buildModel } from '../src-main/training/trainer/build-model.js';
import { TrainingControl } from '../src-main/training/trainer/control.js';
import { evaluateSource, trainEpoch, type LoopEnv } from '../src-main/training/trainer/fit-loop.js';
import { runTraining } from '../src-main/training/trainer/index.js';
import { planLoss } from '../src-main/training/trainer/loss.js';
import { Stepper } from '../src-main/training/trainer/step.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const REPS = Number(option('--reps', '3'));
const MODELS = option('--models', 'mlp-mnist,lenet-mnist').split(',');
const EPOCHS = 3;
const BATCH = 64;
const ROW = 784;

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function template(id: string): KerasModelJson {
  const loaded = parseProject(readFileSync(fileURLToPath(new URL(`../assets/templates/${id}.nwproj`, import.meta.url)), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  const compiled = compileToKeras(loaded.doc);
  if (!compiled.ok) throw new Error(`${id} does not compile`);
  return compiled.model;
}

/** The plainest hand-written epoch: shuffle, copy a batch, minimize, read the loss; predict on validation. */
function bareEpoch(model: tf.LayersModel, optimizer: tf.Optimizer, train: ArraySplit, validation: ArraySplit): void {
  const order = tf.util.createShuffledIndices(train.count);
  const xb = new Float32Array(BATCH * ROW);
  const yb = new Int32Array(BATCH);
  for (let offset = 0; offset < train.count; offset += BATCH) {
    const n = Math.min(BATCH, train.count - offset);
    for (let i = 0; i < n; i++) {
      const r = order[offset + i]!;
      xb.set(train.x.subarray(r * ROW, (r + 1) * ROW), i * ROW);
      yb[i] = train.y[r]!;
    }
    const loss = tf.tidy(() => {
      const xs = tf.tensor(xb.subarray(0, n * ROW), [n, 28, 28, 1]);
      const ys = tf.oneHot(tf.tensor1d(yb.subarray(0, n), 'int32'), 10);
      return optimizer.minimize(
        () => tf.metrics.categoricalCrossentropy(ys, model.apply(xs, { training: true }) as tf.Tensor).mean() as tf.Scalar,
        true,
      )!;
    });
    loss.dataSync();
    loss.dispose();
  }
  for (let offset = 0; offset < validation.count; offset += 256) {
    const n = Math.min(256, validation.count - offset);
    const pred = tf.tidy(
      () => model.predict(tf.tensor(validation.x.subarray(offset * ROW, (offset + n) * ROW), [n, 28, 28, 1])) as tf.Tensor,
    );
    pred.dataSync();
    pred.dispose();
  }
}

/** End to end: accuracy, speed and backend of `REPS` runs. */
async function endToEnd(json: KerasModelJson): Promise<{ accuracy: number[]; speed: number[]; backend: string }> {
  const accuracy: number[] = [];
  const speed: number[] = [];
  let backend = '';
  for (let rep = 0; rep < REPS; rep++) {
    const speeds: number[] = [];
    const settings = { optimizer: 'adam' as const, learningRate: 0.001, batchSize: BATCH, epochs: EPOCHS, seed: 42 + rep };
    const { final } = await runTraining({ type: 'start', runId: 'bench', model: json, data: { kind: 'mnist' }, settings }, (e) => {
      if (e.type === 'started') backend = e.backend.backend;
      if (e.type === 'epoch') speeds.push(e.samplesPerSecond);
    });
    if (final.type !== 'finished') throw new Error(JSON.stringify(final));
    accuracy.push(final.test!.accuracy!);
    speed.push(median(speeds.slice(1)));
  }
  return { accuracy, speed, backend };
}

/** CPU seconds per epoch (train + validation), ours vs bare, interleaved on one model (backend left active by endToEnd). */
async function overhead(
  json: KerasModelJson,
  splits: ReturnType<typeof splitArrayDataset>,
  classNames: string[],
): Promise<{ ours: number; bare: number }> {
  const { model, facts } = await buildModel(json, 42);
  const optimizer = tf.train.adam(0.001);
  const plan = planLoss('auto', facts, { task: 'classification', classNames });
  const env: LoopEnv = {
    runId: 'bench',
    emit: () => {},
    control: new TrainingControl(),
    stepper: new Stepper(model, optimizer, plan, facts),
    plan,
    batchSize: BATCH,
    seed: 42,
    batchEventsPerSecond: 20,
  };
  const ours: number[] = [];
  const bare: number[] = [];
  for (let rep = -1; rep < 2 * REPS + 1; rep++) {
    let t0 = cpuSeconds();
    await trainEpoch(env, splits.train, 1, 0.001);
    await evaluateSource(env, splits.validation);
    if (rep >= 0) ours.push(cpuSeconds() - t0);
    t0 = cpuSeconds();
    bareEpoch(model, optimizer, splits.train, splits.validation);
    if (rep >= 0) bare.push(cpuSeconds() - t0);
  }
  model.dispose();
  optimizer.dispose();
  return { ours: median(ours), bare: median(bare) };
}

const digits = await loadMnist();
const splits = splitArrayDataset(digits, undefined, 42);
for (const id of MODELS) {
  const json = template(id);
  const e2e = await endToEnd(json);
  const cost = await overhead(json, splits, digits.classNames);
  const pct = (xs: number[]) => xs.map((a) => `${(a * 100).toFixed(1)}%`).join(' / ');
  console.log(
    `${id} on ${e2e.backend}: test accuracy ${pct(e2e.accuracy)} (median ${(median(e2e.accuracy) * 100).toFixed(1)}%, seeds 42…), ` +
      `training ${e2e.speed.map(Math.round).join(' / ')} samples/s; CPU s/epoch ours ${cost.ours.toFixed(3)} vs bare loop ${cost.bare.toFixed(3)} ` +
      `→ overhead ${((cost.ours / cost.bare - 1) * 100).toFixed(1)}%`,
  );
}
