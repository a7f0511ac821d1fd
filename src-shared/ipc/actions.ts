/**
 * The names of the actions a native menu item (Electron) asks the renderer to run, with their
 * labels and shortcuts. Main sends only the name (`menu:action`); the renderer's action registry
 * owns what each one does, so toolbar, shortcuts, context menu and the native menu stay one list.
 */

export interface MenuActionSpec {
  /** Label for menus; `…` marks an action that asks for more input before it acts. */
  label: string;
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+S`); the renderer maps it to a key test. */
  accelerator?: string;
  /**
   * Shown in the native menu but not registered there: the renderer's own key handler keeps the
   * key, because a menu accelerator would swallow it in text fields (Delete, Backspace).
   */
  rendererKey?: boolean;
  /**
   * In a focused text field the renderer performs the text operation instead
   * (`document.execCommand`), because the native menu catches Cmd/Ctrl+C etc. first.
   */
  textEditing?: boolean;
}

/** Every fixed action the native menu can send. */
export const MENU_ACTIONS = {
  'file.new': { label: 'New', accelerator: 'CmdOrCtrl+N' },
  'file.open': { label: 'Open…', accelerator: 'CmdOrCtrl+O' },
  'file.save': { label: 'Save', accelerator: 'CmdOrCtrl+S' },
  'file.saveAs': { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S' },
  'file.import': { label: 'Import Keras/TF.js Model…', accelerator: 'CmdOrCtrl+I' },
  'file.export': { label: 'Export…', accelerator: 'CmdOrCtrl+E' },
  'edit.undo': { label: 'Undo', accelerator: 'CmdOrCtrl+Z', textEditing: true },
  'edit.redo': { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', textEditing: true },
  'edit.cut': { label: 'Cut', accelerator: 'CmdOrCtrl+X', textEditing: true },
  'edit.copy': { label: 'Copy', accelerator: 'CmdOrCtrl+C', textEditing: true },
  'edit.paste': { label: 'Paste', accelerator: 'CmdOrCtrl+V', textEditing: true },
  'edit.duplicate': { label: 'Duplicate', accelerator: 'CmdOrCtrl+D' },
  'edit.delete': { label: 'Delete', accelerator: 'Delete', rendererKey: true },
  'edit.selectAll': { label: 'Select All', accelerator: 'CmdOrCtrl+A', textEditing: true },
  'view.zoomIn': { label: 'Zoom In', accelerator: 'CmdOrCtrl+=' },
  'view.zoomOut': { label: 'Zoom Out', accelerator: 'CmdOrCtrl+-' },
  'view.fit': { label: 'Fit to Window', accelerator: 'CmdOrCtrl+0' },
  'view.autoLayout': { label: 'Auto-layout', accelerator: 'CmdOrCtrl+Shift+L' },
  'view.togglePalette': { label: 'Toggle Layer Palette', accelerator: 'CmdOrCtrl+1' },
  'view.toggleInspector': { label: 'Toggle Inspector', accelerator: 'CmdOrCtrl+2' },
  'view.toggleTheme': { label: 'Toggle Dark Theme' },
  'help.about': { label: 'About Netwright' },
  'help.docs': { label: 'Documentation' },
} as const satisfies Record<string, MenuActionSpec>;

export type FixedMenuAction = keyof typeof MENU_ACTIONS;

/** `template.open:<id>` starts a new project from the bundled template `<id>`. */
export const TEMPLATE_ACTION_PREFIX = 'template.open:';

export type MenuAction = FixedMenuAction | `${typeof TEMPLATE_ACTION_PREFIX}${string}`;

/** Lists the fixed action names (the menu and the renderer registry must both cover them). */
export function listMenuActions(): FixedMenuAction[] {
  return Object.keys(MENU_ACTIONS) as FixedMenuAction[];
}

/** Builds the action name that opens template `id`. */
export function makeTemplateAction(id: string): MenuAction {
  return `${TEMPLATE_ACTION_PREFIX}${id}`;
}

/** Returns the template id of a `template.open:<id>` action, or null for any other action. */
export function parseTemplateAction(action: string): string | null {
  if (!action.startsWith(TEMPLATE_ACTION_PREFIX)) return null;
  const id = action.slice(TEMPLATE_ACTION_PREFIX.length);
  return /^[a-z0-9-]+$/.test(id) ? id : null;
}

/** Tells whether `action` is one the renderer should know (a fixed name or a template action). */
export function isMenuAction(action: string): action is MenuAction {
  return Object.prototype.hasOwnProperty.call(MENU_ACTIONS, action) || parseTemplateAction(action) !== null;
}
