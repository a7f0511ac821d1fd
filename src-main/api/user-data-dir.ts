/**
 * Where Netwright keeps its own files (recent list, recovery copy, window state). Electron is
 * pointed at the same folder, so the app and browser mode share the recent list and recovery.
 */
import os from 'node:os';
import path from 'node:path';

/** `NETWRIGHT_USER_DATA` wins (tests, portable setups); otherwise the platform's config folder. */
export function resolveUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.NETWRIGHT_USER_DATA) return path.resolve(env.NETWRIGHT_USER_DATA);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Netwright');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Netwright');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'netwright');
}
