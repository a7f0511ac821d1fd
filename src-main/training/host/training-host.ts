/**
 * The training host: one fresh trainer process per run, driven through the typed protocol.
 * Whatever happens to that process — a native abort, the OOM killer, a hang before 'ready' — the
 * app sees an ordinary 'error' event and keeps running; the next run gets a new process.
 */
import type { TrainerCommand, TrainerEvent } from '../../../src-shared/training/protocol.js';
import { isTrainerEvent } from '../../../src-shared/training/protocol.js';
import { describeCrash, type RunProgress, TextTail } from './crash-report.js';
import { EventStream, type FinalEvent } from './event-stream.js';
import { forkSpawner } from './fork-spawner.js';
import type { TrainerChild, TrainerExit, TrainerSpawner } from './spawner.js';

export type StartCommand = Extract<TrainerCommand, { type: 'start' }>;

export interface RunOptions {
  /** Give up (and report an error) when the process has not said 'ready' after this long. Default 60 s. */
  readyTimeoutMs?: number;
  /** Kill the process if it lingers this long after its final event. Default 5 s. */
  exitGraceMs?: number;
  /** Caps the trainer's V8 heap (MB). */
  maxOldSpaceMb?: number;
  env?: Record<string, string>;
}

export type RunState = 'starting' | 'running' | 'paused' | 'stopping' | 'ended';

/** A run in progress: its events, controls and outcome. Nothing here throws or rejects. */
export interface RunHandle extends AsyncIterable<TrainerEvent> {
  readonly runId: string;
  /** The trainer's process id (undefined until spawned). */
  readonly pid: number | undefined;
  readonly state: RunState;
  subscribe(listener: (event: TrainerEvent) => void): () => void;
  pause(): void;
  resume(): void;
  /** Asks the trainer to stop after the current batch; it still saves and sends 'finished' ('stopped'). */
  stop(): void;
  /** Ends the process at once; the run ends with an error event and nothing more is saved. */
  kill(): void;
  /** The final event: 'finished', or 'error' (including crashes). Never rejects. */
  readonly done: Promise<FinalEvent>;
  /** Resolves once the trainer process has really gone. */
  readonly exited: Promise<TrainerExit>;
}

const DEFAULTS = { readyTimeoutMs: 60_000, exitGraceMs: 5_000 };
// Messages already in the IPC pipe can arrive just after 'close'; wait this long before calling an exit a crash.
const LATE_MESSAGE_MS = 100;

/** Starts runs, each in its own trainer process. */
export class TrainingHost {
  private readonly active = new Set<RunHandle>();

  constructor(
    private readonly spawner: TrainerSpawner = forkSpawner(),
    private readonly defaults: RunOptions = {},
  ) {}

  /** Runs that have not ended yet. */
  get activeRuns(): readonly RunHandle[] {
    return [...this.active];
  }

  startRun(command: StartCommand, options: RunOptions = {}): RunHandle {
    const handle = startRun(this.spawner, command, { ...this.defaults, ...options });
    this.active.add(handle);
    void handle.done.then(() => this.active.delete(handle));
    return handle;
  }

  /** Kills every active run (app quit); each ends with an error event. */
  killAll(): void {
    for (const run of this.active) run.kill();
  }
}

/** Spawns a trainer, sends `command` once it is ready, and follows it to the end. */
export function startRun(spawner: TrainerSpawner, command: StartCommand, options: RunOptions = {}): RunHandle {
  const { readyTimeoutMs, exitGraceMs } = { ...DEFAULTS, ...options };
  const stream = new EventStream();
  const tail = new TextTail();
  const progress: RunProgress = { started: false, epoch: null, epochs: command.settings.epochs, batch: null, batchesPerEpoch: null };
  let state: RunState = 'starting';
  let ready = false;
  let pendingPause: 'pause' | 'resume' | null = null;
  let killedBecause: string | undefined;
  let resolveExited!: (exit: TrainerExit) => void;
  const exited = new Promise<TrainerExit>((r) => (resolveExited = r));

  const child: TrainerChild = spawner.spawn({ maxOldSpaceMb: options.maxOldSpaceMb, env: options.env });
  const crash = (exit: TrainerExit) => {
    const report = describeCrash({ exit, progress, stderrTail: tail.toString(), killedBecause, heapLimitMb: options.maxOldSpaceMb });
    const where = progress.epoch !== null ? { epoch: progress.epoch, ...(progress.batch !== null ? { batch: progress.batch } : {}) } : {};
    stream.emit({ type: 'error', runId: command.runId, code: report.code, message: report.message, ...where });
  };
  const forceEnd = (why: string) => {
    if (stream.ended) return;
    killedBecause = why;
    // Report now rather than on exit: a process that ignores the kill must not hang the app.
    crash({ code: null, signal: 'SIGKILL' });
    child.kill('SIGKILL');
  };

  const watchdog = setTimeout(() => forceEnd(`it did not report ready within ${Math.round(readyTimeoutMs / 1000)} s`), readyTimeoutMs);
  let graceTimer: NodeJS.Timeout | undefined;

  child.onStderr((chunk) => tail.push(chunk));
  child.onMessage((message) => {
    if (!isTrainerEvent(message) || stream.ended) return;
    if (message.type === 'ready') {
      if (ready) return;
      ready = true;
      clearTimeout(watchdog);
      state = 'running';
      child.send(command);
      if (pendingPause) child.send({ type: pendingPause });
      return;
    }
    track(message);
    stream.emit(message);
    if (stream.ended) {
      state = 'ended';
      graceTimer = setTimeout(() => child.kill('SIGKILL'), exitGraceMs);
    }
  });
  child.onExit((exit) => {
    clearTimeout(watchdog);
    clearTimeout(graceTimer);
    resolveExited(exit);
    setTimeout(() => {
      if (!stream.ended) crash(exit);
      state = 'ended';
    }, LATE_MESSAGE_MS);
  });

  function track(event: TrainerEvent): void {
    switch (event.type) {
      case 'started':
        progress.started = true;
        progress.batchesPerEpoch = event.batchesPerEpoch;
        break;
      case 'batch':
        progress.epoch = event.epoch;
        progress.batch = event.batch;
        progress.batchesPerEpoch = event.batchesPerEpoch;
        break;
      case 'epoch':
        progress.epochs = event.epochs;
        break;
      case 'state':
        state = event.state === 'stopping' ? 'stopping' : event.state;
        break;
      default:
        break;
    }
  }

  const control = (type: 'pause' | 'resume') => {
    if (stream.ended) return;
    if (ready) child.send({ type });
    else pendingPause = type;
  };

  return {
    runId: command.runId,
    get pid() {
      return child.pid;
    },
    get state() {
      return stream.ended ? 'ended' : state;
    },
    subscribe: (listener) => stream.subscribe(listener),
    [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
    pause: () => control('pause'),
    resume: () => control('resume'),
    stop() {
      if (stream.ended) return;
      if (!ready) {
        // Nothing has trained yet: there is nothing to save, so end the process and report a clean stop.
        clearTimeout(watchdog);
        stream.emit({
          type: 'finished',
          runId: command.runId,
          reason: 'stopped',
          history: [],
          bestEpoch: null,
          test: null,
          seconds: 0,
          outDir: null,
        });
        child.kill('SIGKILL');
        return;
      }
      state = 'stopping';
      child.send({ type: 'stop' });
    },
    kill: () => forceEnd('it was ended by force at your request; this run was not saved'),
    done: stream.done,
    exited,
  };
}
