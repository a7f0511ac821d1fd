/**
 * Keeps the world outside the page in step with the document: the window title, main's
 * dirty flag (so a clean window closes without asking), the browser's leave-page warning,
 * the remembered theme, and the debounced autosave to the recovery file.
 */
import { useEffect } from 'react';
import { selectDirty } from '../state/store.js';
import { useEditor, useServices } from './editor-context.js';

export const AUTOSAVE_DELAY_MS = 2000;
export const THEME_KEY = 'netwright.theme';

export function useDocumentStatus(): void {
  const { host, store, commands } = useServices();
  const dirty = useEditor(selectDirty);
  const name = useEditor((s) => s.doc.name);
  const theme = useEditor((s) => s.theme);

  useEffect(() => {
    document.title = `${dirty ? '● ' : ''}${name} — Netwright`;
  }, [dirty, name]);

  useEffect(() => {
    if (host.mode === 'electron') void host.call('app:setDirty', { dirty });
    if (!dirty || host.mode === 'electron') return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, host]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // storage can be disabled; the theme then lasts for this session only
    }
  }, [theme]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = store.subscribe((s, prev) => {
      if (s.doc === prev.doc) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void commands.autosave(), AUTOSAVE_DELAY_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [store, commands]);
}

/** The theme to start with: the remembered one, else the system's preference. */
export function initialTheme(): 'light' | 'dark' {
  try {
    const saved = localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // fall through to the system preference
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
