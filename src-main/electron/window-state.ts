/**
 * Remembering the window's size and place between launches, with the geometry kept pure: a
 * saved position is used only while its title bar is on a display that still exists, so a
 * window never reopens on an unplugged monitor where the user cannot grab it.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../api/atomic-write.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS center the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_SIZE = { width: 800, height: 560 };
export const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };
/** How much of the title bar must be reachable for a saved position to be kept. */
const GRAB = { width: 120, height: 32 };

/** Reads a saved state, or null when the value is not a plausible one. */
export function parseWindowState(raw: unknown): WindowState | null {
  const r = raw as Partial<Record<keyof WindowState, unknown>> | null;
  if (typeof r !== 'object' || r === null) return null;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!num(r.width) || !num(r.height)) return null;
  const state: WindowState = { width: Math.round(r.width as number), height: Math.round(r.height as number), maximized: r.maximized === true };
  if (num(r.x) && num(r.y)) Object.assign(state, { x: Math.round(r.x as number), y: Math.round(r.y as number) });
  return state;
}

/**
 * Fits a saved state (or the default) to the current displays' work areas, the primary first:
 * keeps the position if the title bar is reachable, and never exceeds the display it is on.
 */
export function fitWindowState(saved: WindowState | null, workAreas: Rect[]): WindowState {
  const state = saved ?? DEFAULT_STATE;
  const primary = workAreas[0];
  const home = state.x !== undefined && state.y !== undefined ? workAreas.find((area) => titleBarVisible(state as WindowState & Rect, area)) : undefined;
  const area = home ?? primary;
  const width = clampSize(state.width, MIN_SIZE.width, area?.width);
  const height = clampSize(state.height, MIN_SIZE.height, area?.height);
  if (!home) return { width, height, maximized: state.maximized };
  // Pull the window inside its display if its size was clamped or it hung off an edge.
  const x = Math.min(Math.max(state.x!, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(state.y!, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: state.maximized };
}

/** The state to save from a window's normal (unmaximized) bounds. */
export function captureWindowState(normalBounds: Rect, maximized: boolean): WindowState {
  return { ...normalBounds, maximized };
}

/** Loads `<userData>/window-state.json` (null when missing or damaged). */
export async function loadWindowState(userDataDir: string): Promise<WindowState | null> {
  try {
    return parseWindowState(JSON.parse(await readFile(stateFile(userDataDir), 'utf8')));
  } catch {
    return null;
  }
}

/** Saves the state; failures are ignored (a lost window position is not worth an error). */
export async function saveWindowState(userDataDir: string, state: WindowState): Promise<void> {
  try {
    await mkdir(userDataDir, { recursive: true });
    await writeFileAtomic(stateFile(userDataDir), `${JSON.stringify(state)}\n`);
  } catch {
    // See above.
  }
}

function stateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

function titleBarVisible(w: Rect, area: Rect): boolean {
  const overlapX = Math.min(w.x + w.width, area.x + area.width) - Math.max(w.x, area.x);
  const overlapY = Math.min(w.y + GRAB.height, area.y + area.height) - Math.max(w.y, area.y);
  return overlapX >= GRAB.width && overlapY >= GRAB.height / 2;
}

function clampSize(size: number, min: number, max: number | undefined): number {
  const upper = max ?? Number.POSITIVE_INFINITY;
  return Math.max(Math.min(size, upper), Math.min(min, upper));
}
