/**
 * The only place main touches IPC: one invoke channel that checks the sender and hands the
 * request to dispatchCall, and one event channel to the renderer. Typed structurally, so this
 * module runs (and is tested) in plain Node without Electron.
 */
import type { CallName, CallResult, EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import type { ApiHandlers } from '../api/create-api.js';
import { dispatchCall, type Logger } from '../api/dispatch.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.js';

/** The part of an `IpcMainInvokeEvent` the check reads. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's `ipcMain` we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** The part of a `WebContents` that events go through. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
}

const UNTRUSTED: CallResult<CallName> = { ok: false, error: { code: 'FORBIDDEN', message: 'this page may not use the Netwright API' } };

/** Registers the call channel; returns a function that removes it. */
export function registerApiIpc(ipcMain: IpcMainLike, api: ApiHandlers, isTrusted: (url: string | undefined) => boolean, log: Logger): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, name, request) => {
    // senderFrame is null once the frame navigated away or was destroyed: never trusted.
    if (!isTrusted(event.senderFrame?.url)) {
      log(`netwright: refused an API call from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return UNTRUSTED;
    }
    return dispatchCall(api, typeof name === 'string' ? name : '', request, log);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

/** Sends one event to the renderer (dropped when the window is gone). */
export function sendEvent<E extends EventName>(target: EventTarget | null | undefined, event: E, payload: EventPayloads[E]): void {
  if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, { event, payload });
}
