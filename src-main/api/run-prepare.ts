/**
 * From a training:start / training:estimate request to what a trainer's start command needs:
 * the validated document, its compiled model, the protocol settings (project settings plus the
 * renderer's overrides, checked with the trainer's own schema) and a data source whose path
 * the policy allows. Everything a user can fix is reported here, before a process starts.
 */
import { compileToKeras } from '../../src-shared/compile/to-keras.js';
import type { KerasModelJson } from '../../src-shared/compile/keras-json.js';
import type { ProjectDocument, TrainingSettings } from '../../src-shared/graph/document.js';
import { loadProjectValue, formatPath } from '../../src-shared/graph/project-file.js';
import { summarizeModel, type ModelSummary } from '../../src-shared/graph/summary.js';
import { taskFromDataset, validateDocument } from '../../src-shared/graph/validate.js';
import type { DataSource, TrainSettings } from '../../src-shared/training/protocol.js';
import { trainSettingsFromProject } from '../training/host/run-setup.js';
import { trainSettingsSchema } from '../training/trainer/validate-command.js';
import { ApiFailure } from './api-failure.js';
import type { PathPolicy } from './path-policy.js';
import { resolveRequestSource } from './run-paths.js';

/** A document ready to train. */
export interface PreparedRun {
  doc: ProjectDocument;
  model: KerasModelJson;
  data: DataSource;
  settings: TrainSettings;
  /** The project file's real path; null while untitled. */
  projectFile: string | null;
  summary: ModelSummary;
}

export interface PrepareRequest {
  doc: unknown;
  projectPath: string | null;
  settings?: Record<string, unknown> | undefined;
}

/** Validates, compiles and resolves; throws ApiFailure (INVALID_PROJECT, BAD_REQUEST, FORBIDDEN, NOT_FOUND). */
export async function prepareRun(paths: PathPolicy, request: PrepareRequest): Promise<PreparedRun> {
  const loaded = loadProjectValue(request.doc);
  if (!loaded.ok) throw new ApiFailure('INVALID_PROJECT', loaded.error);
  const doc = loaded.doc;
  if (!doc.dataset) throw new ApiFailure('INVALID_PROJECT', 'The project has no dataset yet: choose MNIST, an image folder or a CSV file in the dataset panel.');

  const validation = validateDocument(doc, taskFromDataset(doc.dataset));
  const compiled = validation.errors === 0 ? compileToKeras(doc) : null;
  if (!compiled?.ok) {
    const errors = (compiled ? compiled.findings : validation.findings).filter((f) => f.severity === 'error');
    const lines = errors.map((f) => `• ${f.message}`);
    throw new ApiFailure('INVALID_PROJECT', `The model cannot be trained yet (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }

  const projectFile = request.projectPath ? await paths.resolve(request.projectPath, 'existing') : null;
  const data = await resolveRequestSource(paths, doc.dataset, projectFile);
  return {
    doc,
    model: compiled.model,
    data,
    settings: mergeSettings(doc.training, request.settings ?? {}),
    projectFile,
    summary: summarizeModel(doc, validation.analysis),
  };
}

/**
 * The project's settings with the renderer's overrides on top. Overrides may be in the document's
 * terms (`validationSplit`, `testSplit`) or the protocol's (`split`); unknown keys are dropped.
 */
export function mergeSettings(training: TrainingSettings, overrides: Record<string, unknown>): TrainSettings {
  const settings = trainSettingsFromProject({ ...training, ...overrides } as TrainingSettings);
  if (overrides.split !== undefined) settings.split = overrides.split as TrainSettings['split'];
  const parsed = trainSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiFailure('BAD_REQUEST', `training settings: ${formatPath(issue.path)}: ${issue.message}`);
  }
  // Trial runs are the estimate's business; a real run always trains whole epochs.
  const { maxBatches: _trial, ...rest } = parsed.data as TrainSettings;
  return rest;
}
