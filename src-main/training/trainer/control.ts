/**
 * Pause / resume / stop for a running loop. The loop checks it between batches, so a command
 * takes effect within one batch; `waitWhilePaused` blocks there without burning CPU.
 */

/** Commands from outside the loop (the process message handler, a test, a benchmark). */
export class TrainingControl {
  private pausedFlag = false;
  private pausedTotal = 0;
  private stopFlag = false;
  private wake: (() => void) | null = null;
  private readonly abort = new AbortController();
  private readonly listeners = new Set<(state: 'paused' | 'running' | 'stopping') => void>();

  /** Aborted on stop, for work that accepts a signal (dataset import). */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get paused(): boolean {
    return this.pausedFlag;
  }

  /** Milliseconds spent paused so far (excluded from speeds, elapsed time and ETA). */
  get pausedMs(): number {
    return this.pausedTotal;
  }

  get stopRequested(): boolean {
    return this.stopFlag;
  }

  /** Pauses before the next batch (no-op when already paused or stopping). */
  pause(): void {
    if (this.pausedFlag || this.stopFlag) return;
    this.pausedFlag = true;
    this.notify('paused');
  }

  /** Continues a paused run. */
  resume(): void {
    if (!this.pausedFlag || this.stopFlag) return;
    this.pausedFlag = false;
    this.notify('running');
    this.release();
  }

  /** Ends the run after the current batch (also wakes a paused run). */
  stop(): void {
    if (this.stopFlag) return;
    this.stopFlag = true;
    this.pausedFlag = false;
    this.notify('stopping');
    this.abort.abort(new Error('stopped'));
    this.release();
  }

  /** Calls `listener` on every state change; returns an unsubscribe function. */
  onState(listener: (state: 'paused' | 'running' | 'stopping') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves at once unless paused; then when resumed or stopped. Returns the ms spent waiting. */
  async waitWhilePaused(): Promise<number> {
    if (!this.pausedFlag) return 0;
    const t0 = performance.now();
    while (this.pausedFlag) await new Promise<void>((resolve) => (this.wake = resolve));
    const waited = performance.now() - t0;
    this.pausedTotal += waited;
    return waited;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private notify(state: 'paused' | 'running' | 'stopping'): void {
    for (const l of this.listeners) l(state);
  }
}
