/**
 * Demo mode only: a LeNet project that "has been trained" four times, so the Results tab, the
 * run comparison and the Export dialog have something to show without a trainer. The curves
 * are made up (smooth decay plus seeded noise); the run folders are answered by
 * memory-results.ts. Nothing here is used outside the memory host.
 */
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { EpochMetrics, TrainSettings } from '../../src-shared/training/protocol.js';
import { mulberry32 } from '../../src-shared/training/random.js';

export const DEMO_TRAINED_PROJECT = 'examples/lenet-trained.nwproj';

interface CurveSpec {
  epochs: number;
  /** Validation accuracy the curve approaches. */
  ceiling: number;
  /** Epochs to get most of the way there. */
  speed: number;
  lr: number;
  seed: number;
  /** Validation loss starts rising again after this epoch (overfitting), if set. */
  overfitFrom?: number;
}

function curve(spec: CurveSpec): EpochMetrics[] {
  const rand = mulberry32(spec.seed);
  return Array.from({ length: spec.epochs }, (_, i) => {
    const epoch = i + 1;
    const progress = 1 - Math.exp(-epoch / spec.speed);
    const noise = () => (rand() - 0.5) * 0.004;
    const valAccuracy = Math.min(0.999, 0.86 + (spec.ceiling - 0.86) * progress + noise());
    const accuracy = Math.min(0.999, valAccuracy + 0.002 + epoch * 0.0009);
    const overfit = spec.overfitFrom && epoch > spec.overfitFrom ? (epoch - spec.overfitFrom) * 0.006 : 0;
    const valLoss = 0.045 + (0.5 - 0.045) * Math.exp(-epoch / (spec.speed * 0.9)) + overfit + noise() * 2;
    const loss = Math.max(0.004, valLoss * (0.82 - epoch * 0.025));
    return { epoch, loss, valLoss, accuracy, valAccuracy, mae: null, valMae: null, learningRate: spec.lr };
  });
}

/** A learning rate far too high: the loss climbs until it is NaN in the third epoch. */
const DIVERGING: EpochMetrics[] = [
  { epoch: 1, loss: 1.92, valLoss: 2.41, accuracy: 0.38, valAccuracy: 0.31, mae: null, valMae: null, learningRate: 0.5 },
  { epoch: 2, loss: 7.85, valLoss: 14.2, accuracy: 0.12, valAccuracy: 0.1, mae: null, valMae: null, learningRate: 0.5 },
];

function run(
  id: string,
  startedAt: string,
  minutes: number,
  status: StoredRun['status'],
  settings: Partial<TrainSettings>,
  history: EpochMetrics[],
  extra: Partial<StoredRun> = {},
): StoredRun {
  const best = history.reduce<EpochMetrics | null>((b, m) => (b === null || (m.valLoss ?? 1) < (b.valLoss ?? 1) ? m : b), null);
  const last = history.at(-1);
  return {
    id,
    startedAt,
    finishedAt: new Date(Date.parse(startedAt) + minutes * 60_000).toISOString(),
    status,
    runDir: `/demo/runs/${id}`,
    settings: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 10, seed: 42, ...settings },
    backend: 'wasm',
    history,
    bestEpoch: status === 'failed' ? null : (best?.epoch ?? null),
    test:
      status === 'failed' || !last ? null : { loss: (best?.valLoss ?? 0) * 1.04, accuracy: (best?.valAccuracy ?? 0) - 0.0015, mae: null },
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    ...extra,
  };
}

/** Four runs of LeNet on MNIST: a baseline, two better ones and one whose loss diverged. */
export function demoRuns(): StoredRun[] {
  return [
    run(
      'run-sgd-baseline',
      '2025-03-10T09:12:00.000Z',
      6.5,
      'completed',
      { optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, batchSize: 128, epochs: 8 },
      curve({ epochs: 8, ceiling: 0.975, speed: 3, lr: 0.01, seed: 1 }),
    ),
    run(
      'run-adam-baseline',
      '2025-03-10T10:03:00.000Z',
      9.2,
      'early-stopped',
      { earlyStopping: { patience: 2, restoreBest: true } },
      curve({ epochs: 9, ceiling: 0.988, speed: 1.8, lr: 0.001, seed: 2, overfitFrom: 7 }),
    ),
    run('run-adam-lr-high', '2025-03-10T11:40:00.000Z', 1.4, 'failed', { learningRate: 0.5 }, DIVERGING, {
      error: 'Loss became NaN at epoch 3, batch 412 (learning rate 0.5). The weights diverged.',
    }),
    run(
      'run-adam-cosine',
      '2025-03-11T08:20:00.000Z',
      10.8,
      'completed',
      { schedule: { kind: 'cosine' }, weightDecay: 0.0001, epochs: 12 },
      curve({ epochs: 12, ceiling: 0.9915, speed: 2, lr: 0.001, seed: 4 }),
    ),
  ];
}

/** `template` (LeNet) with the demo runs recorded in it. */
export function demoTrainedProject(template: ProjectDocument): ProjectDocument {
  return {
    ...structuredClone(template),
    name: `${template.name} — trained (demo)`,
    runs: demoRuns() as unknown as ProjectDocument['runs'],
  };
}
