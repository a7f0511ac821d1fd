/**
 * `netwright serve`: the whole app in a browser, from plain Node — for a headless GPU box (via
 * an SSH tunnel) and for end-to-end tests. Builds the renderer first when it is missing or
 * older than its sources, then serves it with the API on 127.0.0.1 behind a per-launch token.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';
import { lateBoundSink } from '../../api/events.js';
import { createBrowserApi } from '../../server/browser-api.js';
import { TrainingHost } from '../../training/host/training-host.js';
import { openInBrowser } from '../../server/open-browser.js';
import { ensureRendererBuilt, RENDERER_DIST } from '../../server/renderer-build.js';
import { isWildcardHost } from '../../server/security.js';
import { startServer, type RunningServer } from '../../server/start-server.js';

export const DEFAULT_PORT = 8420;

export interface ServeSettings {
  port: number;
  host: string;
  open: boolean;
  allow: string[];
}

/** Seams for tests: where the renderer is, how to build it, and when to stop. */
export interface ServeDeps {
  staticDir?: string;
  ensureBuilt?: (log: (line: string) => void) => Promise<unknown>;
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  untilStopped?: (server: RunningServer) => Promise<void>;
  open?: (url: string) => Promise<boolean>;
}

/** Parses `serve` arguments; usage mistakes are CliErrors with exit code 2. */
export async function parseServeArgs(args: string[]): Promise<ServeSettings> {
  const { values, positionals } = parseOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean', default: false },
    allow: { type: 'string', multiple: true },
  });
  if (positionals.length > 0) throw new CliError(`serve takes no file (got "${positionals[0]}"); use --allow <folder> to reach projects outside the current folder`, 2);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535 (0 picks a free port), got "${values.port}"`, 2);
  const allow: string[] = [];
  for (const dir of values.allow ?? []) {
    const info = await stat(dir).catch(() => null);
    if (!info?.isDirectory()) throw new CliError(`--allow ${dir}: no such folder`, 2);
    allow.push(path.resolve(dir));
  }
  return { port, host: values.host ?? '127.0.0.1', open: values.open === true, allow };
}

/** Runs `netwright serve` until stopped; returns the exit code. */
export async function runServe(args: string[], io: CliIo, deps: ServeDeps = {}): Promise<number> {
  const settings = await parseServeArgs(args);
  try {
    await (deps.ensureBuilt ?? ((log) => ensureRendererBuilt({ log })))(io.err);
  } catch (error) {
    throw new CliError(`cannot build the renderer: ${firstLine(error)}`);
  }
  let server: RunningServer;
  // Training, dataset and export events reach every open page over the server's WebSocket.
  const events = lateBoundSink();
  const trainingHost = new TrainingHost();
  try {
    const api = await createBrowserApi({ allow: settings.allow, emit: events.sink, trainingHost });
    server = await startServer({ api, staticDir: deps.staticDir ?? RENDERER_DIST, port: settings.port, host: settings.host });
    events.bind(server.broadcast);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${settings.port} is in use; pick another with --port (0 picks a free one)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on ${settings.host}: not an address of this machine`);
    throw new CliError(`cannot start the server: ${firstLine(error)}`);
  }
  io.out(`Netwright is running at ${server.url}`);
  io.out(`Folders it may read and write: ${[process.cwd(), ...settings.allow].join(', ')}`);
  if (isWildcardHost(settings.host) || !['127.0.0.1', 'localhost', '::1'].includes(settings.host)) {
    io.err(`netwright: listening on ${settings.host}: anyone who can reach this machine and has the URL above can use it`);
  }
  io.out('Press Ctrl+C to stop.');
  if (settings.open && !(await (deps.open ?? openInBrowser)(server.url))) io.err('netwright: could not open a browser; open the URL above yourself');
  await (deps.untilStopped ?? waitForSignal)(server);
  // Trainers quit when their IPC channel closes anyway; killing them says so in their runs' events.
  trainingHost.killAll();
  await server.close();
  return 0;
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
