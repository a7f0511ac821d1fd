/**
 * The `/api/events` WebSocket: main pushes `{event, payload}` messages to every connected page.
 * The upgrade needs the token (in the query: browsers cannot set headers on a WebSocket), an
 * allowed Host and, when the browser sends one, an Origin on this server.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { EventName, EventPayloads } from '../../src-shared/ipc/contract.js';
import { hostnameOf, isAllowedHost, matchesToken } from './security.js';

export const EVENTS_PATH = '/api/events';

export interface EventSocket {
  broadcast<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** Open connections (tests wait on it). */
  clientCount(): number;
  close(): void;
}

/** Handles WebSocket upgrades on `server` for the events path; refuses every other upgrade. */
export function attachEventSocket(server: Server, options: { token: string; host: string }): EventSocket {
  // Pages never send us anything that matters: keep incoming frames tiny.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  wss.on('connection', (socket) => socket.on('error', () => socket.terminate()));

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(req, options);
    if (refusal !== null) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    broadcast(event, payload) {
      const message = JSON.stringify({ event, payload });
      for (const client of wss.clients) if (client.readyState === WebSocket.OPEN) client.send(message);
    },
    clientCount: () => wss.clients.size,
    close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

/** The HTTP status line that refuses this upgrade, or null to accept it. */
function checkUpgrade(req: IncomingMessage, options: { token: string; host: string }): string | null {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== EVENTS_PATH) return '404 Not Found';
  if (!isAllowedHost(req.headers.host, options.host)) return '403 Forbidden';
  const origin = req.headers.origin;
  if (origin !== undefined && !isSameServerOrigin(origin, options.host)) return '403 Forbidden';
  if (!matchesToken(url.searchParams.get('token'), options.token)) return '401 Unauthorized';
  return null;
}

function isSameServerOrigin(origin: string, boundHost: string): boolean {
  try {
    const parsed = new URL(origin);
    return parsed.protocol === 'http:' && hostnameOf(parsed.host) !== null && isAllowedHost(parsed.host, boundHost);
  } catch {
    return false;
  }
}
