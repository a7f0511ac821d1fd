/**
 * What renderer code sees of the outside world. One adapter per transport implements it
 * (Electron preload bridge, browser-mode HTTP + WebSocket, an in-memory one for tests).
 */
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from './contract.js';

export interface Host {
  readonly mode: 'electron' | 'browser' | 'memory';
  call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResult<K>>;
  /** Subscribes to an event stream; returns the unsubscribe function. */
  on<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): () => void;
}

/** The object the Electron preload exposes as `window.netwright` (contextBridge). */
export interface PreloadBridge {
  call(name: string, request: unknown): Promise<unknown>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}
