/** Opens a URL in the user's default browser (`serve --open`), without waiting for it. */
import { spawn } from 'node:child_process';

/** The platform's opener command for `url`. */
export function openerCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; the empty title argument keeps the URL from being taken as one.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/** Starts the opener detached; resolves false (never throws) when it cannot be started. */
export function openInBrowser(url: string): Promise<boolean> {
  const [command, args] = openerCommand(url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore' });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
