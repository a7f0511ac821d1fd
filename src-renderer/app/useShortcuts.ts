/**
 * Routes key presses to registry actions. Text fields keep their own keys (typing, Ctrl+Z in a
 * field) except for global actions such as Save; Escape clears the selection.
 */
import { useEffect } from 'react';
import { EMPTY_SELECTION } from '../state/store.js';
import { actionForKey } from './actions.js';
import { useActionContext } from './editor-context.js';
import { isTextTarget } from './shortcuts.js';

export function useShortcuts(): void {
  const ctx = useActionContext();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const inText = isTextTarget(e.target);
      // A modal dialog owns the keyboard; only its own keys apply.
      if (ctx.store.getState().dialog) return;
      if (e.key === 'Escape' && !inText) {
        ctx.store.getState().setSelection(EMPTY_SELECTION);
        return;
      }
      const action = actionForKey(e, inText);
      if (!action) return;
      e.preventDefault();
      if (action.enabled(ctx.store.getState())) void action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ctx]);
}
