/**
 * The zod schema of a project file at the current version. Every load validates against it
 * after migrating, so nothing downstream ever sees a half-valid document.
 */
import { z } from 'zod';
import { LAYER_TYPES } from '../layers/catalog.js';
import { PROJECT_FORMAT, PROJECT_VERSION } from './document.js';

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const id = z.string().min(1, 'expected a non-empty id');

const paramValue = z.union([finite, z.boolean(), z.string(), z.array(z.union([finite, z.null()]))]);

export const nodeSchema = z.object({
  id,
  type: z.enum(LAYER_TYPES),
  name: z.string().min(1, 'expected a non-empty layer name'),
  params: z.record(z.string(), paramValue),
  position: z.object({ x: finite, y: finite }),
});

export const edgeSchema = z.object({
  id,
  source: id,
  target: id,
  targetIndex: z.number().int().min(0),
});

const datasetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mnist') }),
  z.object({
    kind: z.literal('folder'),
    path: z.string().min(1),
    resize: z.enum(['stretch', 'crop', 'pad']).optional(),
    normalization: z.enum(['unit', 'standardize']).optional(),
    augmentation: z
      .object({
        flipHorizontal: z.boolean().optional(),
        rotationDeg: finite.refine((v) => v >= 0 && v <= 180, 'expected degrees from 0 to 180').optional(),
        shift: finite.refine((v) => v >= 0 && v <= 0.5, 'expected a fraction from 0 to 0.5').optional(),
        zoom: finite.refine((v) => v >= 0 && v <= 0.9, 'expected a fraction from 0 to 0.9').optional(),
        brightness: finite.refine((v) => v >= 0 && v <= 1, 'expected an offset from 0 to 1').optional(),
      })
      .optional(),
  }),
  z.object({
    kind: z.literal('csv'),
    path: z.string().min(1),
    labelColumn: z.string().optional(),
    task: z.enum(['classification', 'regression']).optional(),
  }),
]);

const trainingSchema = z.looseObject({
  optimizer: z.enum(['sgd', 'adam', 'rmsprop', 'adagrad']),
  learningRate: finite.refine((v) => v > 0, 'expected a learning rate > 0'),
  batchSize: z.number().int().min(1),
  epochs: z.number().int().min(1),
  seed: z.number().int(),
  validationSplit: finite.refine((v) => v >= 0 && v < 1, 'expected a fraction from 0 to below 1'),
  testSplit: finite.refine((v) => v >= 0 && v < 1, 'expected a fraction from 0 to below 1').optional(),
});

/**
 * A run record's optional fields are checked but never fatal: a malformed one (a hand edit, a
 * future version) is dropped rather than making the whole project unopenable, because runs are
 * history while the network is the work. What survives has the StoredRun types, so readers can
 * trust them; unknown fields are kept for newer versions.
 */
const lenient = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const metric = z.number().nullable();

const epochMetricsSchema = z.looseObject({
  epoch: z.number().int().min(0),
  loss: metric,
  valLoss: metric.optional(),
  accuracy: metric.optional(),
  valAccuracy: metric.optional(),
  mae: metric.optional(),
  valMae: metric.optional(),
  learningRate: metric.optional(),
});

/** Epochs a stored history may hold (far beyond any real run; bounds what a file can make us keep). */
export const MAX_STORED_EPOCHS = 100_000;

const runSchema = z.looseObject({
  id,
  startedAt: z.string(),
  finishedAt: lenient(z.string().max(100)),
  status: lenient(z.enum(['running', 'completed', 'stopped', 'early-stopped', 'failed'])),
  runDir: lenient(z.string().min(1).max(4096)),
  settings: lenient(z.looseObject({})),
  backend: lenient(z.string().max(200)),
  history: lenient(z.array(epochMetricsSchema).max(MAX_STORED_EPOCHS)),
  bestEpoch: lenient(z.number().int().min(0).nullable()),
  test: lenient(z.object({ loss: metric, accuracy: metric, mae: metric }).nullable()),
  classNames: lenient(z.array(z.string().max(1000)).max(100_000)),
  error: lenient(z.string().max(10_000)),
});

export const projectSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema),
  dataset: datasetSchema.nullable(),
  training: trainingSchema,
  runs: z.array(runSchema),
  importedFrom: z
    .object({
      format: z.enum(['keras', 'tfjs']),
      modelClass: z.enum(['Sequential', 'Functional']),
      kerasVersion: z.string().optional(),
    })
    .optional(),
});
