/**
 * The top bar: file and edit commands, the project name with its unsaved-changes dot, view
 * commands and panel toggles. Every button runs a registry action, so it shares label,
 * shortcut and enabled state with the keyboard and the native menu.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { FixedMenuAction } from '../../src-shared/ipc/actions.js';
import { renameProject } from '../state/document-edits.js';
import { selectDirty } from '../state/store.js';
import { baseName } from './commands.js';
import { useAction, useEditor, useServices } from './editor-context.js';
import { BrandMark, Icon, type IconName } from './Icon.js';

function ToolButton({
  action,
  icon,
  showLabel,
  pressed,
}: {
  action: FixedMenuAction;
  icon: IconName;
  showLabel?: boolean;
  pressed?: boolean;
}): ReactElement {
  const a = useAction(action);
  return (
    <button
      type="button"
      className={`tool-button ${showLabel ? 'tool-button--labelled' : ''}`}
      aria-label={a.label.replace(/…$/, '')}
      title={a.title}
      disabled={!a.enabled}
      onClick={a.run}
      {...(pressed !== undefined ? { 'aria-pressed': pressed } : {})}
    >
      <Icon name={icon} size={17} />
      {showLabel && <span>{a.label.replace(/…$/, '')}</span>}
    </button>
  );
}

export function Toolbar(): ReactElement {
  const { host } = useServices();
  const theme = useEditor((s) => s.theme);
  const panels = useEditor((s) => s.panels);
  // Canvas tools act on the network editor; the other workspaces have no canvas to act on.
  const design = useEditor((s) => s.workspace === 'design');
  return (
    <header className="toolbar">
      <div className="toolbar__group toolbar__brand">
        <BrandMark />
        <span className="brand-name">Netwright</span>
      </div>
      <div className="toolbar__group" role="group" aria-label="File">
        <ToolButton action="file.new" icon="new" />
        <ToolButton action="file.open" icon="open" />
        <ToolButton action="file.save" icon="save" />
        <ToolButton action="file.import" icon="import" />
        <ToolButton action="file.export" icon="export" />
      </div>
      <div className="toolbar__group" role="group" aria-label="Edit">
        <ToolButton action="edit.undo" icon="undo" />
        <ToolButton action="edit.redo" icon="redo" />
      </div>
      <ProjectTitle />
      <div className="toolbar__group" role="group" aria-label="View">
        {host.mode === 'memory' && (
          <span className="demo-badge" title="No backend is connected: projects are kept in this browser tab only.">
            Demo mode
          </span>
        )}
        {design && (
          <>
            <ToolButton action="view.autoLayout" icon="layout" showLabel />
            <ToolButton action="view.fit" icon="fit" />
            <ToolButton action="view.zoomOut" icon="zoomOut" />
            <ToolButton action="view.zoomIn" icon="zoomIn" />
          </>
        )}
      </div>
      <div className="toolbar__group" role="group" aria-label="Panels and theme">
        {design && <ToolButton action="view.togglePalette" icon="panelLeft" pressed={panels.palette} />}
        {design && <ToolButton action="view.toggleInspector" icon="panelRight" pressed={panels.inspector} />}
        <ToolButton action="view.toggleTheme" icon={theme === 'dark' ? 'sun' : 'moon'} pressed={theme === 'dark'} />
      </div>
    </header>
  );
}

function ProjectTitle(): ReactElement {
  const { store } = useServices();
  const name = useEditor((s) => s.doc.name);
  const path = useEditor((s) => s.path);
  const dirty = useEditor(selectDirty);
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name]);
  const commit = () => {
    const next = draft.trim();
    if (!next) return setDraft(name);
    const s = store.getState();
    s.apply(renameProject(s.doc, next));
  };
  return (
    <div className="project-title">
      <div className="project-title__row">
        <input
          className="project-title__name"
          aria-label="Project name"
          value={draft}
          size={Math.max(8, Math.min(40, draft.length + 1))}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setDraft(name);
          }}
        />
        {dirty && <span className="dirty-dot" role="img" aria-label="Unsaved changes" title="Unsaved changes" />}
      </div>
      <span className="project-title__path" title={path ?? undefined}>
        {path ? baseName(path) : 'Not saved yet'}
      </span>
    </div>
  );
}
