/**
 * The trainer's side of the host connection: a forked Node child talks through process.send /
 * 'message', an Electron utilityProcess through process.parentPort. Both become one Channel.
 */
import type { TrainerEvent } from '../../../src-shared/training/protocol.js';

/** A message link to the host. */
export interface Channel {
  /** Sends one event; resolves once it has been handed to the OS (so exiting afterwards loses nothing). */
  send(event: TrainerEvent): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the host goes away (the parent died or closed the channel). */
  onDisconnect(listener: () => void): void;
}

/** Electron's `process.parentPort` (only inside a utilityProcess). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
}

/** The channel this process was started with, or null when it was started without one. */
export function processChannel(): Channel | null {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: async (event) => {
        parentPort.postMessage(event);
        // postMessage only queues; give the port a turn of the event loop to deliver.
        await new Promise((resolve) => setTimeout(resolve, 20));
      },
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)),
      onDisconnect: (listener) => parentPort.on('close', listener),
    };
  }
  if (typeof process.send === 'function') {
    return {
      send: (event) =>
        new Promise<void>((resolve) => {
          // A closed channel means the host is gone; nothing is left to tell.
          if (!process.connected) return resolve();
          process.send!(event, undefined, undefined, () => resolve());
        }),
      onMessage: (listener) => void process.on('message', listener),
      onDisconnect: (listener) => void process.on('disconnect', listener),
    };
  }
  return null;
}
