/**
 * The Electron transport: a trainer in a `utilityProcess`. Electron's module is passed in, so this
 * file never imports 'electron' and loads in plain Node (where Electron's binary is missing).
 * Inside the child, trainer-main talks through `process.parentPort` instead of `process.send`.
 */
import type { TrainerExit, TrainerSpawner } from './spawner.js';

/** The slice of Electron's `UtilityProcess` we use. */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  readonly stderr: NodeJS.ReadableStream | null;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
}

/** The slice of Electron's `utilityProcess` module we use. */
export interface UtilityProcessModule {
  fork(
    modulePath: string,
    args?: string[],
    options?: { execArgv?: string[]; env?: Record<string, string | undefined>; stdio?: string | Array<'pipe' | 'ignore' | 'inherit'>; serviceName?: string },
  ): UtilityProcessLike;
}

/** A spawner over Electron's utilityProcess; `entry` is the built trainer-main.js. */
export function utilityProcessSpawner(utilityProcess: UtilityProcessModule, entry: string): TrainerSpawner {
  return {
    spawn(options) {
      const execArgv = options.maxOldSpaceMb === undefined ? [] : [`--max-old-space-size=${options.maxOldSpaceMb}`];
      const child = utilityProcess.fork(entry, [], {
        execArgv,
        env: { ...process.env, ...options.env },
        // stderr piped for the crash message's tail; stdout inherited so an unread pipe never fills and blocks the child.
        stdio: ['ignore', 'inherit', 'pipe'],
        serviceName: 'Netwright trainer',
      });
      let exited: TrainerExit | null = null;
      const exitListeners: ((exit: TrainerExit) => void)[] = [];
      // Electron reports only an exit code, never the signal; the host's crash message says so.
      child.on('exit', (code) => {
        exited = { code, signal: null };
        for (const l of exitListeners) l(exited);
      });
      child.stderr?.setEncoding('utf8');
      return {
        get pid() {
          return child.pid;
        },
        send(command) {
          if (exited) return false;
          child.postMessage(command);
          return true;
        },
        onMessage: (listener) => void child.on('message', listener),
        onExit: (listener) => (exited ? listener(exited) : void exitListeners.push(listener)),
        onStderr: (listener) => void child.stderr?.on('data', (chunk: string | Buffer) => listener(String(chunk))),
        // utilityProcess.kill() sends SIGTERM and takes no signal argument.
        kill: () => void child.kill(),
      };
    },
  };
}
