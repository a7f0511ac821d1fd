/**
 * Electron's entry point (built to dist/main/main.js). The only main-process module that
 * imports Electron: everything else receives it from here.
 */
import * as electron from 'electron';
import { fileURLToPath } from 'node:url';
import { startShell } from './shell.js';

startShell(electron, {
  preloadPath: fileURLToPath(new URL('./preload.cjs', import.meta.url)),
  // Built beside main.js by vite.main.config.ts (a second entry of the same build).
  trainerEntry: fileURLToPath(new URL('./trainer-main.js', import.meta.url)),
  appRoot: electron.app.getAppPath(),
  // Development only: `NETWRIGHT_DEV_SERVER_URL=http://localhost:5173 npm start` uses Vite's dev server.
  devServerUrl: electron.app.isPackaged ? null : (process.env.NETWRIGHT_DEV_SERVER_URL ?? null),
});
