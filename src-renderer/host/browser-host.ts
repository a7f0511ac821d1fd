/**
 * The Host for browser mode (`netwright serve`): calls are `POST /api/call/<name>` with the
 * per-launch token as a Bearer header, events arrive on one WebSocket (`/api/events?token=`)
 * that reconnects with backoff when the server restarts or the laptop sleeps.
 */
import type { CallName, CallRequest, CallResult, EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import type { Host } from '../../src-shared/ipc/host.js';
import { asCallResult, failure } from './call-failure.js';

export interface BrowserHostOptions {
  token: string;
  /** Origin of the server, e.g. `http://127.0.0.1:5317`; defaults to the page's. */
  origin?: string;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
}

export interface BrowserHost extends Host {
  /** Closes the event socket and stops reconnecting. */
  close(): void;
}

const MAX_BACKOFF_MS = 10_000;

export function createBrowserHost(opts: BrowserHostOptions): BrowserHost {
  const origin = opts.origin ?? globalThis.location.origin;
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const Socket = opts.WebSocket ?? globalThis.WebSocket;
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let socket: WebSocket | null = null;
  let closed = false;
  let backoff = 500;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function connect(): void {
    if (closed || socket) return;
    const url = new URL('/api/events', origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', opts.token);
    const ws = new Socket(url.toString());
    socket = ws;
    ws.onopen = () => {
      backoff = 500;
    };
    ws.onmessage = (msg: MessageEvent) => {
      let data: { event?: unknown; payload?: unknown };
      try {
        data = JSON.parse(String(msg.data)) as typeof data;
      } catch {
        return; // not ours; the server only sends JSON
      }
      if (typeof data.event !== 'string') return;
      for (const h of handlers.get(data.event) ?? []) h(data.payload);
    };
    ws.onclose = () => {
      socket = null;
      if (closed) return;
      // The server may be restarting: retry, backing off so a dead server costs nothing.
      timer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    };
  }

  return {
    mode: 'browser',
    async call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResult<K>> {
      let res: Response;
      try {
        res = await doFetch(new URL(`/api/call/${name}`, origin).toString(), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${opts.token}` },
          body: JSON.stringify(request),
        });
      } catch (e) {
        return failure(
          'IO',
          `Cannot reach the Netwright server (${e instanceof Error ? e.message : String(e)}); is \`netwright serve\` still running?`,
        );
      }
      if (res.status === 401 || res.status === 403) {
        return failure('FORBIDDEN', "The server refused this page's token; open the URL that `netwright serve` printed.");
      }
      try {
        return asCallResult(await res.json(), name);
      } catch {
        return failure('INTERNAL', `${name}: the server answered HTTP ${res.status} without a call result`);
      }
    },
    on<E extends EventName>(event: E, handler: (payload: EventPayloads[E]) => void): () => void {
      const set = handlers.get(event) ?? new Set();
      const h = handler as (payload: unknown) => void;
      set.add(h);
      handlers.set(event, set);
      connect();
      return () => set.delete(h);
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      socket = null;
    },
  };
}
