/**
 * The plain-Node transport: `child_process.fork` of trainer-main. From TypeScript sources (tsx,
 * vitest) the child needs the tsx loader too; from a build it runs the compiled `.js` directly.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TrainerChild, TrainerExit, TrainerSpawner, SpawnOptions } from './spawner.js';

export interface ForkSpawnerOptions {
  /** The script to run; defaults to trainer-main next to this folder (same extension as this file). */
  entry?: string;
  /** Node flags for the child; defaults to the tsx loader when `entry` is TypeScript. */
  execArgv?: string[];
}

const runningFromSources = import.meta.url.endsWith('.ts');

/** Where trainer-main lives relative to this module, in sources or in a build. */
export function defaultTrainerEntry(): string {
  const ext = runningFromSources ? 'ts' : 'js';
  return fileURLToPath(new URL(`../trainer/trainer-main.${ext}`, import.meta.url));
}

/** `--import <tsx loader>` as an absolute URL, so the child finds tsx whatever its working directory. */
export function tsxImportArgs(): string[] {
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

/** A spawner that forks a Node child per run (advanced serialization: typed arrays cross intact). */
export function forkSpawner(options: ForkSpawnerOptions = {}): TrainerSpawner {
  const entry = options.entry ?? defaultTrainerEntry();
  const baseArgv = options.execArgv ?? (entry.endsWith('.ts') ? tsxImportArgs() : []);
  return {
    spawn(spawnOptions: SpawnOptions): TrainerChild {
      const execArgv = [...baseArgv];
      if (spawnOptions.maxOldSpaceMb !== undefined) execArgv.push(`--max-old-space-size=${spawnOptions.maxOldSpaceMb}`);
      const child = fork(entry, [], {
        execArgv,
        // stdout is inherited so stray console.log output from tfjs stays visible; stderr is
        // piped because its tail explains crashes (V8 prints "heap out of memory" there).
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
        serialization: 'advanced',
        env: { ...process.env, ...spawnOptions.env },
        // Its own process group, so a terminal's Ctrl-C reaches only the host, which then asks the
        // trainer to stop and save (Windows would open a console window instead). The trainer still
        // exits when the host goes: it quits when the IPC channel closes.
        detached: process.platform !== 'win32',
      });
      child.stderr?.setEncoding('utf8');
      const exitListeners: ((exit: TrainerExit) => void)[] = [];
      let exited: TrainerExit | null = null;
      const finish = (exit: TrainerExit) => {
        if (exited) return;
        exited = exit;
        for (const l of exitListeners) l(exit);
      };
      // 'close' waits for stderr to drain, so the crash message sees the whole tail.
      child.on('close', (code, signal) => finish({ code, signal }));
      // A failed spawn emits 'error' and may never emit 'close'.
      child.on('error', () => {
        if (child.exitCode === null && child.signalCode === null && child.pid === undefined) finish({ code: -1, signal: null });
      });
      return {
        get pid() {
          return child.pid;
        },
        send(command) {
          if (!child.connected) return false;
          try {
            child.send(command);
            return true;
          } catch {
            return false;
          }
        },
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => {
          if (exited) listener(exited);
          else exitListeners.push(listener);
        },
        onStderr: (listener) => void child.stderr?.on('data', (chunk: string) => listener(chunk)),
        kill: (signal = 'SIGKILL') => void child.kill(signal),
      };
    },
  };
}
