// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { buildDocument } from '../../../src-shared/graph/build.js';
import { DEMO_ROOT } from '../../../src-renderer/host/memory-host.js';
import { renderApp, template } from './render-app.js';

afterEach(cleanup);

/** LeNet-like, but the Flatten before the classifier is missing: a classic mistake. */
const missingFlatten = () =>
  buildDocument('oops', [
    { type: 'Input', name: 'digits', params: { dataKind: 'image', shape: [28, 28, 1] } },
    { type: 'Conv2D', name: 'conv', params: { filters: 8 } },
    { type: 'MaxPooling2D', name: 'pool' },
    { type: 'Dense', name: 'out', params: { units: 10, activation: 'softmax' } },
  ]);

describe('editor workflows', () => {
  it("a finding's repair button fixes the document, and undo/redo go through the toolbar", async () => {
    const { user, store } = await renderApp({ doc: missingFlatten() });
    const problems = within(screen.getByRole('list', { name: 'Problems' }));
    expect(problems.getByText(/applies to the last axis only/)).toBeTruthy();
    await user.click(problems.getByRole('button', { name: 'Insert Flatten before "out"' }));
    expect(store.getState().doc.nodes.map((n) => n.type)).toContain('Flatten');
    // The inserted layer is selected (the inspector shows what changed); the status bar says the model is fine.
    expect(store.getState().selection.nodes).toEqual([store.getState().doc.nodes.find((n) => n.type === 'Flatten')!.id]);
    expect(screen.getByRole('button', { name: /Ready to train/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().doc.nodes.map((n) => n.type)).not.toContain('Flatten');
    expect(screen.getByRole('list', { name: 'Problems' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Redo' }));
    expect(store.getState().doc.nodes.map((n) => n.type)).toContain('Flatten');
    expect((screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('the badge on a node card offers the same repair', async () => {
    const { user, store } = await renderApp({ doc: missingFlatten() });
    const card = await screen.findByRole('group', { name: /Dense layer out, output 13×13×10, 90 parameters, 2 problems/ });
    expect(within(card).getByRole('button', { name: /problems? in out/ })).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Insert Flatten before "out"' }));
    expect(store.getState().doc.nodes.find((n) => n.name === 'out')).toBeTruthy();
    expect(await screen.findByRole('group', { name: 'Dense layer out, output 10, 13,530 parameters' })).toBeTruthy();
  });

  it('keyboard shortcuts and native menu actions run the same actions', async () => {
    const { user, store, host } = await renderApp();
    store.getState().setSelection({ nodes: ['n3'], edges: [] });
    document.body.focus();
    await user.keyboard('{Control>}d{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(5);
    await user.keyboard('{Delete}');
    expect(store.getState().doc.nodes).toHaveLength(4);
    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(5);
    act(() => host.emit('menu:action', { action: 'edit.undo' }));
    expect(store.getState().doc.nodes).toHaveLength(4);
    act(() => host.emit('menu:action', { action: 'view.toggleTheme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(host.calls.some((c) => c.name === 'app:ready')).toBe(true);
  });

  it('the context menu on a card runs registry actions', async () => {
    const { user, store } = await renderApp();
    const card = await screen.findByRole('group', { name: /Dense layer hidden/ });
    await user.pointer({ keys: '[MouseRight]', target: card });
    const menu = within(screen.getByRole('menu', { name: 'Layer actions' }));
    expect(store.getState().selection.nodes).toEqual(['n3']);
    expect(menu.queryByRole('menuitem', { name: /Paste/ })).toBeNull();
    await user.click(menu.getByRole('menuitem', { name: /Duplicate/ }));
    expect(store.getState().doc.nodes.map((n) => n.name)).toContain('hidden_1');
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('opening a malformed project shows the core error and leaves the work untouched', async () => {
    const { user, store } = await renderApp();
    const before = store.getState().doc;
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Open project' }));
    await user.click(await dialog.findByRole('button', { name: 'Folder examples' }));
    await user.click(await dialog.findByRole('button', { name: 'broken.nwproj' }));
    await user.click(dialog.getByRole('button', { name: 'Open' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Could not open broken\.nwproj/);
    expect(alert.textContent).toMatch(/nodes\[2\]\.type/);
    expect(store.getState().doc).toBe(before);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks about unsaved changes before New replaces the document', async () => {
    const { user, store } = await renderApp();
    const s = store.getState();
    act(() => s.apply({ ...s.doc, name: 'edited' }));
    expect(screen.getByRole('img', { name: 'Unsaved changes' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'New' }));
    await user.click(await screen.findByRole('button', { name: /LeNet-style CNN/ }));
    const confirm = within(await screen.findByRole('dialog', { name: 'Save changes first?' }));
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(store.getState().doc.name).toBe('edited');
    await user.click(screen.getByRole('button', { name: 'New' }));
    await user.click(await screen.findByRole('button', { name: /LeNet-style CNN/ }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Don’t save' }));
    await waitFor(() => expect(store.getState().doc.name).toBe('LeNet-style CNN (MNIST)'));
    expect(screen.queryByRole('img', { name: 'Unsaved changes' })).toBeNull();
  });

  it('Save asks for a path (no native dialog here), writes the project and clears the dirty dot', async () => {
    const { user, store, host } = await renderApp();
    const s = store.getState();
    act(() => s.apply({ ...s.doc, name: 'My net' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Save project as' }));
    const path = dialog.getByRole('textbox', { name: 'File path' }) as HTMLInputElement;
    await waitFor(() => expect(path.value).toBe(`${DEMO_ROOT}/my-net.nwproj`));
    await user.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(store.getState().path).toBe(`${DEMO_ROOT}/my-net.nwproj`));
    expect(host.files.get(`${DEMO_ROOT}/my-net.nwproj`)).toContain('"name": "My net"');
    expect(screen.queryByRole('img', { name: 'Unsaved changes' })).toBeNull();
    expect(screen.getByText('my-net.nwproj')).toBeTruthy();
  });

  it('offers to restore autosaved work at startup', async () => {
    const { user, store, host } = await renderApp({ doc: template('mlp-mnist') });
    host.recovery = { doc: template('lenet-mnist'), path: null, savedAt: new Date().toISOString() };
    await act(async () => {
      const r = await host.call('project:recovery', {});
      if (r.ok && r.value) store.getState().setRecovery(r.value);
    });
    const offer = within(screen.getByRole('region', { name: 'Unsaved work found' }));
    await user.click(offer.getByRole('button', { name: 'Restore' }));
    expect(store.getState().doc.name).toBe('LeNet-style CNN (MNIST)');
    expect(screen.getByRole('img', { name: 'Unsaved changes' })).toBeTruthy();
  });

  it('imports a Keras model from the file browser', async () => {
    const { user, store } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Import Keras/TF.js Model' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Import Keras / TF.js model' }));
    await user.click(await dialog.findByRole('button', { name: 'Folder models' }));
    await user.click(await dialog.findByRole('button', { name: 'lenet-keras.json' }));
    await user.click(dialog.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(store.getState().doc.nodes).toHaveLength(9));
    expect(store.getState().path).toBeNull();
  });
});
