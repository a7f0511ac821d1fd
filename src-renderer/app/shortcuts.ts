/**
 * Keyboard shortcuts as data: a key test per action, matched against keydown events.
 * "Mod" is Ctrl on Windows/Linux and Cmd on macOS; both are accepted everywhere.
 */

export interface Shortcut {
  /** `KeyboardEvent.key`, lower-cased for letters. */
  key?: string;
  /** `KeyboardEvent.code`, for keys whose `key` changes with Shift (Shift+1 gives "!"). */
  code?: string;
  mod?: boolean;
  /** `'any'` for keys that need Shift on some layouts ("+" for zoom in). */
  shift?: boolean | 'any';
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(e: KeyLike, s: Shortcut): boolean {
  if (e.altKey) return false;
  if ((e.ctrlKey || e.metaKey) !== (s.mod ?? false)) return false;
  if (s.shift !== 'any' && e.shiftKey !== (s.shift ?? false)) return false;
  if (s.code !== undefined) return e.code === s.code;
  return s.key !== undefined && e.key.toLowerCase() === s.key.toLowerCase();
}

const KEY_NAMES: Record<string, string> = { Delete: 'Del', Backspace: '⌫', '=': '=', '-': '−' };

/** `Ctrl+Shift+Z` (or `⌘⇧Z` on macOS), for tooltips and menus. */
export function formatShortcut(s: Shortcut, mac = isMac()): string {
  const key = s.code?.startsWith('Digit') ? s.code.slice(5) : (KEY_NAMES[s.key ?? ''] ?? (s.key ?? '').toUpperCase());
  if (mac) return `${s.mod ? '⌘' : ''}${s.shift === true ? '⇧' : ''}${key}`;
  return [s.mod && 'Ctrl', s.shift === true && 'Shift', key].filter(Boolean).join('+');
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

/** True when typing goes into a text field, where plain keys and Ctrl+Z belong to the field. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type);
}
