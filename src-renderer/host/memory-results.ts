/**
 * Demo mode's answers for results, "Try it" and export (`results:get`, `results:cell`,
 * `predict:image`, `export:run`, `shell:openPath`). Nothing here comes from a model: the
 * confusion matrix is generated from the run folder's name with MNIST-like mistakes (4↔9, 3↔5,
 * 7↔2…), pictures are drawn digits (demo-digits.ts) and every report line says "demo". It
 * exists so the Results tab and the Export dialog work in the page and in component tests.
 *
 * Conventions of the fake, by run folder: a path containing "regression" is a regression run,
 * one containing "missing" has no saved model (NOT_FOUND).
 */
import type { ApiError, CallName, CallRequest, CallResponse, CallResult, EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import type { FormatExportResult, PredictedSample, RunResults } from '../../src-shared/ipc/contract-training.js';
import { mulberry32 } from '../../src-shared/training/random.js';
import { failure } from './call-failure.js';
import { demoDigitOf, demoPreprocessed, digitImage, hashString } from './demo-digits.js';
import { demoRuns } from './demo-runs.js';

type ResultsCall = 'results:get' | 'results:cell' | 'predict:image' | 'export:run' | 'shell:openPath';
export type ResultsHandlers = { [K in ResultsCall]: (request: CallRequest<K>) => CallResult<K> };
type ExportFormat = FormatExportResult['format'];

export interface MemoryResultsOptions {
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** Formats the demo export fails, to show how a failure reads (default: PyTorch, "no python3"). */
  failingFormats?: readonly ExportFormat[];
}

const ok = <K extends CallName>(value: CallResponse<K>): CallResult<K> => ({ ok: true, value });

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** The real MNIST test set's class sizes. */
const SUPPORT = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
/** Who each digit is mistaken for, most often first (the usual MNIST suspects). */
const CONFUSED_WITH = [
  [6, 2, 8],
  [7, 2, 8],
  [7, 8, 3],
  [5, 8, 2],
  [9, 6, 2],
  [3, 6, 8],
  [0, 5, 4],
  [2, 9, 1],
  [3, 9, 5],
  [4, 7, 8],
];

const FORMAT_NAMES: Record<ExportFormat, string> = { tfjs: 'TF.js', onnx: 'ONNX', keras: 'Keras .h5', pytorch: 'PyTorch' };
const DEMO_FAILURE =
  'demo: PyTorch export runs a Python script and python3 with torch was not found. Install Python 3 and `pip install torch`, then export again; the other formats do not need it.';

/** Test accuracy of the demo's recorded runs, so a run's matrix agrees with its run card. */
const RECORDED_ACCURACY = new Map(demoRuns().map((r) => [r.runDir, r.test?.accuracy ?? null]));

/** The fake confusion matrix of a run folder: its recorded accuracy (else 97–99%), mistakes where MNIST models make them. */
export function demoConfusion(runDir: string): number[][] {
  const rand = mulberry32(hashString(runDir));
  const total = SUPPORT.reduce((a, b) => a + b, 0);
  const errors = Math.round(total * (1 - (RECORDED_ACCURACY.get(runDir) ?? 0.97 + rand() * 0.02)));
  // Some digits are harder than others: share the errors out unevenly, then exactly.
  const weights = SUPPORT.map((n) => n * (0.4 + rand() * 1.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const perClass = weights.map((w) => Math.floor((errors * w) / sum));
  for (let left = errors - perClass.reduce((a, b) => a + b, 0), c = 0; left > 0; left--, c = (c + 3) % 10) perClass[c]! += 1;
  return SUPPORT.map((n, actual) => {
    const row = DIGITS.map(() => 0);
    let e = perClass[actual]!;
    // A stray mistake elsewhere, as real matrices have.
    const stray = Math.floor(rand() * 10);
    if (e > 3 && stray !== actual && !CONFUSED_WITH[actual]!.includes(stray)) {
      row[stray] = 1;
      e -= 1;
    }
    const [a, b, c] = CONFUSED_WITH[actual]!;
    row[a!] = Math.round(e * 0.5);
    row[b!] = Math.round(e * 0.3);
    row[c!] = e - row[a!]! - row[b!]!;
    row[actual] = n - row.reduce((x, y) => x + y, 0);
    return row;
  });
}

function cellSamples(runDir: string, actual: number, predicted: number, count: number): PredictedSample[] {
  const seed = hashString(`${runDir}|${actual}|${predicted}`);
  const rand = mulberry32(seed);
  const mistake = actual !== predicted;
  const items = Array.from({ length: count }, (_, k): PredictedSample => {
    const confidence = mistake ? 0.42 + rand() * 0.57 : 0.86 + rand() * 0.1399;
    const index = (seed + k * 7919) % 10000;
    return {
      index,
      actual,
      predicted,
      confidence,
      image: digitImage(actual, seed + k, mistake ? 0.8 : 0.15, mistake ? predicted : undefined),
    };
  });
  return items.sort((a, b) => b.confidence - a.confidence);
}

function classification(runDir: string): RunResults {
  const confusion = demoConfusion(runDir);
  const columns = DIGITS.map((_, p) => confusion.reduce((s, row) => s + (row[p] ?? 0), 0));
  const total = SUPPORT.reduce((a, b) => a + b, 0);
  const correct = confusion.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  const perClass = DIGITS.map((className, c) => {
    const tp = confusion[c]![c]!;
    const precision = columns[c] ? tp / columns[c]! : 0;
    const recall = tp / SUPPORT[c]!;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { className, precision, recall, f1, support: SUPPORT[c]! };
  });
  const mistakes = confusion
    .flatMap((row, a) => row.map((n, p) => (a !== p && n > 0 ? cellSamples(runDir, a, p, Math.min(n, 3)) : [])))
    .flat()
    .sort((x, y) => y.confidence - x.confidence)
    .slice(0, 12);
  return { task: 'classification', classNames: DIGITS, accuracy: correct / total, confusion, perClass, mostConfidentMistakes: mistakes };
}

function regression(runDir: string): RunResults {
  const rand = mulberry32(hashString(runDir));
  const mae = 0.28 + rand() * 0.12;
  return {
    task: 'regression',
    classNames: [],
    accuracy: null,
    confusion: [],
    perClass: [],
    mostConfidentMistakes: [],
    mae,
    mse: mae * mae * 1.9,
  };
}

/** A failed call result fits every call's result type. */
type Failed = { ok: false; error: ApiError };

function missing(runDir: string): Failed | null {
  if (!runDir.includes('missing')) return null;
  return {
    ok: false,
    error: { code: 'NOT_FOUND', message: `no saved model in ${runDir}: the run folder was moved or deleted since the run finished` },
  };
}

/** The top-k of a made-up softmax: one clear winner, a runner-up or two, a long tail. */
function demoPrediction(image: string, top: number): { className: string; probability: number }[] {
  const known = demoDigitOf(image);
  const rand = mulberry32(hashString(image));
  const winner = known ?? Math.floor(rand() * 10);
  const logits = DIGITS.map((_, c) => (c === winner ? 6 + rand() * 2 : rand() * 3.2));
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return DIGITS.map((className, c) => ({ className, probability: exps[c]! / sum }))
    .sort((a, b) => b.probability - a.probability)
    .slice(0, top);
}

function exportFormat(format: ExportFormat, outDir: string, failing: boolean): FormatExportResult {
  if (failing) return { format, ok: false, dir: null, report: DEMO_FAILURE, topOneAgreement: null, maxAbsDiff: null };
  const maxAbsDiff = (1 + (hashString(format) % 40) / 10) * (format === 'tfjs' ? 1e-8 : 1e-7);
  return {
    format,
    ok: true,
    dir: `${outDir}/${format}`,
    report: `demo parity check (${FORMAT_NAMES[format]}): 64 samples, top-1 100.0%, max |Δ| ${maxAbsDiff.toExponential(1)}: pass`,
    topOneAgreement: 1,
    maxAbsDiff,
  };
}

export function createResultsHandlers(opts: MemoryResultsOptions): ResultsHandlers {
  const failing = new Set<ExportFormat>(opts.failingFormats ?? ['pytorch']);
  return {
    'results:get': ({ runDir }) => missing(runDir) ?? ok(runDir.includes('regression') ? regression(runDir) : classification(runDir)),
    'results:cell': ({ runDir, actual, predicted, limit }) => {
      const gone = missing(runDir);
      if (gone) return gone;
      const total = demoConfusion(runDir)[actual]?.[predicted];
      if (total === undefined) return failure('BAD_REQUEST', `no cell (${actual}, ${predicted}) in a ${DIGITS.length}-class matrix`);
      return ok({ items: cellSamples(runDir, actual, predicted, Math.min(total, limit ?? 24)), total });
    },
    'predict:image': ({ runDir, image, top }) => {
      const gone = missing(runDir);
      if (gone) return gone;
      const picture = 'dataUrl' in image ? image.dataUrl : digitImage(hashString(image.path) % 10, hashString(image.path));
      return ok({ top: demoPrediction(picture, top ?? 5), image: demoPreprocessed(picture) });
    },
    'export:run': ({ runDir, formats, outDir }) => {
      const gone = missing(runDir);
      if (gone) return gone;
      const results = formats.map((format) => {
        opts.emit('export:progress', { format, stage: 'exporting', message: `demo: writing ${FORMAT_NAMES[format]}` });
        const result = exportFormat(format, outDir, failing.has(format));
        if (result.ok) opts.emit('export:progress', { format, stage: 'checking', message: 'demo: comparing predictions on 64 samples' });
        opts.emit('export:progress', { format, stage: result.ok ? 'done' : 'failed', message: result.report });
        return result;
      });
      return ok({ outDir, results });
    },
    'shell:openPath': () => failure('UNSUPPORTED', 'demo mode has no file manager to open folders in'),
  };
}
