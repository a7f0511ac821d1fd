/**
 * Where services push events for the renderer. Each shell supplies the transport: browser mode
 * broadcasts over its WebSocket, Electron sends to the window's webContents. Services never know
 * which, and a shell without a renderer (tests, scripts) may drop them.
 */
import type { EventName, EventPayloads } from '../../src-shared/ipc/contract.js';

/** Delivers one event to the renderer(s); must not throw. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** A sink that drops everything (no renderer attached). */
export const dropEvents: EventSink = () => {};

/**
 * A sink bound later: browser mode creates the API before the server that broadcasts exists.
 * Events emitted before `bind` are dropped (no page can be listening yet).
 */
export function lateBoundSink(): { sink: EventSink; bind(target: EventSink): void } {
  let target: EventSink = dropEvents;
  return {
    sink: (event, payload) => target(event, payload),
    bind: (next) => void (target = next),
  };
}

/**
 * Wraps `send` so it is called at most every `intervalMs`, except for the first and last
 * update of each phase (progress bars must reach 100%).
 */
export function throttleProgress<T extends { phase: string; done: number; total: number }>(send: (p: T) => void, intervalMs = 100): (p: T) => void {
  let last = 0;
  let phase = '';
  return (p) => {
    const now = performance.now();
    if (p.phase !== phase || p.done >= p.total || now - last >= intervalMs) {
      phase = p.phase;
      last = now;
      send(p);
    }
  };
}
