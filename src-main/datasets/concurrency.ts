/**
 * Runs async work with a fixed number of workers, so decoding thousands of images neither runs
 * one-at-a-time nor floods libvips (and memory) with every file at once.
 */

/** Calls `fn` for every item with at most `limit` calls in flight; resolves when all are done. */
export async function forEachConcurrent<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      signal?.throwIfAborted();
      const index = next++;
      await fn(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}

/**
 * Lets up to `limit` promises run in the background (e.g. cache writes overlapping the next decode);
 * `add` waits only when that many are pending. The promises must not reject.
 */
export class PendingLimit {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  /** Tracks `work`; resolves at once unless the limit is reached, then when one pending item settles. */
  async add(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
    if (this.pending.size >= this.limit) await Promise.race(this.pending);
  }

  /** Resolves when everything added so far has settled. */
  async drain(): Promise<void> {
    await Promise.all(this.pending);
  }
}
