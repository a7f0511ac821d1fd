#!/usr/bin/env node
// `npm start`: build what is stale, then launch the Electron app. Where Electron cannot run
// (its binary was never downloaded, or Linux has no display) it says so in one line, points to
// browser mode, and exits 1 — no stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const HINT = 'Use browser mode instead: npx netwright serve --open';

/** The Electron binary's path, or the reason it cannot be used here. */
function findElectron() {
  // In a child: electron's index.js tries to download a missing binary and prints while doing so.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n' + require('electron'))"], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  const binary = probe.status === 0 ? (probe.stdout.split('\n').pop() ?? '') : '';
  if (!binary || !existsSync(binary)) return { reason: 'the Electron binary is not installed (npm could not download it on this machine)' };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
  return { binary };
}

const found = findElectron();
if (!found.binary) {
  console.error(`netwright: cannot start the desktop app: ${found.reason}. ${HINT}`);
  process.exit(1);
}

const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--if-stale'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(found.binary, ['.', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
