import { describe, expect, it, vi } from 'vitest';
import { listMenuActions } from '../../../src-shared/ipc/actions.js';
import { ACTIONS, actionForKey, getAction, performAction, type ActionContext } from '../../../src-renderer/app/actions.js';
import type { Commands } from '../../../src-renderer/app/commands.js';
import { formatShortcut, type KeyLike } from '../../../src-renderer/app/shortcuts.js';
import { createEditorStore } from '../../../src-renderer/state/store.js';
import { setParam } from '../../../src-renderer/state/document-edits.js';
import { TEMPLATES, template } from './render-app.js';

function context() {
  const store = createEditorStore({ doc: template('mlp-mnist') });
  const commands = {
    openTemplate: vi.fn(async () => {}),
    save: vi.fn(async () => true),
    open: vi.fn(async () => {}),
  } as unknown as Commands;
  const view = { fitView: vi.fn(), zoomIn: vi.fn(), zoomOut: vi.fn() };
  const ctx: ActionContext = { store, commands, view };
  return { store, commands, view, ctx };
}

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: '',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('action registry', () => {
  it('covers every action the native menu can send', () => {
    const names = new Set(ACTIONS.map((a) => a.name));
    expect(listMenuActions().filter((n) => !names.has(n))).toEqual([]);
    expect(TEMPLATES.size).toBeGreaterThan(0);
  });

  it('enables undo/redo, copy/delete and paste from the state', () => {
    const { store } = context();
    const s = () => store.getState();
    expect(getAction('edit.undo').enabled(s())).toBe(false);
    expect(getAction('edit.delete').enabled(s())).toBe(false);
    expect(getAction('edit.paste').enabled(s())).toBe(false);
    s().apply(setParam(s().doc, 'n3', 'units', 64));
    expect(getAction('edit.undo').enabled(s())).toBe(true);
    expect(getAction('edit.redo').enabled(s())).toBe(false);
    s().undo();
    expect(getAction('edit.redo').enabled(s())).toBe(true);
    s().setSelection({ nodes: ['n3'], edges: [] });
    expect(getAction('edit.delete').enabled(s())).toBe(true);
    expect(getAction('edit.copy').enabled(s())).toBe(true);
  });

  it('maps shortcuts to actions; text fields keep their keys except global ones', () => {
    expect(actionForKey(key('z', { ctrlKey: true }), false)?.name).toBe('edit.undo');
    expect(actionForKey(key('Z', { metaKey: true, shiftKey: true }), false)?.name).toBe('edit.redo');
    expect(actionForKey(key('y', { ctrlKey: true }), false)?.name).toBe('edit.redo');
    expect(actionForKey(key('Delete'), false)?.name).toBe('edit.delete');
    expect(actionForKey(key('Backspace'), false)?.name).toBe('edit.delete');
    expect(actionForKey(key('!', { code: 'Digit1', shiftKey: true }), false)?.name).toBe('view.fit');
    expect(actionForKey(key('=', { ctrlKey: true }), false)?.name).toBe('view.zoomIn');
    expect(actionForKey(key('+', { ctrlKey: true, shiftKey: true }), false)?.name).toBe('view.zoomIn');
    expect(actionForKey(key('-', { ctrlKey: true }), false)?.name).toBe('view.zoomOut');
    expect(actionForKey(key('l', { ctrlKey: true }), false)?.name).toBe('view.autoLayout');
    expect(actionForKey(key('d', { ctrlKey: true }), false)?.name).toBe('edit.duplicate');
    expect(actionForKey(key('a', { ctrlKey: true }), false)?.name).toBe('edit.selectAll');
    expect(actionForKey(key('n', { ctrlKey: true }), false)?.name).toBe('file.new');
    expect(actionForKey(key('o', { ctrlKey: true }), false)?.name).toBe('file.open');
    // In a text field: Ctrl+Z and Backspace belong to the field, Ctrl+S still saves.
    expect(actionForKey(key('z', { ctrlKey: true }), true)).toBeUndefined();
    expect(actionForKey(key('Backspace'), true)).toBeUndefined();
    expect(actionForKey(key('s', { ctrlKey: true }), true)?.name).toBe('file.save');
    expect(actionForKey(key('z', { ctrlKey: true, altKey: true }), false)).toBeUndefined();
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut({ key: 'z', mod: true }, true)).toBe('⌘Z');
  });

  it('performs copy, paste (cascading), duplicate, delete, select all and undo', () => {
    const { store, ctx } = context();
    const s = () => store.getState();
    s().setSelection({ nodes: ['n3'], edges: [] });
    performAction('edit.copy', ctx);
    performAction('edit.paste', ctx);
    performAction('edit.paste', ctx);
    const copies = s().doc.nodes.slice(4);
    expect(copies.map((n) => n.name)).toEqual(['hidden_1', 'hidden_2']);
    expect(copies[1]!.position.x - copies[0]!.position.x).toBe(40);
    expect(s().selection.nodes).toEqual([copies[1]!.id]);
    performAction('edit.duplicate', ctx);
    expect(s().doc.nodes).toHaveLength(7);
    performAction('edit.selectAll', ctx);
    expect(s().selection.nodes).toHaveLength(7);
    performAction('edit.delete', ctx);
    expect(s().doc.nodes).toEqual([]);
    performAction('edit.undo', ctx);
    expect(s().doc.nodes).toHaveLength(7);
  });

  it('routes view actions to the viewport and templates to the commands', () => {
    const { ctx, view, commands } = context();
    performAction('view.fit', ctx);
    performAction('view.zoomIn', ctx);
    expect(view.fitView).toHaveBeenCalledOnce();
    expect(view.zoomIn).toHaveBeenCalledOnce();
    expect(performAction('template.open:lenet-mnist', ctx)).toBe(true);
    expect(commands.openTemplate).toHaveBeenCalledWith('lenet-mnist');
    expect(performAction('no.such.action', ctx)).toBe(false);
  });

  it('toggles theme and panels without touching the history', () => {
    const { store, ctx } = context();
    performAction('view.toggleTheme', ctx);
    performAction('view.togglePalette', ctx);
    expect(store.getState().theme).toBe('dark');
    expect(store.getState().panels.palette).toBe(false);
    expect(store.getState().history.past).toEqual([]);
  });
});
