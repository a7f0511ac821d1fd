/**
 * The sandboxed preload: exposes exactly `window.netwright = { call, on }` (PreloadBridge) and
 * nothing of ipcRenderer itself, so page code can reach main only through the typed API.
 * Built to dist/main/preload.cjs (sandboxed preloads must be CommonJS).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PreloadBridge } from '../../src-shared/ipc/host.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';

const bridge: PreloadBridge = {
  call(name, request) {
    if (typeof name !== 'string') return Promise.reject(new TypeError('netwright.call: name must be a string'));
    return ipcRenderer.invoke(CALL_CHANNEL, name, request);
  },
  on(event, handler) {
    if (typeof handler !== 'function') throw new TypeError('netwright.on: handler must be a function');
    const listener = (_e: IpcRendererEvent, message: { event?: unknown; payload?: unknown } | null) => {
      if (message?.event === event) handler(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('netwright', bridge);
