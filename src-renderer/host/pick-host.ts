/**
 * Chooses the transport: Electron's preload bridge when present, browser mode when the page
 * URL carries the server's `?token=`, otherwise the in-memory demo host.
 */
import type { Host, PreloadBridge } from '../../src-shared/ipc/host.js';
import { createBrowserHost } from './browser-host.js';
import { loadBundledTemplates } from './bundled-templates.js';
import { createElectronHost } from './electron-host.js';
import { createMemoryHost, demoFiles } from './memory-host.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent in a browser. */
    netwright?: PreloadBridge;
  }
}

export function pickHost(win: Window = window): Host {
  if (win.netwright) return createElectronHost(win.netwright);
  const token = new URLSearchParams(win.location.search).get('token');
  if (token) return createBrowserHost({ token, origin: win.location.origin });
  const templates = loadBundledTemplates();
  let storage: Storage | undefined;
  try {
    storage = win.localStorage;
  } catch {
    storage = undefined; // storage disabled: the demo's autosave lasts for this tab only
  }
  return createMemoryHost({ templates, files: demoFiles(templates), ...(storage ? { storage } : {}) });
}
