/**
 * Collects items (trainer events) and hands them over in one batch per animation frame. A run
 * can send dozens of events a second and a burst after a pause; applying each one would
 * re-render subscribers and redraw charts per event. With this, the UI does that work at most
 * once per frame, however many events arrived.
 */

/** Schedules a callback for the next frame; returns a cancel function. */
export type FrameScheduler = (callback: () => void) => () => void;

/** requestAnimationFrame where there is one (browsers), else a 16 ms timer (tests, workers). */
export const animationFrame: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

/**
 * The next animation frame, or 250 ms, whichever comes first: a hidden window gets no frames,
 * and a run that ends while the app is minimized must still be saved into the project.
 */
export const frameOrTimeout: FrameScheduler = (callback) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancelFrame();
    clearTimeout(timer);
    callback();
  };
  const cancelFrame = animationFrame(once);
  const timer = setTimeout(once, 250);
  return () => {
    done = true;
    cancelFrame();
    clearTimeout(timer);
  };
};

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Delivers whatever is pending now (a run's last event should not wait for a frame). */
  flushNow(): void;
  /** Drops pending items and cancels the scheduled frame. */
  dispose(): void;
  readonly pending: number;
}

export function createFrameBatcher<T>(deliver: (items: T[]) => void, schedule: FrameScheduler = animationFrame): FrameBatcher<T> {
  let queue: T[] = [];
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    deliver(items);
  };

  return {
    push(item) {
      queue.push(item);
      cancel ??= schedule(flush);
    },
    flushNow() {
      cancel?.();
      flush();
    },
    dispose() {
      cancel?.();
      cancel = null;
      queue = [];
    },
    get pending() {
      return queue.length;
    },
  };
}
