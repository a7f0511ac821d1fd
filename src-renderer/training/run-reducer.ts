/**
 * Folds trainer events into the live run, a frame's worth at a time: pure apart from appending
 * to the run's shared batch array (see `LiveRun.batches`). Returns the same run when nothing
 * changed, so subscribers skip the frame.
 */
import type { TrainerEvent, TrainSettings } from '../../src-shared/training/protocol.js';
import { LOG_LIMIT, type LiveRun, type RunLogEntry } from '../state/training-store.js';

/** A run that has been asked for but not yet answered by the host. */
export function createLiveRun(settings: TrainSettings, startedAt: string): LiveRun {
  return {
    id: null,
    runDir: null,
    startedAt,
    status: 'starting',
    settings,
    epochs: settings.epochs,
    backend: null,
    dataset: null,
    params: null,
    history: [],
    bestEpoch: null,
    batches: [],
    batchCount: 0,
    progress: {
      epoch: 0,
      batch: 0,
      batchesPerEpoch: 0,
      samplesPerSecond: null,
      elapsedSeconds: 0,
      etaSeconds: null,
      numTensors: null,
      memoryBytes: null,
      learningRate: settings.learningRate,
      data: null,
    },
    logs: [],
    error: null,
    finished: null,
    stored: false,
    clock: { start: null, pausedAt: null },
  };
}

/** Applies events in order; `now` (ms) times the live ETA between epoch events. */
export function reduceRun(run: LiveRun, events: readonly TrainerEvent[], now: number): LiveRun {
  let next = run;
  for (const event of events) next = reduceOne(next, event, now);
  return next;
}

function reduceOne(run: LiveRun, e: TrainerEvent, now: number): LiveRun {
  if (e.type === 'ready' || e.runId !== run.id) return run;
  // Nothing after the end changes a finished run (a late batch from a stopping trainer, say).
  if (run.finished || run.status === 'failed') return run;
  switch (e.type) {
    case 'data-progress':
      return { ...run, progress: { ...run.progress, data: { ...e.progress } } };
    case 'started':
      return {
        ...run,
        status: run.status === 'starting' ? 'running' : run.status,
        backend: e.backend,
        dataset: e.dataset,
        params: e.params,
        progress: { ...run.progress, batchesPerEpoch: e.batchesPerEpoch, data: null },
        clock: { start: now, pausedAt: null },
      };
    case 'batch': {
      run.batches.push({ x: e.epoch - 1 + e.batch / e.batchesPerEpoch, epoch: e.epoch, loss: e.loss, accuracy: e.accuracy });
      const done = (e.epoch - 1) * e.batchesPerEpoch + e.batch;
      const total = run.epochs * e.batchesPerEpoch;
      const elapsed = liveElapsed(run, now);
      return {
        ...run,
        status: run.status === 'starting' ? 'running' : run.status,
        batchCount: run.batches.length,
        progress: {
          ...run.progress,
          epoch: e.epoch,
          batch: e.batch,
          batchesPerEpoch: e.batchesPerEpoch,
          samplesPerSecond: e.samplesPerSecond,
          elapsedSeconds: elapsed ?? run.progress.elapsedSeconds,
          etaSeconds: elapsed !== null && done > 0 ? (elapsed * (total - done)) / done : run.progress.etaSeconds,
        },
      };
    }
    case 'epoch': {
      const history = [...run.history.filter((m) => m.epoch !== e.metrics.epoch), e.metrics];
      return {
        ...run,
        epochs: e.epochs,
        history,
        bestEpoch: e.isBest ? e.metrics.epoch : run.bestEpoch,
        progress: {
          ...run.progress,
          epoch: e.metrics.epoch,
          samplesPerSecond: e.samplesPerSecond,
          elapsedSeconds: e.elapsedSeconds,
          etaSeconds: e.etaSeconds,
          numTensors: e.numTensors,
          memoryBytes: e.memoryBytes,
          learningRate: e.metrics.learningRate,
        },
        // The trainer's own clock is authoritative; the live ETA continues from it.
        clock: { ...run.clock, start: now - e.elapsedSeconds * 1000 },
      };
    }
    case 'state':
      return { ...run, status: e.state, clock: nextClock(run.clock, e.state, now) };
    case 'log':
      return { ...run, logs: appendLog(run.logs, { level: e.level, message: e.message, at: now }) };
    case 'error':
      return {
        ...run,
        status: 'failed',
        error: { code: e.code, message: e.message, ...(e.epoch !== undefined ? { epoch: e.epoch } : {}), ...(e.batch !== undefined ? { batch: e.batch } : {}) },
        logs: appendLog(run.logs, { level: 'error', message: e.message, at: now }),
      };
    case 'finished':
      return {
        ...run,
        status: e.reason,
        history: e.history.length > 0 ? e.history : run.history,
        bestEpoch: e.bestEpoch ?? run.bestEpoch,
        finished: { reason: e.reason, test: e.test, seconds: e.seconds, outDir: e.outDir },
        progress: { ...run.progress, elapsedSeconds: e.seconds, etaSeconds: 0 },
      };
  }
}

function liveElapsed(run: LiveRun, now: number): number | null {
  return run.clock.start === null ? null : (now - run.clock.start) / 1000;
}

/** A pause does not count towards elapsed time: on resume the start moves forward by its length. */
function nextClock(clock: LiveRun['clock'], state: 'paused' | 'running' | 'stopping', now: number): LiveRun['clock'] {
  if (state === 'paused') return { ...clock, pausedAt: now };
  if (state === 'running' && clock.pausedAt !== null && clock.start !== null) return { start: clock.start + (now - clock.pausedAt), pausedAt: null };
  return clock;
}

function appendLog(logs: RunLogEntry[], entry: RunLogEntry): RunLogEntry[] {
  const next = [...logs, entry];
  return next.length > LOG_LIMIT ? next.slice(next.length - LOG_LIMIT) : next;
}
