/**
 * `npm run build`: the renderer (vite.config.ts → dist/renderer) and the Electron main process
 * and preload (vite.main.config.ts → dist/main). `--if-stale` skips the renderer when it is
 * newer than its sources (what `npm start` uses).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { buildRenderer, ensureRendererBuilt, REPO_ROOT } from '../src-main/server/renderer-build.js';

/** Builds dist/main (main.js + preload.cjs) from scratch. */
export async function buildMain(): Promise<void> {
  await rm(path.join(REPO_ROOT, 'dist', 'main'), { recursive: true, force: true });
  const configFile = path.join(REPO_ROOT, 'vite.main.config.ts');
  for (const mode of ['main', 'preload']) await build({ configFile, mode, logLevel: 'warn' });
}

async function main(): Promise<void> {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale) await ensureRendererBuilt({ log: (line) => console.log(line) });
  else await buildRenderer();
  await buildMain();
}

main().catch((error: unknown) => {
  console.error(`netwright build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
