/**
 * One training run, in process: backend → model → data → loss plan → epochs → test → save. The
 * trainer process drives exactly this; tests and benchmarks call it directly. Every exit path
 * ends with one 'finished' or one 'error' event, and leaves no tensors behind (unless the caller
 * asks to keep the model).
 */
import * as tf from '@tensorflow/tfjs';
import type { ImportProgress } from '../../../src-shared/training/dataset-types.js';
import type { TrainerCommand, TrainerEvent } from '../../../src-shared/training/protocol.js';
import { chooseBackend } from './backend-choice.js';
import { buildModel, layerTypesOf } from './build-model.js';
import { WeightSnapshot } from './checkpoint.js';
import { TrainingControl } from './control.js';
import { loadRunData } from './data.js';
import { runEpochs } from './epochs.js';
import { classifyError } from './errors.js';
import { evaluateSource, type LoopEnv } from './fit-loop.js';
import { planLoss } from './loss.js';
import { createOptimizer } from './optimizers.js';
import { BEST_DIR, writeRunOutputs, type RunSummary } from './run-outputs.js';
import { Stepper } from './step.js';

/** The command that starts a run. */
export type StartCommand = Extract<TrainerCommand, { type: 'start' }>;
/** Receives every event of the run, in order. */
export type EmitFn = (event: TrainerEvent) => void;
/** The event a run ends with. */
export type FinalEvent = Extract<TrainerEvent, { type: 'finished' | 'error' }>;

/** In-process extras. */
export interface RunOptions {
  /** Return the trained model instead of disposing it (the caller must dispose it). */
  keepModel?: boolean;
}

/** The final event, and the model when `keepModel` was set and the run finished. */
export interface RunOutcome {
  final: FinalEvent;
  model: tf.LayersModel | null;
}

/** Runs training to the end (or stop / error); never throws. */
export async function runTraining(
  command: StartCommand,
  emit: EmitFn,
  control: TrainingControl = new TrainingControl(),
  options: RunOptions = {},
): Promise<RunOutcome> {
  const { runId, settings } = command;
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const unsubscribe = control.onState((state) => emit({ type: 'state', runId, state }));
  const snapshot = new WeightSnapshot();
  let model: tf.LayersModel | null = null;
  let optimizer: tf.Optimizer | null = null;
  let keep = false;
  try {
    const backend = await chooseBackend(layerTypesOf(command.model), settings.backend);
    const built = await buildModel(command.model, settings.seed);
    model = built.model;
    const { facts } = built;
    const data = await loadRunData(command.data, {
      inputShape: facts.inputShape,
      seed: settings.seed,
      ...(settings.split ? { split: settings.split } : {}),
      ...(command.cacheDir ? { cacheDir: command.cacheDir } : {}),
      signal: control.signal,
      onProgress: throttledProgress((progress) => emit({ type: 'data-progress', runId, progress })),
    });
    const plan = planLoss(settings.loss, facts, data.report);
    optimizer = createOptimizer(settings);
    const env: LoopEnv = {
      runId,
      emit,
      control,
      stepper: new Stepper(model, optimizer, plan, facts, settings.weightDecay ?? 0),
      plan,
      batchSize: settings.batchSize,
      seed: settings.seed,
      batchEventsPerSecond: settings.batchEventsPerSecond ?? 20,
      ...(settings.maxBatches !== undefined ? { maxBatches: settings.maxBatches } : {}),
    };
    const batchesPerEpoch = Math.ceil(data.report.counts.train / settings.batchSize);
    emit({ type: 'started', runId, backend, dataset: data.report, params: model.countParams(), batchesPerEpoch });

    const outcome = await runEpochs(env, {
      model,
      optimizer,
      data,
      settings,
      snapshot,
      ...(command.outDir ? { outDir: command.outDir } : {}),
    });
    // A stop lands mid-epoch, on weights no validation has seen: keep the best epoch's instead.
    const useBest = !snapshot.empty && (outcome.reason === 'stopped' || settings.earlyStopping?.restoreBest === true);
    if (useBest) {
      snapshot.restore(model);
      emit({
        type: 'log',
        runId,
        level: 'info',
        message: `Using the weights of epoch ${snapshot.epoch} (the best ${data.report.counts.validation > 0 ? 'validation' : 'training'} loss).`,
      });
    }
    const testResult = outcome.reason === 'stopped' ? null : await evaluateSource(env, data.splits.test, false);
    const classification = plan.task === 'classification';
    const test = testResult && {
      loss: testResult.loss,
      accuracy: classification ? testResult.metric : null,
      mae: classification ? null : testResult.metric,
    };
    if (command.outDir) {
      const summary: RunSummary = {
        format: 'netwright-run',
        version: 1,
        runId,
        reason: outcome.reason,
        finishedAt: new Date().toISOString(),
        seconds: seconds(),
        backend,
        settings,
        data: command.data,
        task: plan.task,
        loss: plan.loss,
        params: model.countParams(),
        dataset: data.report,
        preprocessing: data.preprocessing,
        epochsRun: outcome.history.length,
        bestEpoch: outcome.bestEpoch,
        savedWeights: useBest ? 'best' : 'last',
        final: outcome.history.at(-1) ?? null,
        test,
        files: { model: 'model.json', best: outcome.bestEpoch === null ? null : `${BEST_DIR}/model.json`, history: 'history.json' },
      };
      await writeRunOutputs(command.outDir, model, outcome.history, summary);
    }
    const final: FinalEvent = {
      type: 'finished',
      runId,
      reason: outcome.reason,
      history: outcome.history,
      bestEpoch: outcome.bestEpoch,
      test,
      seconds: seconds(),
      outDir: command.outDir ?? null,
    };
    emit(final);
    keep = options.keepModel === true;
    return { final, model: keep ? model : null };
  } catch (error) {
    // A stop during a dataset import aborts it: that is a stopped run, not a failure.
    const aborted = control.stopRequested && (error === control.signal.reason || (error as Error | null)?.name === 'AbortError');
    const final: FinalEvent = aborted
      ? { type: 'finished', runId, reason: 'stopped', history: [], bestEpoch: null, test: null, seconds: seconds(), outDir: null }
      : { type: 'error', runId, ...classifyError(error) };
    emit(final);
    return { final, model: null };
  } finally {
    unsubscribe();
    snapshot.dispose();
    optimizer?.dispose();
    if (!keep) model?.dispose();
  }
}

/** Passes phase changes and completions through, and other progress at most 10 times a second. */
function throttledProgress(send: (p: ImportProgress) => void): (p: ImportProgress) => void {
  let last = 0;
  let phase = '';
  return (p) => {
    const now = performance.now();
    if (p.phase !== phase || p.done >= p.total || now - last >= 100) {
      phase = p.phase;
      last = now;
      send(p);
    }
  };
}
