/**
 * Makes sure dist/renderer is a build of the current renderer sources. `netwright serve` (and
 * `npm start`) build on demand, so a fresh checkout works with one command and an edited
 * renderer is never served stale; a packaged app has no sources and serves what it ships.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

/** What the renderer build reads: its own sources, the shared core, the templates, the config. */
const RENDERER_INPUTS = ['src-renderer', 'src-shared', 'assets/templates', 'vite.config.ts'];

export type BuildState = 'fresh' | 'missing' | 'stale';

/** Compares the newest input's mtime with dist/renderer/index.html's. */
export async function checkRendererBuild(root = REPO_ROOT, dist = path.join(root, 'dist', 'renderer')): Promise<BuildState> {
  const built = await mtimeOf(path.join(dist, 'index.html'));
  if (built === null) return 'missing';
  for (const input of RENDERER_INPUTS) {
    if ((await newestMtime(path.join(root, input))) > built) return 'stale';
  }
  return 'fresh';
}

/** Tells whether the renderer sources are here (a source checkout, not a packaged app). */
export async function hasRendererSources(root = REPO_ROOT): Promise<boolean> {
  return (await mtimeOf(path.join(root, 'vite.config.ts'))) !== null && (await mtimeOf(path.join(root, 'src-renderer'))) !== null;
}

/**
 * Builds the renderer with Vite's JS API unless it is fresh. Returns what it did; throws with a
 * one-line message when there is nothing to build from and nothing built.
 */
export async function ensureRendererBuilt(options: { root?: string; log?: (line: string) => void } = {}): Promise<BuildState | 'built'> {
  const root = options.root ?? REPO_ROOT;
  const state = await checkRendererBuild(root);
  if (state === 'fresh') return state;
  if (!(await hasRendererSources(root))) {
    if (state === 'stale') return state;
    throw new Error(`the renderer is not built (${path.join(root, 'dist', 'renderer')} is missing) and its sources are not here; run npm run build first`);
  }
  options.log?.(`Building the renderer (${state === 'missing' ? 'first run' : 'sources changed'})…`);
  await buildRenderer(root);
  return 'built';
}

/** Runs `vite build` with the repository's vite.config.ts, anchored at `root` whatever the cwd. */
export async function buildRenderer(root = REPO_ROOT): Promise<void> {
  // Loaded only here: the CLI must not pay for Vite on every command.
  const { build } = await import('vite');
  // Vite keeps a NODE_ENV it finds set, and vitest sets it to "test": the e2e global setup then
  // built React's development bundle (dev JSX, prop checks — several times slower per render).
  // A served renderer is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildOnce(build, root);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildOnce(build: typeof import('vite').build, root: string): Promise<void> {
  await build({
    mode: 'production',
    configFile: path.join(root, 'vite.config.ts'),
    root: path.join(root, 'src-renderer'),
    build: {
      outDir: path.join(root, 'dist', 'renderer'),
      // zod ships comments Rollup cannot place: harmless, and they would bury real warnings.
      rollupOptions: { onwarn: (warning, warn) => void (warning.code === 'INVALID_ANNOTATION' || warn(warning)) },
    },
    logLevel: 'warn',
  });
}

async function mtimeOf(p: string): Promise<number | null> {
  try {
    return (await stat(p)).mtimeMs;
  } catch {
    return null;
  }
}

/** The newest mtime below `p` (0 when it does not exist). */
async function newestMtime(p: string): Promise<number> {
  const own = await mtimeOf(p);
  if (own === null) return 0;
  let newest = own;
  const entries = await readdir(p, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(p, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(full) : ((await mtimeOf(full)) ?? 0));
  }
  return newest;
}
