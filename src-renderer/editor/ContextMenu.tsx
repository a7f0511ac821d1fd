/**
 * The canvas context menu: registry actions for a layer (right-click on a card) or for the
 * canvas (right-click on empty space). Arrow keys move between items, Escape closes.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import type { FixedMenuAction } from '../../src-shared/ipc/actions.js';
import { getAction, performAction } from '../app/actions.js';
import { useActionContext, useEditor } from '../app/editor-context.js';
import { formatShortcut } from '../app/shortcuts.js';

export interface ContextMenuState {
  x: number;
  y: number;
  target: 'node' | 'pane';
}

const ITEMS: Record<ContextMenuState['target'], (FixedMenuAction | '-')[]> = {
  node: ['edit.duplicate', 'edit.copy', 'edit.cut', '-', 'edit.delete'],
  pane: ['edit.paste', 'edit.selectAll', '-', 'view.autoLayout', 'view.fit'],
};

export function ContextMenu({ menu, onClose }: { menu: ContextMenuState; onClose(): void }): ReactElement {
  const ctx = useActionContext();
  const state = useEditor((s) => s);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && onClose();
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={menu.target === 'node' ? 'Layer actions' : 'Canvas actions'}
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      {ITEMS[menu.target].map((name, i) => {
        if (name === '-') return <div key={i} className="context-menu__sep" role="separator" />;
        const action = getAction(name);
        const first = action.shortcuts[0];
        return (
          <button
            key={name}
            type="button"
            role="menuitem"
            className={`context-menu__item ${name === 'edit.delete' ? 'is-danger' : ''}`}
            disabled={!action.enabled(state)}
            onClick={() => {
              onClose();
              performAction(name, ctx);
            }}
          >
            <span>{action.label}</span>
            {first && <kbd>{formatShortcut(first)}</kbd>}
          </button>
        );
      })}
    </div>
  );
}
