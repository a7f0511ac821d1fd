/**
 * The left rail: one tab per workspace (Design, Data, Train, Results), switched by click, the
 * arrow keys (the ARIA tabs pattern) or Alt+1…4. The Train tab shows a pulsing dot while a
 * run is going, so a run is never forgotten behind another tab. Alt is the modifier because
 * Ctrl/⌘+1 and +2 already toggle the editor's palette and inspector.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import { isActive } from '../state/training-store.js';
import type { WorkspaceId } from '../state/store.js';
import { useEditor, useServices, useTraining } from './editor-context.js';
import { Icon } from './Icon.js';
import { WORKSPACES } from './workspaces.js';

export const tabId = (id: WorkspaceId): string => `workspace-tab-${id}`;
export const panelId = (id: WorkspaceId): string => `workspace-panel-${id}`;

export function WorkspaceRail(): ReactElement {
  const { store } = useServices();
  const current = useEditor((s) => s.workspace);
  const running = useTraining((s) => isActive(s.run?.status));
  const runs = useEditor((s) => s.doc.runs.length);
  const refs = useRef(new Map<WorkspaceId, HTMLButtonElement>());

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // `code`, not `key`: Alt+digit types other characters on some layouts (macOS).
      const spec = WORKSPACES.find((w) => e.code === `Digit${w.digit}`);
      if (!spec) return;
      e.preventDefault();
      store.getState().setWorkspace(spec.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = WORKSPACES.findIndex((w) => w.id === current);
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const target = e.key === 'Home' ? WORKSPACES[0] : e.key === 'End' ? WORKSPACES[WORKSPACES.length - 1] : step ? WORKSPACES[(i + step + WORKSPACES.length) % WORKSPACES.length] : undefined;
    if (!target) return;
    e.preventDefault();
    store.getState().setWorkspace(target.id);
    refs.current.get(target.id)?.focus();
  };

  return (
    <nav className="rail" aria-label="Workspaces">
      <div role="tablist" aria-orientation="vertical" aria-label="Workspaces" className="rail__tabs" onKeyDown={onKeyDown}>
        {WORKSPACES.map((w) => {
          const selected = w.id === current;
          const badge = w.id === 'train' && running ? 'running' : w.id === 'results' && runs > 0 ? String(runs) : null;
          return (
            <button
              key={w.id}
              ref={(el) => {
                if (el) refs.current.set(w.id, el);
                else refs.current.delete(w.id);
              }}
              type="button"
              role="tab"
              id={tabId(w.id)}
              aria-selected={selected}
              aria-controls={panelId(w.id)}
              tabIndex={selected ? 0 : -1}
              className={`rail__tab${selected ? ' is-selected' : ''}`}
              title={`${w.title} (Alt+${w.digit})`}
              onClick={() => store.getState().setWorkspace(w.id)}
            >
              <span className="rail__icon">
                <Icon name={w.icon} size={19} />
                {badge === 'running' && <span className="rail__pulse" aria-label="Training in progress" role="img" />}
                {badge && badge !== 'running' && (
                  <span className="rail__count" aria-label={`${badge} run${badge === '1' ? '' : 's'}`} role="img">
                    {badge}
                  </span>
                )}
              </span>
              <span className="rail__label">{w.label}</span>
            </button>
          );
        })}
      </div>
    </nav>
  );
}
