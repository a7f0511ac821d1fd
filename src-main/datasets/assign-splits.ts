/**
 * Decides which split each usable image of a folder scan belongs to: the split folder it sits in
 * (split layout), or a seeded stratified draw (class layout). A split layout without a validation
 * folder gets its validation set carved out of train; without a test folder, test stays empty.
 */
import type { SplitFractions, SplitName } from '../../src-shared/training/dataset-types.js';
import type { FolderScan } from './scan-image-folder.js';
import { stratifiedSplit } from './split.js';

/** Indices into `scan.images` per split; only images with `usable[i] === 1` are assigned. */
export function assignSplits(scan: FolderScan, usable: Uint8Array, fractions: SplitFractions, seed: number): Record<SplitName, number[]> {
  const candidates = scan.images.map((_, i) => i).filter((i) => usable[i] === 1);
  const classCount = scan.classNames.length;
  if (scan.layout === 'classes') return pick(candidates, stratifiedSplit(labelsOf(scan, candidates), classCount, fractions, seed));

  const out: Record<SplitName, number[]> = { train: [], validation: [], test: [] };
  for (const i of candidates) out[scan.images[i]!.splitDir ?? 'train'].push(i);
  if (!scan.splitDirs.includes('validation') && fractions.validation > 0) {
    const train = out.train;
    const carved = pick(train, stratifiedSplit(labelsOf(scan, train), classCount, { validation: fractions.validation, test: 0 }, seed));
    out.train = carved.train;
    out.validation = carved.validation;
  }
  return out;
}

function labelsOf(scan: FolderScan, indices: number[]): Int32Array {
  return Int32Array.from(indices, (i) => scan.images[i]!.classIndex);
}

/** Maps split positions (into `pool`) back to scan indices. */
function pick(pool: number[], split: Record<SplitName, Int32Array>): Record<SplitName, number[]> {
  const map = (positions: Int32Array): number[] => Array.from(positions, (p) => pool[p]!);
  return { train: map(split.train), validation: map(split.validation), test: map(split.test) };
}
