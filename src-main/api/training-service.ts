/**
 * training:* calls. One run at a time: a second start while a run trains is refused with BUSY
 * (two trainers would halve each other's speed on a laptop and make every timing meaningless;
 * the UI offers Stop instead). Every event of the run goes out as `training:event`; a crashed
 * trainer arrives as an ordinary 'error' event from the host, and the service is ready for the
 * next start as soon as a run's final event has been forwarded.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import type { TrainingEstimate } from '../../src-shared/ipc/contract-training.js';
import type { TrainerEvent } from '../../src-shared/training/protocol.js';
import type { RunHandle, StartCommand, TrainingHost } from '../training/host/index.js';
import { ApiFailure } from './api-failure.js';
import type { EventSink } from './events.js';
import type { PathPolicy } from './path-policy.js';
import { newRunId, runDirFor } from './run-paths.js';
import { prepareRun, type PreparedRun } from './run-prepare.js';
import { estimateFrom, measureTrial, type TrialTiming } from './training-estimate.js';

export interface TrainingServiceOptions {
  paths: PathPolicy;
  emit: EventSink;
  host: TrainingHost;
  userDataDir: string;
  cacheDir: string;
  now?: () => Date;
}

export type TrainingHandlers = {
  [K in 'training:start' | 'training:control' | 'training:estimate']: (request: CallRequest<K>) => Promise<CallResponse<K>>;
};

/** A live run and where it has got to (for the BUSY message). */
interface LiveRun {
  handle: RunHandle;
  epoch: number | null;
  epochs: number;
}

/** Trial timings kept per model + data + batch settings. */
const MAX_CACHED_TIMINGS = 16;

/** Creates the training:* handlers around one training host. */
export function createTrainingHandlers(options: TrainingServiceOptions): TrainingHandlers {
  const { paths, emit, host } = options;
  const now = options.now ?? (() => new Date());
  const live = new Map<string, LiveRun>();
  // Set between a start's checks and its process: a second start in that window must see it too.
  let starting = false;
  const timings = new Map<string, Promise<TrialTiming>>();
  let trialQueue: Promise<unknown> = Promise.resolve();

  const refuseIfBusy = () => {
    const current = [...live.values()][0];
    if (current) {
      const where = current.epoch === null ? 'starting' : `epoch ${current.epoch}/${current.epochs}`;
      throw new ApiFailure('BUSY', `Run ${current.handle.runId} is still training (${where}). Stop it, or wait for it to finish, before starting another.`);
    }
    if (starting) throw new ApiFailure('BUSY', 'Another run is starting. Wait for it, or stop it, before starting another.');
  };

  const track = (run: LiveRun) => (event: TrainerEvent) => {
    if (event.type === 'batch') run.epoch = event.epoch;
    // Free the slot before the renderer hears the run ended, so "start again" right away works.
    if (event.type === 'finished' || event.type === 'error') live.delete(run.handle.runId);
    emit('training:event', event);
  };

  /** Trials run one at a time (two would share the cores and both measure wrong), cached by what they time. */
  const timeTrial = (prepared: PreparedRun): Promise<TrialTiming> => {
    const { epochs: _e, earlyStopping: _s, schedule: _l, ...timed } = prepared.settings;
    const key = createHash('sha256').update(JSON.stringify([prepared.model, prepared.data, timed])).digest('hex');
    const cached = timings.get(key);
    if (cached) return cached;
    if (live.size > 0 || starting) refuseIfBusy();
    const trial = trialQueue.then(() => measureTrial(host, prepared, options.cacheDir, `estimate-${newRunId(now())}`));
    trialQueue = trial.catch(() => {});
    timings.set(key, trial);
    // A failed trial is not remembered: the user may fix the data and ask again.
    trial.catch(() => timings.delete(key));
    if (timings.size > MAX_CACHED_TIMINGS) timings.delete(timings.keys().next().value!);
    return trial;
  };

  return {
    async 'training:start'(request) {
      refuseIfBusy();
      starting = true;
      try {
        const prepared = await prepareRun(paths, request);
        const runId = newRunId(now());
        const runDir = runDirFor(prepared.projectFile, options.userDataDir, runId);
        await mkdir(runDir, { recursive: true });
        const command: StartCommand = { type: 'start', runId, model: prepared.model, data: prepared.data, settings: prepared.settings, outDir: runDir, cacheDir: options.cacheDir };
        const run: LiveRun = { handle: host.startRun(command), epoch: null, epochs: prepared.settings.epochs };
        live.set(runId, run);
        run.handle.subscribe(track(run));
        return { runId, runDir, settings: prepared.settings };
      } finally {
        starting = false;
      }
    },

    async 'training:control'({ runId, command }) {
      const run = live.get(runId);
      if (!run) throw new ApiFailure('NOT_FOUND', `No run ${runId} is training (it may have finished).`);
      run.handle[command]();
      return {};
    },

    async 'training:estimate'(request): Promise<TrainingEstimate> {
      const prepared = await prepareRun(paths, request);
      return estimateFrom(prepared, await timeTrial(prepared));
    },
  };
}
