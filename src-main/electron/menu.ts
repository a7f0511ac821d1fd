/**
 * The native menu as data: a pure function of the templates, the recent list and the platform.
 * Every item only names an action (src-shared/ipc/actions.ts) for the renderer to run, so the
 * menu can be tested in plain Node and never duplicates what an action does.
 */
import { MENU_ACTIONS, makeTemplateAction, type FixedMenuAction, type MenuAction } from '../../src-shared/ipc/actions.js';
import type { RecentProject, TemplateInfo } from '../../src-shared/ipc/contract.js';

/** The subset of Electron's MenuItemConstructorOptions we produce (structurally compatible). */
export interface MenuItemSpec {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu';
  role?: 'appMenu' | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'close' | 'minimize' | 'zoom' | 'front' | 'togglefullscreen' | 'toggleDevTools' | 'reload' | 'forceReload' | 'windowMenu';
  accelerator?: string;
  registerAccelerator?: boolean;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

export interface MenuContext {
  templates: TemplateInfo[];
  recent: RecentProject[];
  platform: NodeJS.Platform;
  /** Adds Reload and DevTools (never in a packaged app). */
  dev: boolean;
  sendAction(action: MenuAction): void;
  /** File ▸ Open Recent ▸ <path>: main sends `project:openRequested`. */
  openRecent(path: string): void;
}

const separator: MenuItemSpec = { type: 'separator' };

/** Builds the application menu template. */
export function buildMenuTemplate(ctx: MenuContext): MenuItemSpec[] {
  const isMac = ctx.platform === 'darwin';
  const item = (action: FixedMenuAction): MenuItemSpec => {
    const spec: { label: string; accelerator?: string; rendererKey?: boolean } = MENU_ACTIONS[action];
    return {
      label: spec.label,
      ...(spec.accelerator ? { accelerator: spec.accelerator } : {}),
      // Shown, but the key stays with the renderer (see MenuActionSpec.rendererKey).
      ...(spec.rendererKey ? { registerAccelerator: false } : {}),
      click: () => ctx.sendAction(action),
    };
  };

  const templates: MenuItemSpec[] = ctx.templates.length
    ? ctx.templates.map((t) => ({ label: t.name, click: () => ctx.sendAction(makeTemplateAction(t.id)) }))
    : [{ label: 'No templates found', enabled: false }];
  const recent: MenuItemSpec[] = ctx.recent.length
    ? ctx.recent.map((r) => ({ label: `${r.name} — ${r.path}`, click: () => ctx.openRecent(r.path) }))
    : [{ label: 'No recent projects', enabled: false }];

  const file: MenuItemSpec = {
    label: 'File',
    submenu: [
      item('file.new'),
      { label: 'New from Template', submenu: templates },
      item('file.open'),
      { label: 'Open Recent', submenu: recent },
      separator,
      item('file.save'),
      item('file.saveAs'),
      separator,
      item('file.import'),
      item('file.export'),
      separator,
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const edit: MenuItemSpec = {
    label: 'Edit',
    submenu: [
      item('edit.undo'),
      item('edit.redo'),
      separator,
      item('edit.cut'),
      item('edit.copy'),
      item('edit.paste'),
      item('edit.duplicate'),
      item('edit.delete'),
      separator,
      item('edit.selectAll'),
    ],
  };
  const view: MenuItemSpec = {
    label: 'View',
    submenu: [
      item('view.zoomIn'),
      item('view.zoomOut'),
      item('view.fit'),
      item('view.autoLayout'),
      separator,
      item('view.togglePalette'),
      item('view.toggleInspector'),
      item('view.toggleTheme'),
      separator,
      { role: 'togglefullscreen' },
      ...(ctx.dev ? [separator, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  };
  const help: MenuItemSpec = { label: 'Help', submenu: [item('help.docs'), ...(isMac ? [] : [separator, item('help.about')])] };

  // macOS keeps About and Quit in the app menu; its About still runs our renderer action.
  const appMenu: MenuItemSpec = {
    label: 'Netwright',
    submenu: [item('help.about'), separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };
  return [...(isMac ? [appMenu] : []), file, edit, view, ...(isMac ? [{ role: 'windowMenu' } as const] : []), help];
}
