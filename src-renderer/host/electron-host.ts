/**
 * The Host over Electron IPC: `window.netwright`, the bridge the preload script exposes with
 * contextBridge. The renderer stays sandboxed; main validates every request.
 */
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import type { Host, PreloadBridge } from '../../src-shared/ipc/host.js';
import { asCallResult, failure } from './call-failure.js';

/** Wraps the preload bridge; a rejected call becomes an INTERNAL failure instead of an exception. */
export function createElectronHost(bridge: PreloadBridge): Host {
  return {
    mode: 'electron',
    async call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResult<K>> {
      try {
        return asCallResult(await bridge.call(name, request), name);
      } catch (e) {
        return failure('INTERNAL', `${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    on<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): () => void {
      return bridge.on(event, (payload) => handler(payload as EventPayloads[E]));
    },
  };
}
