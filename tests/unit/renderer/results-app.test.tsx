// @vitest-environment jsdom
/** Results and Export inside the whole window: the Results tab, the toolbar's Export, toolbar Undo. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp } from './render-app.js';
import { trainedDoc } from './render-results.js';

afterEach(cleanup);
// jsdom has no 2D canvas; the charts then simply are not drawn (and jsdom would log each attempt).
beforeEach(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});

const toolbarButton = (name: string) => within(screen.getByRole('banner')).getByRole('button', { name }) as HTMLButtonElement;

describe('Results in the app', () => {
  it('the toolbar Export is disabled until the project has a finished run', async () => {
    await renderApp();
    expect(toolbarButton('Export').disabled).toBe(true);
  });

  it('opens from the Results tab; the toolbar exports; deleting a run is undone by the toolbar', async () => {
    const { user, store } = await renderApp({ doc: trainedDoc() });
    await user.click(screen.getByRole('tab', { name: /Results/ }));
    expect(await screen.findByRole('heading', { name: /^Run 4/ })).toBeTruthy();
    expect(await screen.findByRole('table', { name: /Confusion matrix/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete Run 4' }));
    expect(within(screen.getByRole('list', { name: 'Runs' })).getAllByRole('listitem')).toHaveLength(3);
    await user.click(toolbarButton('Undo'));
    expect(within(screen.getByRole('list', { name: 'Runs' })).getAllByRole('listitem')).toHaveLength(4);
    expect(store.getState().doc.runs).toHaveLength(4);

    expect(toolbarButton('Export').disabled).toBe(false);
    await user.click(toolbarButton('Export'));
    expect(screen.getByRole('dialog', { name: 'Export model' })).toBeTruthy();
  });
});
