// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { renderApp } from './render-app.js';

afterEach(cleanup);

describe('App', () => {
  it('starts with the MLP template loaded and its nodes on the canvas', async () => {
    const { store, host } = await renderApp({ startup: true });
    expect(store.getState().doc.name).toBe('MLP classifier (MNIST)');
    expect(await screen.findByRole('group', { name: 'Dense layer hidden, output 128, 100,480 parameters' })).toBeTruthy();
    expect(screen.getByText('Demo mode')).toBeTruthy();
    expect(host.calls.map((c) => c.name)).toEqual(expect.arrayContaining(['templates:open', 'project:recovery', 'app:ready']));
    // Wires carry their tensor shapes.
    await waitFor(() => expect(screen.getByText('28×28×1', { selector: '.edge-label' })).toBeTruthy());
    expect(document.title).toBe('MLP classifier (MNIST) — Netwright');
  });

  it('gives every control an accessible name', async () => {
    const { store } = await renderApp();
    await screen.findByRole('group', { name: /Input layer digits/ }); // cards are measured and visible
    store.getState().setSelection({ nodes: ['n3'], edges: [] }); // the inspector's fields too
    await screen.findByRole('spinbutton', { name: 'Units' });
    const roles = [
      'button',
      'textbox',
      'searchbox',
      'combobox',
      'spinbutton',
      'checkbox',
      'group',
      'region',
      'complementary',
      'main',
    ] as const;
    expect(roles.reduce((n, role) => n + screen.queryAllByRole(role).length, 0)).toBeGreaterThan(60);
    for (const role of roles) expect(screen.queryAllByRole(role, { name: '' }).map((el) => el.outerHTML.slice(0, 100))).toEqual([]);
  });
});
