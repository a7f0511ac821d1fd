import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, fitWindowState, loadWindowState, parseWindowState, saveWindowState } from '../../../../src-main/electron/window-state.js';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('window state', () => {
  it('uses the default size, centered, without a saved state', () => {
    expect(fitWindowState(null, [primary])).toEqual(DEFAULT_STATE);
  });

  it('keeps a saved position on a display that still exists', () => {
    const saved = { x: 2000, y: 50, width: 1000, height: 700, maximized: true };
    expect(fitWindowState(saved, [primary, right])).toEqual(saved);
  });

  it('drops a position on a display that is gone', () => {
    expect(fitWindowState({ x: 2000, y: 50, width: 1000, height: 700, maximized: false }, [primary])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('pulls a window back whose title bar hangs off the edge, and shrinks it to the display', () => {
    expect(fitWindowState({ x: -50, y: -10, width: 3000, height: 2000, maximized: false }, [primary])).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: false });
    expect(fitWindowState({ x: 100, y: 1030, width: 900, height: 600, maximized: false }, [primary])).toEqual({ width: 900, height: 600, maximized: false });
  });

  it('never goes below the minimum size unless the display is smaller', () => {
    expect(fitWindowState({ width: 100, height: 100, maximized: false }, [primary])).toMatchObject({ width: 800, height: 560 });
    expect(fitWindowState({ width: 1000, height: 1000, maximized: false }, [{ x: 0, y: 0, width: 640, height: 480 }])).toMatchObject({ width: 640, height: 480 });
  });

  it('parses only plausible saved values', () => {
    expect(parseWindowState({ x: 1.4, y: 2, width: 900.6, height: 600, maximized: 'yes' })).toEqual({ x: 1, y: 2, width: 901, height: 600, maximized: false });
    expect(parseWindowState({ width: 900, height: 600, x: 'a' })).toEqual({ width: 900, height: 600, maximized: false });
    for (const bad of [null, 3, [], { width: 'x', height: 1 }, { width: Infinity, height: 1 }]) expect(parseWindowState(bad)).toBeNull();
  });

  it('round-trips through the user-data folder and survives a damaged file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'netwright-ws-'));
    expect(await loadWindowState(dir)).toBeNull();
    await saveWindowState(dir, { x: 10, y: 20, width: 900, height: 600, maximized: true });
    expect(await loadWindowState(dir)).toEqual({ x: 10, y: 20, width: 900, height: 600, maximized: true });
    await writeFile(path.join(dir, 'window-state.json'), '{');
    expect(await loadWindowState(dir)).toBeNull();
  });
});
