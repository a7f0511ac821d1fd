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
  z.object({ kind: z.literal('folder'), path: z.string().min(1) }),
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
});

const runSchema = z.looseObject({ id, startedAt: z.string() });

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
