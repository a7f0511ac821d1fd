/**
 * The dataset panel's health checks. Each warning says what is wrong, in numbers, and what the app
 * does about it — the importer never silently "fixes" a dataset, so the action is usually that it
 * trains anyway, and the warning tells the user what that will mean.
 */
import type { DatasetHealthWarning } from '../../src-shared/ipc/contract-training.js';
import type { SplitName } from '../../src-shared/training/dataset-types.js';

/** Fewer training samples than this makes a class "tiny". */
export const TINY_CLASS = 10;
/** Largest / smallest class at or above this ratio is "imbalanced". */
export const IMBALANCE_RATIO = 5;

/** One sample, identified by the hash of its decoded pixels (or row values). */
export interface SampleHash {
  split: SplitName;
  hash: string;
  /** What the user calls it: a path relative to the dataset folder, or "test sample 12". */
  name: string;
}

/** Everything the checks read. */
export interface HealthInput {
  task: 'classification' | 'regression';
  classNames: string[];
  counts: Record<SplitName, number[]>;
  /** Classes with a folder but no usable sample. */
  emptyClasses: string[];
  samples: SampleHash[];
  /** Original sizes (folders): one entry per distinct width × height × channels. */
  sourceSizes: { width: number; height: number; channels: number; count: number }[];
  /** The size and channels everything is converted to (folders). */
  target?: { height: number; width: number; channels: number; resize: string };
  /** "images" or "rows", for the messages. */
  unit: string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (names: string[], max = 5): string =>
  names.slice(0, max).map((n) => `"${n}"`).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');
const CHANNEL_NAMES: Record<number, string> = { 1: 'greyscale', 2: 'greyscale + alpha', 3: 'RGB', 4: 'RGBA' };
const RESIZE_WORDS: Record<string, string> = { stretch: 'stretched to fit', crop: 'centre-cropped to fit', pad: 'letterboxed with black to fit' };

/** All warnings for a dataset, most serious first. */
export function healthWarnings(input: HealthInput): DatasetHealthWarning[] {
  return [...classWarnings(input), ...duplicateWarnings(input), ...sizeWarnings(input)];
}

function classWarnings(input: HealthInput): DatasetHealthWarning[] {
  if (input.task !== 'classification') return [];
  const out: DatasetHealthWarning[] = [];
  const { classNames, counts, unit } = input;
  if (input.emptyClasses.length > 0) {
    out.push({
      kind: 'empty-class',
      message: `${input.emptyClasses.length === 1 ? 'Class' : 'Classes'} ${list(input.emptyClasses)} ${input.emptyClasses.length === 1 ? 'has' : 'have'} no usable ${unit}.`,
      action: "The class stays among the model's outputs but has no examples, so it is never learned. Add some, or remove the folder.",
    });
  }
  const train = classNames.map((name, c) => ({ name, n: counts.train[c] ?? 0 })).filter((c) => c.n > 0);
  const tiny = train.filter((c) => c.n < TINY_CLASS);
  if (tiny.length > 0) {
    out.push({
      kind: 'tiny-class',
      message: `${tiny.length === 1 ? 'Class' : 'Classes'} ${tiny.map((c) => `"${c.name}" (${c.n})`).join(', ')} ${tiny.length === 1 ? 'has' : 'have'} fewer than ${TINY_CLASS} training ${unit}.`,
      action: `Training uses them as they are; expect poor results for ${tiny.length === 1 ? 'this class' : 'these classes'}. Add ${unit}, or merge or remove the class.`,
    });
  }
  if (train.length >= 2) {
    const max = train.reduce((a, b) => (b.n > a.n ? b : a));
    const min = train.reduce((a, b) => (b.n < a.n ? b : a));
    const ratio = max.n / min.n;
    if (ratio >= IMBALANCE_RATIO) {
      out.push({
        kind: 'imbalance',
        message: `Classes are imbalanced: "${max.name}" has ${max.n} training ${unit}, "${min.name}" only ${min.n} (${ratio.toFixed(1)}×).`,
        action: 'Training proceeds without re-weighting, so the model may favour the large classes; check per-class recall in Results.',
      });
    }
  }
  return out;
}

function duplicateWarnings(input: HealthInput): DatasetHealthWarning[] {
  const groups = new Map<string, SampleHash[]>();
  for (const s of input.samples) {
    const group = groups.get(s.hash);
    if (group) group.push(s);
    else groups.set(s.hash, [s]);
  }
  let copies = 0;
  const copyExamples: string[] = [];
  let leaked = 0;
  const leakExamples: string[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const splits = new Set(group.map((s) => s.split));
    if (splits.size === 1) {
      copies += group.length - 1;
      if (copyExamples.length < 3) copyExamples.push(`${group[0]!.name} = ${group[1]!.name}`);
    } else {
      // Leakage: every validation/test member that has a twin in another split.
      leaked += group.filter((s) => s.split !== 'train').length;
      const a = group.find((s) => s.split === 'train') ?? group[0]!;
      const b = group.find((s) => s.split !== a.split)!;
      if (leakExamples.length < 3) leakExamples.push(`${a.name} (${a.split}) = ${b.name} (${b.split})`);
    }
  }
  const unit = input.unit;
  const out: DatasetHealthWarning[] = [];
  if (leaked > 0) {
    out.push({
      kind: 'cross-split-duplicates',
      message: `${plural(leaked, unit.replace(/s$/, ''))} in validation/test ${leaked === 1 ? 'is an exact copy' : 'are exact copies'} of ${unit} in another split (e.g. ${leakExamples.join('; ')}): the model is scored on ${unit} it trained on.`,
      action: `Kept as they are, so validation and test scores will look better than they are. Delete the copies to measure on unseen ${unit}.`,
    });
  }
  if (copies > 0) {
    out.push({
      kind: 'duplicates',
      message: `${plural(copies, unit.replace(/s$/, ''))} ${copies === 1 ? 'is an exact copy' : 'are exact copies'} of another in the same split (e.g. ${copyExamples.join('; ')}).`,
      action: 'Kept: each copy counts as its own sample, so those examples weigh more in training.',
    });
  }
  return out;
}

function sizeWarnings(input: HealthInput): DatasetHealthWarning[] {
  const { sourceSizes, target } = input;
  if (!target || sourceSizes.length === 0) return [];
  const out: DatasetHealthWarning[] = [];
  const sizes = new Map<string, number>();
  const channels = new Map<number, number>();
  for (const s of sourceSizes) {
    sizes.set(`${s.width}×${s.height}`, (sizes.get(`${s.width}×${s.height}`) ?? 0) + s.count);
    channels.set(s.channels, (channels.get(s.channels) ?? 0) + s.count);
  }
  if (sizes.size > 1) {
    const common = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([size, n]) => `${size} ×${n}`);
    out.push({
      kind: 'mixed-sizes',
      message: `Images come in ${sizes.size} different sizes (most common: ${common.join(', ')}).`,
      action: `Every image is ${RESIZE_WORDS[target.resize] ?? 'resized to fit'} ${target.width}×${target.height}, the Input's size.`,
    });
  }
  if (channels.size > 1) {
    const kinds = [...channels].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${CHANNEL_NAMES[c] ?? `${c} channels`} ×${n}`);
    out.push({
      kind: 'mixed-channels',
      message: `Images have different channel layouts (${kinds.join(', ')}).`,
      action: `Every image is converted to ${target.channels === 1 ? 'greyscale (1 channel)' : 'RGB (3 channels)'}, as the Input expects; transparency becomes black.`,
    });
  }
  return out;
}
