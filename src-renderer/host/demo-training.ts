/**
 * DEMO ONLY. The in-memory host's answers to the dataset and training calls (`dataset:inspect`,
 * `dataset:augmentPreview`, `training:start`, `training:control`, `training:estimate`): fake
 * inspections, simulated runs on a timer and an estimate from the model summary, so the Data and
 * Train workspaces work in demo mode and in component tests. Never used against a real server.
 */
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { summarizeModel } from '../../src-shared/graph/summary.js';
import { validateDocument } from '../../src-shared/graph/validate.js';
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import type { TrainSettings } from '../../src-shared/training/protocol.js';
import { toTrainSettings } from '../training/train-settings.js';
import { failure } from './call-failure.js';
import { demoAugmentPreview, demoInspect, type InspectRequest } from './demo-datasets.js';
import { DemoRun, demoEstimate } from './demo-run.js';

export interface DemoTrainingOptions {
  /**
   * False: `training:start` answers but no simulated events follow, and inspections answer at
   * once, so a test can feed its own TrainerEvents through `emit`. Default true.
   */
  autoplay?: boolean;
  /** Milliseconds between simulated batch events (default 60). */
  tickMs?: number;
  /** Replaces the fake inspection (tests: a chosen dataset summary, or a failure). */
  inspect?: (request: InspectRequest) => CallResult<'dataset:inspect'>;
}

type TrainingCall = 'dataset:inspect' | 'dataset:augmentPreview' | 'training:start' | 'training:control' | 'training:estimate';
export type DemoTrainingHandlers = {
  [K in TrainingCall]: (request: CallRequest<K>) => CallResult<K> | Promise<CallResult<K>>;
};

type Emit = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createDemoTraining(
  files: ReadonlyMap<string, string>,
  root: string,
  emit: Emit,
  opts: DemoTrainingOptions = {},
): DemoTrainingHandlers {
  const autoplay = opts.autoplay ?? true;
  const runs = new Map<string, DemoRun>();
  let counter = 0;
  const inspect = (request: InspectRequest) => (opts.inspect ?? ((r) => demoInspect(files, root, r)))(request);

  /** The settings a run would use and its dataset, or why it cannot start. */
  function prepare(
    request: CallRequest<'training:start'>,
  ): { ok: true; doc: ProjectDocument; settings: TrainSettings; data: DatasetInspection } | { ok: false; result: CallResult<CallName> } {
    const doc = request.doc as ProjectDocument;
    if (!doc?.dataset) return { ok: false, result: failure('BAD_REQUEST', 'Choose a dataset first (Data tab).') };
    const settings = { ...toTrainSettings(doc.training), ...(request.settings as Partial<TrainSettings> | undefined) };
    const found = inspect({ source: doc.dataset, projectPath: request.projectPath });
    if (!found.ok) return { ok: false, result: found };
    const validation = validateDocument(doc, { task: found.value.task, outputs: found.value.task === 'classification' ? found.value.classNames.length : 1 });
    if (validation.errors > 0)
      return { ok: false, result: failure('BAD_REQUEST', `The model has ${validation.errors} error${validation.errors === 1 ? '' : 's'}; fix ${validation.errors === 1 ? 'it' : 'them'} in the Design tab first.`) };
    return { ok: true, doc, settings, data: found.value };
  }

  return {
    async 'dataset:inspect'(request) {
      if (autoplay) {
        // Simulated import progress, so the progress bar is seen in demo mode.
        for (let done = 0; done <= 4; done++) {
          emit('dataset:progress', { phase: done < 2 ? 'scan' : 'decode', done: done * 250, total: 1000 });
          await later(90);
        }
      }
      return inspect(request);
    },
    'dataset:augmentPreview': (request) => demoAugmentPreview(request),
    'training:start'(request) {
      const ready = prepare(request);
      if (!ready.ok) return ready.result as CallResult<'training:start'>;
      counter += 1;
      const runId = `demo-${Date.now().toString(36)}-${counter}`;
      const summary = summarizeModel(ready.doc, validateDocument(ready.doc).analysis);
      const run = new DemoRun(
        { runId, settings: ready.settings, data: ready.data, params: summary.totalParams, layers: ready.doc.nodes.length, tickMs: opts.tickMs ?? 60 },
        (event) => emit('training:event', event),
      );
      runs.set(runId, run);
      // After the answer, as a real trainer starts after its process spawns.
      if (autoplay) setTimeout(() => run.play(), 150);
      return { ok: true, value: { runId, runDir: `${root}/runs/${runId}`, settings: ready.settings } };
    },
    'training:control'({ runId, command }) {
      const run = runs.get(runId);
      if (!run) return failure<'training:control'>('NOT_FOUND', `no run ${runId} is active`);
      run.control(command);
      return { ok: true, value: {} };
    },
    async 'training:estimate'(request) {
      const ready = prepare(request);
      if (!ready.ok) return ready.result as CallResult<'training:estimate'>;
      if (autoplay) await later(350);
      const summary = summarizeModel(ready.doc, validateDocument(ready.doc).analysis);
      return { ok: true, value: demoEstimate(ready.settings, ready.data, summary.totalParams, summary.macs, summary.activationBytes) };
    },
  };
}
