/**
 * Which paths an API call may touch. Browser mode confines every path to allowed roots (cwd,
 * `--allow` folders, folders of projects the user opened), resolved through realpath so neither
 * `..` nor a symlink escapes. Electron takes paths from native dialogs: no roots there, but the
 * same interface, so the check stays pluggable.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ApiFailure } from './api-failure.js';

/** `existing`: the path must exist. `new-file`: its folder must exist; the file may not. */
export type PathKind = 'existing' | 'new-file';

export interface PathPolicy {
  /** The allowed roots (real paths); empty when unrestricted. */
  roots(): string[];
  /** Resolves `p` (relative to the policy's base) to a real path, or throws FORBIDDEN / NOT_FOUND. */
  resolve(p: string, kind: PathKind): Promise<string>;
  /** Tells whether an already-real path is inside a root. */
  allows(realPath: string): boolean;
  /** Adds a folder the user has shown they want to work in (a project's folder). */
  addRoot(dir: string): Promise<void>;
}

/** Tells whether `child` is `parent` or lies below it (both absolute, normalized). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * A policy confined to `roots` (folders; missing ones are skipped). `base` anchors relative paths.
 */
export async function createRootsPolicy(roots: string[], base = process.cwd()): Promise<PathPolicy> {
  const real: string[] = [];
  const allows = (p: string) => real.some((root) => isInside(root, p));
  const addRoot = async (dir: string) => {
    const resolved = await realpathOrNull(path.resolve(base, dir));
    if (resolved && !real.includes(resolved)) real.push(resolved);
  };
  for (const root of roots) await addRoot(root);

  const forbidden = (p: string) => new ApiFailure('FORBIDDEN', `${p} is outside the folders this server may use (${real.join(', ') || 'none'}); restart with --allow <folder> to add one`);
  const check = (requested: string, resolved: string) => {
    if (!allows(resolved)) throw forbidden(requested);
    return resolved;
  };

  return {
    roots: () => [...real],
    allows,
    addRoot,
    async resolve(p, kind) {
      const absolute = path.resolve(base, p);
      if (kind === 'existing') {
        const resolved = await realpathOrNull(absolute);
        // A missing path outside the roots is FORBIDDEN, not NOT_FOUND: existence must not leak.
        if (resolved === null) throw allows(absolute) ? notFound(p) : forbidden(p);
        return check(p, resolved);
      }
      const dir = await realpathOrNull(path.dirname(absolute));
      if (dir === null) throw allows(path.dirname(absolute)) ? notFound(path.dirname(p)) : forbidden(p);
      const target = path.join(check(p, dir), path.basename(absolute));
      // Writing through a symlink writes where it points: that place must be allowed too.
      if (await isSymlink(target)) return check(p, (await realpathOrNull(target)) ?? target);
      return target;
    },
  };
}

/** Electron's policy: paths come from native dialogs, so any path resolves (no roots). */
export function createUnrestrictedPolicy(base = process.cwd()): PathPolicy {
  return {
    roots: () => [],
    allows: () => true,
    addRoot: async () => {},
    async resolve(p, kind) {
      const absolute = path.resolve(base, p);
      if (kind === 'existing') return realpath(absolute);
      return path.join(await realpath(path.dirname(absolute)), path.basename(absolute));
    },
  };
}

function notFound(p: string): ApiFailure {
  return new ApiFailure('NOT_FOUND', `no such file or folder: ${p}`);
}

async function realpathOrNull(p: string): Promise<string | null> {
  try {
    return await realpath(p);
  } catch {
    return null;
  }
}

async function isSymlink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink();
  } catch {
    return false;
  }
}
