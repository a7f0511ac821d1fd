/**
 * Loading tfjs-node / tfjs-node-gpu, and telling apart why one is unusable.
 *
 * Both are optionalDependencies that npm drops when libtensorflow cannot be downloaded, so the
 * only reliable test is to require them (never to look for their folder). Requiring one
 * registers the 'tensorflow' backend in the shared tfjs engine and makes it active. The two
 * must never load in one process (each brings its own libtensorflow), so a process remembers
 * which one it loaded and refuses the other. The loader is injectable: tests simulate what
 * cannot exist here (a GPU, libtensorflow) with a fake require function.
 */
import { createRequire } from 'node:module';
import util from 'node:util';

/** Resolves and loads a module by id, like `require`. */
export type ModuleLoader = (id: string) => unknown;

export type NativePackage = '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node';

/** The parts of a loaded tfjs-node(-gpu) module we use: it re-exports all of @tensorflow/tfjs. */
export interface TfNodeModule {
  findBackend?: (name: string) => unknown;
  setBackend?: (name: string) => Promise<boolean>;
  version?: Record<string, string>;
}

/** What requiring a native package gave. */
export type NativeProbe =
  | { status: 'loaded'; pkg: NativePackage; module: TfNodeModule; gpu: boolean; version: string | undefined }
  | { status: 'not-installed' | 'load-failed' | 'refused'; pkg: NativePackage; message: string };

/**
 * tfjs-node 4.22 calls `util.isNullOrUndefined` (and `util.isArray`), which Node 23 removed;
 * the upstream fix (tfjs PR 8425, issue 8609) was merged but never released. Adds the missing
 * functions with their documented meaning. Returns the names it added (none on Node ≤ 22).
 */
export function applyNodeUtilShim(target: Record<string, unknown> = util as unknown as Record<string, unknown>): string[] {
  const added: string[] = [];
  if (typeof target.isNullOrUndefined !== 'function') {
    target.isNullOrUndefined = (v: unknown) => v === null || v === undefined;
    added.push('isNullOrUndefined');
  }
  if (typeof target.isArray !== 'function') {
    target.isArray = Array.isArray;
    added.push('isArray');
  }
  return added;
}

/** The real `require`, resolving from this project's node_modules. */
export const nodeRequire: ModuleLoader = createRequire(import.meta.url);

// Which native package each loader has loaded (the real require: this process).
const loadedBy = new WeakMap<ModuleLoader, NativePackage>();

/** "Cannot find module '<pkg>'" for the package itself, not for something inside it. */
function isNotInstalled(e: unknown, pkg: string): boolean {
  const err = e as NodeJS.ErrnoException;
  return err?.code === 'MODULE_NOT_FOUND' && String(err.message).includes(`'${pkg}'`);
}

/** First line of an error, enough to show a user (stacks stay in logs). */
export function firstLine(e: unknown): string {
  // tfjs's wasm init rejects with a bare { message } object, not an Error.
  const message = (e as { message?: unknown } | null)?.message;
  const text = typeof message === 'string' ? message : String(e);
  return text.split('\n')[0]!.trim();
}

/** Requires `pkg` (after the Node ≥ 23 shim) and reports whether it found a CUDA GPU. */
export function probeNative(pkg: NativePackage, load: ModuleLoader = nodeRequire): NativeProbe {
  const other = loadedBy.get(load);
  if (other && other !== pkg) {
    return { status: 'refused', pkg, message: `${other} is already loaded in this process; the two must never load together` };
  }
  applyNodeUtilShim();
  let module: TfNodeModule;
  try {
    module = load(pkg) as TfNodeModule;
  } catch (e) {
    return { status: isNotInstalled(e, pkg) ? 'not-installed' : 'load-failed', pkg, message: firstLine(e) };
  }
  loadedBy.set(load, pkg);
  // tfjs-node's NodeJSKernelBackend exposes `isUsingGpuDevice` (from the binding's
  // IsUsingGPUDevice); the CPU package and a GPU package without usable CUDA report false.
  const backend = module.findBackend?.('tensorflow') as { isUsingGpuDevice?: unknown } | null | undefined;
  const version = module.version?.['tfjs-node'];
  return { status: 'loaded', pkg, module, gpu: backend?.isUsingGpuDevice === true, version };
}

/** Forgets what a (fake) loader loaded, so tests can start over. The real process cannot unload. */
export function forgetLoadsFor(load: ModuleLoader): void {
  if (load !== nodeRequire) loadedBy.delete(load);
}
