/**
 * Checks a message from the host before acting on it: the host is trusted code, but a malformed
 * command must end as a clear BAD_COMMAND event rather than a crash deep inside tfjs.
 */
import { z } from 'zod';
import type { TrainerCommand } from '../../../src-shared/training/protocol.js';

const positive = z.number().finite().positive();
const fraction = z.number().min(0).lt(1);
const absPath = z.string().min(1).max(4096);

const augmentation = z.object({
  flipHorizontal: z.boolean().optional(),
  rotationDeg: z.number().min(0).max(180).optional(),
  shift: fraction.optional(),
  zoom: fraction.optional(),
  brightness: z.number().min(0).max(1).optional(),
});

const dataSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mnist') }),
  z.object({
    kind: z.literal('folder'),
    path: absPath,
    resize: z.enum(['stretch', 'crop', 'pad']).optional(),
    normalization: z.enum(['unit', 'standardize']).optional(),
    augmentation: augmentation.optional(),
  }),
  z.object({
    kind: z.literal('csv'),
    path: absPath,
    labelColumn: z.string().optional(),
    task: z.enum(['classification', 'regression']).optional(),
  }),
]);

const schedule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constant') }),
  z.object({ kind: z.literal('step'), everyEpochs: z.number().int().min(1), factor: positive }),
  z.object({ kind: z.literal('exponential'), decay: positive }),
  z.object({ kind: z.literal('cosine'), minLearningRate: z.number().min(0).optional() }),
  z.object({
    kind: z.literal('plateau'),
    factor: positive,
    patience: z.number().int().min(0),
    minLearningRate: z.number().min(0).optional(),
  }),
]);

/** TrainSettings as the trainer accepts them (the app checks overrides with it before spawning). */
export const trainSettingsSchema = z.object({
  optimizer: z.enum(['sgd', 'adam', 'rmsprop', 'adagrad']),
  learningRate: positive,
  momentum: z.number().min(0).lt(1).optional(),
  nesterov: z.boolean().optional(),
  schedule: schedule.optional(),
  batchSize: z.number().int().min(1).max(65536),
  epochs: z.number().int().min(1).max(100000),
  seed: z.number().finite(),
  split: z.object({ validation: fraction, test: fraction }).optional(),
  loss: z.enum(['auto', 'categoricalCrossentropy', 'binaryCrossentropy', 'meanSquaredError']).optional(),
  weightDecay: z.number().min(0).optional(),
  earlyStopping: z
    .object({ patience: z.number().int().min(0), minDelta: z.number().min(0).optional(), restoreBest: z.boolean().optional() })
    .nullable()
    .optional(),
  backend: z.enum(['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu']).optional(),
  batchEventsPerSecond: z.number().min(0).optional(),
  maxBatches: z.number().int().min(1).optional(),
});

// The model is checked only as far as the trainer relies on its shape; tfjs checks the rest.
const model = z.looseObject({
  class_name: z.string(),
  config: z.looseObject({
    name: z.string(),
    layers: z.array(z.looseObject({ class_name: z.string(), name: z.string(), config: z.record(z.string(), z.unknown()) })),
    input_layers: z.array(z.unknown()),
    output_layers: z.array(z.unknown()),
  }),
});

const command = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    runId: z.string().min(1).max(200),
    model,
    data: dataSource,
    settings: trainSettingsSchema,
    outDir: absPath.optional(),
    cacheDir: absPath.optional(),
  }),
  z.object({ type: z.literal('pause') }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('stop') }),
]);

/** The command, or a message saying what is wrong with it. */
export function parseCommand(message: unknown): { ok: true; command: TrainerCommand } | { ok: false; error: string } {
  const result = command.safeParse(message);
  if (result.success) return { ok: true, command: result.data as TrainerCommand };
  const issue = result.error.issues[0]!;
  return { ok: false, error: `Bad command: ${issue.path.join('.') || '(root)'}: ${issue.message}` };
}
