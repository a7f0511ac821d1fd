/**
 * Projects the OS hands the app — a double-clicked `.nwproj` (argv on Windows/Linux, the
 * open-file event on macOS, argv of a second launch) and File ▸ Open Recent. They are queued
 * until the renderer says it listens (`app:ready`), then sent as `project:openRequested`.
 */
import path from 'node:path';

/** The `.nwproj` paths in a command line, made absolute against the launch folder. */
export function findProjectPaths(argv: readonly string[], cwd: string): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && /\.nwproj$/i.test(arg)).map((arg) => path.resolve(cwd, arg));
}

export interface OpenQueue {
  push(paths: readonly string[]): void;
  /** The renderer listens: send everything queued, and later paths at once. */
  markReady(): void;
  /** The page is reloading or gone: queue again until the next `app:ready`. */
  markNotReady(): void;
}

/** Creates the queue; `send` delivers one path to the renderer. */
export function createOpenQueue(send: (path: string) => void): OpenQueue {
  const pending: string[] = [];
  let ready = false;
  const flush = () => {
    while (ready && pending.length > 0) send(pending.shift()!);
  };
  return {
    push(paths) {
      pending.push(...paths);
      flush();
    },
    markReady() {
      ready = true;
      flush();
    },
    markNotReady() {
      ready = false;
    },
  };
}
