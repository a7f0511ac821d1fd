/**
 * Models and commands for trainer tests, built through the real compile path (document →
 * compileToKeras) so the trainer sees exactly what the app sends it.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KerasModelJson } from '../../../../src-shared/compile/keras-json.js';
import { compileToKeras } from '../../../../src-shared/compile/to-keras.js';
import type { GraphNode } from '../../../../src-shared/graph/document.js';
import { parseProject } from '../../../../src-shared/graph/project-file.js';
import { getSpec, type LayerType } from '../../../../src-shared/layers/catalog.js';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { Params } from '../../../../src-shared/layers/types.js';
import type { DataSource, TrainerEvent, TrainSettings } from '../../../../src-shared/training/protocol.js';
import type { StartCommand } from '../../../../src-main/training/trainer/index.js';

/** Compiles a straight chain of layers (the first must be an Input). */
export function chainModel(layers: Array<[LayerType, Params]>, name = 'test model'): KerasModelJson {
  const nodes: GraphNode[] = layers.map(([type, params], i) => ({
    id: `n${i}`,
    type,
    name: `${type.toLowerCase()}_${i}`,
    params: withDefaults(getSpec(type).params, params),
    position: { x: 0, y: i * 100 },
  }));
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id, targetIndex: 0 }));
  const result = compileToKeras({ name, nodes, edges });
  if (!result.ok) throw new Error(`compile failed: ${result.findings.map((f) => f.message).join('; ')}`);
  return result.model;
}

/** The compiled model of a bundled template (e.g. 'mlp-mnist'). */
export function templateModel(id: string): KerasModelJson {
  const file = fileURLToPath(new URL(`../../../../assets/templates/${id}.nwproj`, import.meta.url));
  const loaded = parseProject(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  const result = compileToKeras(loaded.doc);
  if (!result.ok) throw new Error(`template ${id} does not compile`);
  return result.model;
}

/** A small MNIST MLP: 784 → hidden (relu) [→ dropout] → 10 softmax. */
export function mnistMlp(hidden = 32, dropout = 0): KerasModelJson {
  const layers: Array<[LayerType, Params]> = [
    ['Input', { dataKind: 'image', shape: [28, 28, 1] }],
    ['Flatten', {}],
    ['Dense', { units: hidden, activation: 'relu' }],
  ];
  if (dropout > 0) layers.push(['Dropout', { rate: dropout }]);
  layers.push(['Dense', { units: 10, activation: 'softmax' }]);
  return chainModel(layers);
}

/** A small train split (1,000 digits) for multi-epoch tests: 10% train, 10% validation, 80% test. */
export const SMALL_SPLIT = { validation: 0.1, test: 0.8 };

/** A start command with fast defaults (wasm, 1 epoch, batch 64, seed 1). */
export function startCommand(
  model: KerasModelJson,
  settings: Partial<TrainSettings> = {},
  data: DataSource = { kind: 'mnist' },
  extra: Partial<StartCommand> = {},
): StartCommand {
  return {
    type: 'start',
    runId: 'test-run',
    model,
    data,
    settings: { optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 1, seed: 1, backend: 'wasm', ...settings },
    ...extra,
  };
}

/** Collects events; `of(type)` narrows to one kind. */
export function eventLog(): {
  events: TrainerEvent[];
  emit: (e: TrainerEvent) => void;
  of: <T extends TrainerEvent['type']>(type: T) => Extract<TrainerEvent, { type: T }>[];
} {
  const events: TrainerEvent[] = [];
  return {
    events,
    emit: (e) => void events.push(e),
    of: <T extends TrainerEvent['type']>(type: T) => events.filter((e): e is Extract<TrainerEvent, { type: T }> => e.type === type),
  };
}

/** A temporary folder, removed by `cleanup`. */
export async function tempDir(prefix = 'netwright-trainer-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes a CSV with a header and rows; returns its path. */
export async function writeCsv(dir: string, name: string, header: string[], rows: Array<Array<string | number>>): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  return file;
}
