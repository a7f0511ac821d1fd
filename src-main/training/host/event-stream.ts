/**
 * A one-run event stream: listeners and async iterators receive every event from the moment they
 * attach, and everything ends with exactly one final event ('finished' or 'error'). It never
 * rejects or throws into its consumers: a crash is an 'error' event like any other.
 */
import type { TrainerEvent } from '../../../src-shared/training/protocol.js';

/** The event that ends a run. */
export type FinalEvent = Extract<TrainerEvent, { type: 'finished' | 'error' }>;

/** True for the two events after which a run has ended. */
export function isFinalEvent(event: TrainerEvent): event is FinalEvent {
  return event.type === 'finished' || event.type === 'error';
}

/** Multicasts events to listeners and async iterators; closes on the first final event. */
export class EventStream implements AsyncIterable<TrainerEvent> {
  private readonly listeners = new Set<(event: TrainerEvent) => void>();
  private final: FinalEvent | null = null;
  private resolveDone!: (event: FinalEvent) => void;
  /** Resolves with the final event; never rejects. */
  readonly done: Promise<FinalEvent> = new Promise((resolve) => (this.resolveDone = resolve));

  get ended(): boolean {
    return this.final !== null;
  }

  /** Delivers an event; anything after the final event is dropped. Returns false if dropped. */
  emit(event: TrainerEvent): boolean {
    if (this.final) return false;
    if (isFinalEvent(event)) this.final = event;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (e) {
        // A faulty consumer must not stop the others or the run; report it and carry on.
        console.error('netwright: a training event listener threw:', e);
      }
    }
    if (this.final) {
      this.listeners.clear();
      this.resolveDone(this.final);
    }
    return true;
  }

  /** Calls `listener` for each later event; returns the unsubscribe function. */
  subscribe(listener: (event: TrainerEvent) => void): () => void {
    if (this.final) return () => {};
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Iterates events from now on until the final one (inclusive); after the end, yields only that one. */
  [Symbol.asyncIterator](): AsyncIterator<TrainerEvent> {
    const queue: TrainerEvent[] = this.final ? [this.final] : [];
    let wake: (() => void) | null = null;
    let closed = this.final !== null;
    const unsubscribe = this.subscribe((event) => {
      queue.push(event);
      if (isFinalEvent(event)) closed = true;
      wake?.();
    });
    return {
      next: async (): Promise<IteratorResult<TrainerEvent>> => {
        while (queue.length === 0 && !closed) await new Promise<void>((r) => (wake = r));
        wake = null;
        const value = queue.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      return: async (): Promise<IteratorResult<TrainerEvent>> => {
        unsubscribe();
        closed = true;
        queue.length = 0;
        return { value: undefined, done: true };
      },
    };
  }
}
