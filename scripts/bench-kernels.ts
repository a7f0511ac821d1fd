/**
 * Stock tfjs kernels vs Netwright's, on the cpu and wasm backends: `npx tsx scripts/bench-kernels.ts`.
 *
 * Figures on a shared machine drift by up to 1.5x within minutes, so every comparison runs its
 * variants interleaved (stock, ours, stock, ours, …) and reports medians and their ratio.
 * Options: --reps N (default 7), --quick (fewer reps, skips the slowest stock cpu cases).
 */
import * as tf from '@tensorflow/tfjs';
import { ensureWasmBackend } from '../src-main/training/backends/wasm-setup.js';
import { registerNetwrightKernels, restoreStockKernels } from '../src-main/training/kernels/register.js';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repsArg = args.indexOf('--reps');
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : quick ? 3 : 7;

type Backend = 'cpu' | 'wasm';
interface Variant {
  label: 'stock' | 'ours';
  /** One timed unit of work; must force its results (dataSync) before returning. */
  run: () => void | Promise<void>;
}

function useKernels(label: Variant['label']): void {
  if (label === 'ours') registerNetwrightKernels();
  else restoreStockKernels();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs the variants interleaved; returns median ms per variant (NaN: the variant cannot run). */
async function interleaved(backend: Backend, variants: Variant[], reps = REPS): Promise<Map<string, number>> {
  await tf.setBackend(backend);
  const times = new Map<string, number[]>(variants.map((v) => [v.label, []]));
  const broken = new Set<string>();
  for (let rep = -1; rep < reps; rep++) {
    for (const v of variants) {
      if (broken.has(v.label)) continue;
      useKernels(v.label);
      const t0 = performance.now();
      try {
        await v.run();
      } catch {
        broken.add(v.label); // e.g. stock wasm has no Conv2DBackpropFilter
        continue;
      }
      if (rep >= 0) times.get(v.label)!.push(performance.now() - t0); // rep −1 warms up
    }
  }
  registerNetwrightKernels();
  return new Map(variants.map((v) => [v.label, broken.has(v.label) ? NaN : median(times.get(v.label)!)]));
}

const rows: string[][] = [['benchmark', 'backend', 'stock', 'ours', 'speedup']];
function report(name: string, backend: Backend, m: Map<string, number>, unit: 'ms' | 'samples/s' = 'ms', batch = 1): void {
  const stock = m.get('stock')!;
  const ours = m.get('ours')!;
  const fmt = (ms: number) =>
    Number.isNaN(ms) ? 'cannot run' : unit === 'ms' ? `${ms.toFixed(2)} ms` : `${((batch * 1000) / ms).toFixed(0)} samples/s`;
  const speedup = Number.isNaN(stock) ? '—' : `${(stock / ours).toFixed(1)}x`;
  rows.push([name, backend, fmt(stock), fmt(ours), speedup]);
  console.log(rows.at(-1)!.join(' | '));
}

/** Both variants run the same closure; only the installed kernels differ. */
const same = (run: () => void | Promise<void>): Variant[] => [
  { label: 'stock', run },
  { label: 'ours', run },
];

function sync(t: tf.Tensor | tf.Tensor[]): void {
  for (const x of Array.isArray(t) ? t : [t]) {
    x.dataSync();
    x.dispose();
  }
}

async function convFilterGrad(backend: Backend): Promise<void> {
  type Shape4 = [number, number, number, number];
  const cases: [string, Shape4, Shape4, number, 'same' | 'valid'][] = [
    ['conv dW 64×28×28×1 → 8, 3×3 same', [64, 28, 28, 1], [3, 3, 1, 8], 1, 'same'],
    ['conv dW 64×13×13×8 → 16, 3×3 valid', [64, 13, 13, 8], [3, 3, 8, 16], 1, 'valid'],
    ['conv dW 32×32×32×16 → 32, 3×3 /2 same', [32, 32, 32, 16], [3, 3, 16, 32], 2, 'same'],
  ];
  for (const [name, xs, fs, s, pad] of cases) {
    if (quick && backend === 'cpu' && xs[3]! > 8) continue; // stock takes seconds
    await tf.setBackend(backend);
    const x = tf.randomNormal(xs);
    const dy = tf.randomNormal(tf.conv2d(x as tf.Tensor4D, tf.zeros(fs) as tf.Tensor4D, s, pad).shape);
    const attrs = { strides: [s, s], pad, dataFormat: 'NHWC', filterShape: fs };
    const run = () => sync(tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attrs as never) as tf.Tensor);
    report(name, backend, await interleaved(backend, same(run), backend === 'cpu' ? Math.min(REPS, 3) : REPS));
    tf.dispose([x, dy]);
  }
}

async function otherGrads(backend: Backend): Promise<void> {
  await tf.setBackend(backend);
  // The CNN's second conv: its input gradient, and the pooling gradient after the first conv.
  const x = tf.randomNormal([64, 13, 13, 8]) as tf.Tensor4D;
  const w = tf.randomNormal([3, 3, 8, 16]) as tf.Tensor4D;
  const dy = tf.randomNormal([64, 11, 11, 16]) as tf.Tensor4D;
  const dx = () => sync(tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(t as tf.Tensor4D, w, 1, 'valid'), dy)))(x));
  report('conv dx 64×11×11×16 → 64×13×13×8', backend, await interleaved(backend, same(dx)));
  const p = tf.relu(tf.randomNormal([64, 26, 26, 8])) as tf.Tensor4D;
  const pdy = tf.randomNormal([64, 13, 13, 8]);
  const pool = () => sync(tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), pdy)))(p));
  report('maxPool dx 64×26×26×8, 2×2', backend, await interleaved(backend, same(pool)));
  const table = tf.randomNormal([2000, 32]);
  const ids = tf.randomUniform([64 * 20], 0, 2000, 'int32');
  const edy = tf.randomNormal([64 * 20, 32]);
  const emb = () => sync(tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), edy)))(table));
  if (backend === 'wasm' || !quick) report('embedding dW 2000×32, 1280 ids', backend, await interleaved(backend, same(emb), 3));
  tf.dispose([x, w, dy, p, pdy, table, ids, edy]);
}

async function matMulGrads(backend: Backend): Promise<void> {
  for (const [batch, inp, out] of [
    [64, 784, 128],
    [256, 512, 512],
  ] as const) {
    await tf.setBackend(backend);
    const x = tf.randomNormal([batch, inp]);
    const wt = tf.randomNormal([inp, out]);
    const dy = tf.randomNormal([batch, out]);
    // What a Dense layer's gradient runs: dW = xᵀ·dy (transposeA), dx = dy·Wᵀ (transposeB).
    const run = () => sync([tf.matMul(x, dy, true, false), tf.matMul(dy, wt, false, true)]);
    report(`Dense ${inp}→${out} grads (xᵀ·dy, dy·Wᵀ), batch ${batch}`, backend, await interleaved(backend, same(run)));
    tf.dispose([x, wt, dy]);
  }
}

function mlp(): tf.LayersModel {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
}

function cnn(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu' }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
}

async function trainingStep(backend: Backend, name: string, build: () => tf.LayersModel, inputShape: number[]): Promise<void> {
  await tf.setBackend(backend);
  const batch = 64;
  const model = build();
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([batch, ...inputShape]);
  const y = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10);
  const step = async () => {
    await model.trainOnBatch(x, y);
  };
  const slowStock = backend === 'cpu' && name.startsWith('CNN');
  report(
    `train step ${name}, batch ${batch}`,
    backend,
    await interleaved(backend, same(step), slowStock ? Math.min(REPS, 3) : REPS),
    'samples/s',
    batch,
  );
  model.dispose();
  tf.dispose([x, y]);
}

async function main(): Promise<void> {
  const wasm = await ensureWasmBackend();
  console.log(
    `tfjs ${tf.version.tfjs}, Node ${process.version}, wasm SIMD ${wasm.simd}, ${wasm.threads} thread; medians of ${REPS} interleaved runs`,
  );
  registerNetwrightKernels();
  for (const backend of ['wasm', 'cpu'] as const) {
    await convFilterGrad(backend);
    await matMulGrads(backend);
    await otherGrads(backend);
    await trainingStep(backend, 'MLP 784-128-10', mlp, [784]);
    await trainingStep(backend, 'CNN conv8-pool-conv16-pool-dense10', cnn, [28, 28, 1]);
  }
  console.log('\n' + rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
}

await main();
