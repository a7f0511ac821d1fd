/**
 * The action registry (excalidraw style): every command the user can give — toolbar button,
 * keyboard shortcut, native menu item (main sends only the name) — is one entry here with a
 * name, label, key tests, an enabled test on the state, and what it does.
 */
import { parseTemplateAction, type FixedMenuAction } from '../../src-shared/ipc/actions.js';
import { hasFinishedRun } from '../results/stored-runs.js';
import { copyNodes, pasteClipboard } from '../state/clipboard-edits.js';
import { autoLayout, deleteElements, type XY } from '../state/document-edits.js';
import { duplicateNodes } from '../state/clipboard-edits.js';
import { canRedo, canUndo } from '../state/history.js';
import type { EditorState, EditorStore } from '../state/store.js';
import type { Commands } from './commands.js';
import { matchesShortcut, type KeyLike, type Shortcut } from './shortcuts.js';

/** What the canvas offers actions (React Flow's viewport): view state, never recorded. */
export interface ViewControls {
  fitView(): void;
  zoomIn(): void;
  zoomOut(): void;
}

export interface ActionContext {
  store: EditorStore;
  commands: Commands;
  view: ViewControls;
}

export interface Action {
  name: FixedMenuAction;
  label: string;
  shortcuts: readonly Shortcut[];
  /** Shortcut works even while a text field has focus (Save, Open: nothing a field would do). */
  global?: boolean;
  enabled(state: EditorState): boolean;
  perform(ctx: ActionContext): void | Promise<unknown>;
}

const always = () => true;
const hasSelection = (s: EditorState) => s.selection.nodes.length > 0 || s.selection.edges.length > 0;
const hasNodes = (s: EditorState) => s.selection.nodes.length > 0;
const st = (ctx: ActionContext) => ctx.store.getState();
const CASCADE: XY = { x: 40, y: 40 };

function copy(ctx: ActionContext): void {
  const { doc, selection } = st(ctx);
  const clip = copyNodes(doc, selection.nodes);
  if (!clip) return;
  st(ctx).setClipboard(clip);
  // Best effort: lets a second window paste. Denied permission is fine; the internal copy is kept.
  void globalThis.navigator?.clipboard?.writeText(JSON.stringify(clip)).catch(() => undefined);
}

export const ACTIONS: readonly Action[] = [
  {
    name: 'file.new',
    label: 'New…',
    shortcuts: [{ key: 'n', mod: true }],
    global: true,
    enabled: always,
    perform: (c) => st(c).setDialog({ kind: 'templates' }),
  },
  {
    name: 'file.open',
    label: 'Open…',
    shortcuts: [{ key: 'o', mod: true }],
    global: true,
    enabled: always,
    perform: (c) => c.commands.open(),
  },
  {
    name: 'file.save',
    label: 'Save',
    shortcuts: [{ key: 's', mod: true }],
    global: true,
    enabled: always,
    perform: (c) => c.commands.save(),
  },
  {
    name: 'file.saveAs',
    label: 'Save As…',
    shortcuts: [{ key: 's', mod: true, shift: true }],
    global: true,
    enabled: always,
    perform: (c) => c.commands.saveAs(),
  },
  {
    name: 'file.import',
    label: 'Import Keras/TF.js Model…',
    shortcuts: [{ key: 'i', mod: true }],
    global: true,
    enabled: always,
    perform: (c) => c.commands.import(),
  },
  {
    name: 'file.export',
    label: 'Export…',
    shortcuts: [{ key: 'e', mod: true }],
    global: true,
    // Exporting needs a saved model: a run that finished (completed, stopped or early-stopped).
    enabled: (s) => hasFinishedRun(s.doc),
    perform: (c) => st(c).setDialog({ kind: 'export' }),
  },
  {
    name: 'edit.undo',
    label: 'Undo',
    shortcuts: [{ key: 'z', mod: true }],
    enabled: (s) => canUndo(s.history),
    perform: (c) => st(c).undo(),
  },
  {
    name: 'edit.redo',
    label: 'Redo',
    shortcuts: [
      { key: 'z', mod: true, shift: true },
      { key: 'y', mod: true },
    ],
    enabled: (s) => canRedo(s.history),
    perform: (c) => st(c).redo(),
  },
  {
    name: 'edit.cut',
    label: 'Cut',
    shortcuts: [{ key: 'x', mod: true }],
    enabled: hasNodes,
    perform: (c) => {
      copy(c);
      const { doc, selection } = st(c);
      st(c).apply(deleteElements(doc, selection.nodes, selection.edges));
    },
  },
  { name: 'edit.copy', label: 'Copy', shortcuts: [{ key: 'c', mod: true }], enabled: hasNodes, perform: copy },
  {
    name: 'edit.paste',
    label: 'Paste',
    shortcuts: [{ key: 'v', mod: true }],
    enabled: (s) => s.clipboard !== null,
    perform: (c) => {
      const { doc, clipboard } = st(c);
      if (!clipboard) return;
      st(c).apply(pasteClipboard(doc, clipboard, CASCADE));
      // The next paste lands a step further, not on top of this one.
      st(c).setClipboard({
        ...clipboard,
        nodes: clipboard.nodes.map((n) => ({ ...n, position: { x: n.position.x + CASCADE.x, y: n.position.y + CASCADE.y } })),
      });
    },
  },
  {
    name: 'edit.duplicate',
    label: 'Duplicate',
    shortcuts: [{ key: 'd', mod: true }],
    enabled: hasNodes,
    perform: (c) => st(c).apply(duplicateNodes(st(c).doc, st(c).selection.nodes)),
  },
  {
    name: 'edit.delete',
    label: 'Delete',
    shortcuts: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: hasSelection,
    perform: (c) => st(c).apply(deleteElements(st(c).doc, st(c).selection.nodes, st(c).selection.edges)),
  },
  {
    name: 'edit.selectAll',
    label: 'Select All',
    shortcuts: [{ key: 'a', mod: true }],
    enabled: (s) => s.doc.nodes.length > 0,
    perform: (c) => st(c).setSelection({ nodes: st(c).doc.nodes.map((n) => n.id), edges: [] }),
  },
  {
    name: 'view.zoomIn',
    label: 'Zoom In',
    shortcuts: [
      { key: '=', mod: true, shift: 'any' },
      { key: '+', mod: true, shift: 'any' },
    ],
    enabled: always,
    perform: (c) => c.view.zoomIn(),
  },
  { name: 'view.zoomOut', label: 'Zoom Out', shortcuts: [{ key: '-', mod: true }], enabled: always, perform: (c) => c.view.zoomOut() },
  {
    name: 'view.fit',
    label: 'Fit to Window',
    shortcuts: [
      { code: 'Digit1', shift: true },
      { key: '0', mod: true },
    ],
    enabled: always,
    perform: (c) => c.view.fitView(),
  },
  {
    name: 'view.autoLayout',
    label: 'Auto-layout',
    shortcuts: [
      { key: 'l', mod: true },
      { key: 'l', mod: true, shift: true },
    ],
    enabled: (s) => s.doc.nodes.length > 0,
    perform: (c) => {
      st(c).apply(autoLayout(st(c).doc));
      st(c).requestFit();
    },
  },
  {
    name: 'view.toggleTheme',
    label: 'Toggle Dark Theme',
    shortcuts: [],
    enabled: always,
    perform: (c) => st(c).setTheme(st(c).theme === 'dark' ? 'light' : 'dark'),
  },
  {
    name: 'view.togglePalette',
    label: 'Toggle Layer Palette',
    shortcuts: [{ key: '1', mod: true }],
    enabled: always,
    perform: (c) => st(c).togglePanel('palette'),
  },
  {
    name: 'view.toggleInspector',
    label: 'Toggle Inspector',
    shortcuts: [{ key: '2', mod: true }],
    enabled: always,
    perform: (c) => st(c).togglePanel('inspector'),
  },
  { name: 'help.about', label: 'About Netwright', shortcuts: [], enabled: always, perform: (c) => st(c).setDialog({ kind: 'about' }) },
  { name: 'help.docs', label: 'Keyboard Shortcuts', shortcuts: [], enabled: always, perform: (c) => st(c).setDialog({ kind: 'about' }) },
];

const BY_NAME = new Map<string, Action>(ACTIONS.map((a) => [a.name, a]));

export function getAction(name: FixedMenuAction): Action {
  return BY_NAME.get(name)!;
}

/** The action a key press means, if any (text fields keep their own keys unless the action is global). */
export function actionForKey(e: KeyLike, inTextField: boolean): Action | undefined {
  return ACTIONS.find((a) => (!inTextField || a.global) && a.shortcuts.some((s) => matchesShortcut(e, s)));
}

/**
 * Runs an action by name (a menu item, a toolbar button): disabled actions do nothing.
 * `template.open:<id>` opens that template. Returns false for names it does not know.
 */
export function performAction(name: string, ctx: ActionContext): boolean {
  const template = parseTemplateAction(name);
  if (template) {
    void ctx.commands.openTemplate(template);
    return true;
  }
  const action = BY_NAME.get(name);
  if (!action) return false;
  if (action.enabled(ctx.store.getState())) void action.perform(ctx);
  return true;
}
