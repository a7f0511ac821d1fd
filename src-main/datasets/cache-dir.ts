/**
 * Picks where decoded images are cached when the caller does not say: the platform's per-user
 * cache folder, falling back to `.netwright-cache` in the working directory.
 */
import os from 'node:os';
import path from 'node:path';

/** The default cache directory for this user and platform. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  let home = '';
  try {
    home = os.homedir();
  } catch {
    // Some sandboxes have no home directory; the local fallback below still works.
  }
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'netwright', 'cache');
  if (platform === 'darwin' && home) return path.join(home, 'Library', 'Caches', 'netwright');
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'netwright');
  if (home) return path.join(home, '.cache', 'netwright');
  return path.resolve('.netwright-cache');
}
