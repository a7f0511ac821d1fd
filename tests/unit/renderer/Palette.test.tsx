// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp } from './render-app.js';

afterEach(cleanup);

describe('Palette', () => {
  it('filters layers by search and groups them by category', async () => {
    const { user } = await renderApp();
    const palette = screen.getByRole('complementary', { name: 'Layer palette' });
    expect(within(palette).getByRole('region', { name: 'Convolution' })).toBeTruthy();
    await user.type(within(palette).getByRole('searchbox', { name: 'Search layers' }), 'pool 2d');
    const names = within(palette)
      .getAllByRole('button')
      .map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Add Max Pool 2D layer',
      'Add Average Pool 2D layer',
      'Add Global Average Pool 2D layer',
      'Add Global Max Pool 2D layer',
    ]);
    expect(within(palette).queryByRole('region', { name: 'Core' })).toBeNull();
    await user.clear(within(palette).getByRole('searchbox'));
    await user.type(within(palette).getByRole('searchbox'), 'zzz');
    expect(within(palette).getByText(/No layer matches/)).toBeTruthy();
  });

  it('click adds the layer below the selected one, wired to it, and selects it', async () => {
    const { user, store } = await renderApp();
    store.getState().setSelection({ nodes: ['n3'], edges: [] });
    await user.click(screen.getByRole('button', { name: 'Add Dropout layer' }));
    const doc = store.getState().doc;
    const added = doc.nodes.at(-1)!;
    expect(added).toMatchObject({ type: 'Dropout', name: 'dropout_1' });
    expect(doc.edges.at(-1)).toMatchObject({ source: 'n3', target: added.id, targetIndex: 0 });
    expect(store.getState().selection.nodes).toEqual([added.id]);
    // The inspector follows the selection.
    expect(within(screen.getByRole('complementary', { name: 'Inspector' })).getByRole('heading', { name: /Dropout/ })).toBeTruthy();
  });

  it('Enter on a focused item adds it too, building a chain from the keyboard', async () => {
    const { user, store } = await renderApp();
    store.getState().setSelection({ nodes: ['n4'], edges: [] });
    screen.getByRole('button', { name: 'Add Activation layer' }).focus();
    await user.keyboard('{Enter}');
    screen.getByRole('button', { name: 'Add Dense layer' }).focus();
    await user.keyboard('{Enter}');
    const { nodes, edges } = store.getState().doc;
    expect(nodes.slice(-2).map((n) => n.name)).toEqual(['activation_1', 'dense_1']);
    expect(edges.slice(-2).map((e) => `${e.source}->${e.target}`)).toEqual(['n4->n5', 'n5->n6']);
    // Two recorded edits: two undo steps.
    expect(store.getState().history.past).toHaveLength(2);
  });
});
