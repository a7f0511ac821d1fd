import { describe, expect, it } from 'vitest';
import { beginMark, canRedo, canUndo, commitMark, createHistory, record, redo, undo } from '../../../src-renderer/state/history.js';

describe('history', () => {
  it('undoes and redoes recorded edits in order', () => {
    let h = createHistory<string>();
    h = record(h, 'a'); // a → b
    h = record(h, 'b'); // b → c
    expect(canUndo(h)).toBe(true);
    const u1 = undo(h, 'c')!;
    expect(u1.value).toBe('b');
    const u2 = undo(u1.history, 'b')!;
    expect(u2.value).toBe('a');
    expect(undo(u2.history, 'a')).toBeNull();
    const r1 = redo(u2.history, 'a')!;
    expect(r1.value).toBe('b');
    expect(redo(r1.history, 'b')!.value).toBe('c');
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = record(createHistory<string>(), 'a');
    h = undo(h, 'b')!.history;
    expect(canRedo(h)).toBe(true);
    h = record(h, 'a');
    expect(canRedo(h)).toBe(false);
  });

  it('records a whole gesture (a drag) as one entry', () => {
    let h = beginMark(createHistory<string>(), 'start');
    h = record(h, 'start'); // frames of the drag are not recorded one by one
    h = record(h, 'mid');
    h = beginMark(h, 'mid'); // a nested begin keeps the first mark
    h = commitMark(h, 'end');
    expect(h.past).toEqual(['start']);
    expect(undo(h, 'end')!.value).toBe('start');
  });

  it('a gesture that changed nothing records nothing', () => {
    const h = commitMark(beginMark(createHistory<string>(), 'same'), 'same');
    expect(h.past).toEqual([]);
    expect(h.mark).toBeNull();
  });

  it('undo during an open gesture closes it first', () => {
    const h = beginMark(createHistory<string>(), 'before');
    const step = undo(h, 'during')!;
    expect(step.value).toBe('before');
    expect(step.history.mark).toBeNull();
    expect(redo(step.history, 'before')!.value).toBe('during');
  });

  it('keeps at most `limit` entries', () => {
    let h = createHistory<number>(3);
    for (let i = 0; i < 10; i++) h = record(h, i);
    expect(h.past).toEqual([7, 8, 9]);
  });
});
