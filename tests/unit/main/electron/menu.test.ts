import { describe, expect, it } from 'vitest';
import { listMenuActions, MENU_ACTIONS, parseTemplateAction } from '../../../../src-shared/ipc/actions.js';
import { buildMenuTemplate, type MenuItemSpec } from '../../../../src-main/electron/menu.js';

const templates = [
  { id: 'mlp-mnist', name: 'MLP classifier (MNIST)', layers: 4 },
  { id: 'lenet-mnist', name: 'LeNet-5 (MNIST)', layers: 9 },
];
const recent = [{ path: '/home/u/a.nwproj', name: 'A', openedAt: '2026-01-01T00:00:00Z' }];

function build(platform: NodeJS.Platform, dev = false) {
  const sent: string[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate({ templates, recent, platform, dev, sendAction: (a) => sent.push(a), openRecent: (p) => opened.push(p) });
  return { template, sent, opened };
}

/** Clicks every item that has a click handler, depth first. */
function clickAll(items: MenuItemSpec[]): void {
  for (const item of items) {
    item.click?.();
    if (item.submenu) clickAll(item.submenu);
  }
}

function find(items: MenuItemSpec[], path: string[]): MenuItemSpec {
  const [head, ...rest] = path;
  const item = items.find((i) => i.label === head);
  if (!item) throw new Error(`no menu item ${head}`);
  return rest.length ? find(item.submenu ?? [], rest) : item;
}

describe('buildMenuTemplate', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`sends every fixed action and one per template (${platform})`, () => {
      const { template, sent, opened } = build(platform);
      clickAll(template);
      expect([...new Set(sent.filter((a) => !a.startsWith('template.')))].sort()).toEqual(listMenuActions().sort());
      expect(sent.filter((a) => a.startsWith('template.'))).toEqual(['template.open:mlp-mnist', 'template.open:lenet-mnist']);
      expect(sent.map(parseTemplateAction).filter(Boolean)).toEqual(['mlp-mnist', 'lenet-mnist']);
      expect(opened).toEqual(['/home/u/a.nwproj']);
    });
  }

  it('puts the items where users look for them, with the shared labels and accelerators', () => {
    const { template, sent } = build('linux');
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(find(template, ['File']).submenu!.filter((i) => i.label).map((i) => i.label)).toEqual([
      'New', 'New from Template', 'Open…', 'Open Recent', 'Save', 'Save As…', 'Import Keras/TF.js Model…', 'Export…', 'Quit',
    ]);
    const save = find(template, ['File', 'Save']);
    expect(save.accelerator).toBe(MENU_ACTIONS['file.save'].accelerator);
    save.click!();
    expect(sent).toEqual(['file.save']);
    find(template, ['File', 'New from Template', 'LeNet-5 (MNIST)']).click!();
    expect(sent.at(-1)).toBe('template.open:lenet-mnist');
    expect(find(template, ['Edit', 'Delete']).registerAccelerator).toBe(false);
    expect(find(template, ['Edit', 'Copy']).registerAccelerator).toBeUndefined();
  });

  it('shows placeholders for empty template and recent lists', () => {
    const template = buildMenuTemplate({ templates: [], recent: [], platform: 'linux', dev: false, sendAction: () => {}, openRecent: () => {} });
    expect(find(template, ['File', 'Open Recent']).submenu).toEqual([{ label: 'No recent projects', enabled: false }]);
    expect(find(template, ['File', 'New from Template']).submenu).toEqual([{ label: 'No templates found', enabled: false }]);
  });

  it('adds DevTools only in development, and the app menu only on macOS', () => {
    const roles = (items: MenuItemSpec[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
    expect(roles(build('linux').template)).not.toContain('toggleDevTools');
    expect(roles(build('linux', true).template)).toContain('toggleDevTools');
    expect(build('darwin').template.map((m) => m.label ?? m.role)).toEqual(['Netwright', 'File', 'Edit', 'View', 'windowMenu', 'Help']);
  });
});
