/**
 * Undo history over immutable document snapshots (tldraw/excalidraw style: only what the user
 * did is recorded). Snapshots share structure, so keeping one per edit is cheap.
 *
 * - `record` is called with the document as it was *before* a recorded edit.
 * - A gesture (a drag) opens a mark with the document before it; edits during the mark are not
 *   recorded one by one, and `commitMark` records the whole gesture as one entry.
 * - Selection, viewport and validation never enter the history: they are not documents.
 */

export interface History<T> {
  /** Oldest first; the last entry is what undo returns to. */
  readonly past: readonly T[];
  /** Most recently undone last; redo takes the last one. */
  readonly future: readonly T[];
  /** The snapshot from before an open gesture, or null. */
  readonly mark: T | null;
  readonly limit: number;
}

/** An empty history keeping at most `limit` undo steps. */
export function createHistory<T>(limit = 200): History<T> {
  return { past: [], future: [], mark: null, limit };
}

/** Records an edit whose before-state was `before`; a no-op while a gesture is open (the mark holds it). */
export function record<T>(h: History<T>, before: T): History<T> {
  if (h.mark !== null) return h;
  const past = [...h.past, before];
  return { ...h, past: past.length > h.limit ? past.slice(past.length - h.limit) : past, future: [] };
}

/** Opens a gesture; a mark that is already open stays (nested begin calls are one gesture). */
export function beginMark<T>(h: History<T>, current: T): History<T> {
  return h.mark !== null ? h : { ...h, mark: current };
}

/** Closes a gesture: one entry if it changed anything, none if it did not (a click without a move). */
export function commitMark<T>(h: History<T>, current: T): History<T> {
  if (h.mark === null) return h;
  const before = h.mark;
  const closed = { ...h, mark: null };
  return before === current ? closed : record(closed, before);
}

/** Steps back: returns the new history and the snapshot to show, or null when there is nothing to undo. */
export function undo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  const settled = commitMark(h, current);
  const value = settled.past.at(-1);
  if (value === undefined) return null;
  return { history: { ...settled, past: settled.past.slice(0, -1), future: [...settled.future, current] }, value };
}

/** Steps forward again after an undo. */
export function redo<T>(h: History<T>, current: T): { history: History<T>; value: T } | null {
  const settled = commitMark(h, current);
  const value = settled.future.at(-1);
  if (value === undefined) return null;
  return { history: { ...settled, past: [...settled.past, current], future: settled.future.slice(0, -1) }, value };
}

export function canUndo<T>(h: History<T>): boolean {
  return h.past.length > 0;
}

export function canRedo<T>(h: History<T>): boolean {
  return h.future.length > 0;
}
