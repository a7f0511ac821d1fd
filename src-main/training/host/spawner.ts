/**
 * How the host starts a trainer process. Two transports exist — `child_process.fork` in plain
 * Node (CLI, browser mode, tests) and Electron's `utilityProcess` — and the host sees only this
 * interface, so crash handling, the watchdog and event forwarding are written (and tested) once.
 */
import type { TrainerCommand } from '../../../src-shared/training/protocol.js';

/** Why a trainer process ended: an exit code, or the signal that killed it (Node only reports one of them). */
export interface TrainerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running trainer process, seen through the operations every transport offers. */
export interface TrainerChild {
  /** The OS process id once known (a utilityProcess reports it after spawning). */
  readonly pid: number | undefined;
  /** Sends a command; returns false when the channel is already closed (the process is gone). */
  send(command: TrainerCommand): boolean;
  /** Every message the trainer sends, unvalidated: the host checks them. */
  onMessage(listener: (message: unknown) => void): void;
  /** Called exactly once, when the process has ended. */
  onExit(listener: (exit: TrainerExit) => void): void;
  /** The trainer's stderr text as it arrives (kept as a tail for crash messages). */
  onStderr(listener: (chunk: string) => void): void;
  /** Ends the process at once (SIGKILL unless told otherwise). */
  kill(signal?: NodeJS.Signals): void;
}

export interface SpawnOptions {
  /** Caps the trainer's V8 heap (MB), e.g. to test or enforce out-of-memory handling. */
  maxOldSpaceMb?: number;
  /** Extra environment variables for the trainer. */
  env?: Record<string, string>;
}

/** Starts one trainer process per call; the host never reuses one for a second run. */
export interface TrainerSpawner {
  spawn(options: SpawnOptions): TrainerChild;
}
