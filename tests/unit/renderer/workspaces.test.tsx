// @vitest-environment jsdom
/** The workspace rail: tabs by role, keyboard switching, and a run that keeps going behind another tab. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderApp } from './render-app.js';

afterEach(cleanup);

const selected = () => screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;

describe('Workspace rail', () => {
  it('switches by click, Alt+digit and arrow keys; the editor stays mounted while hidden', async () => {
    const { user, store } = await renderApp();
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Design', 'Data', 'Train', 'Results']);
    expect(selected()).toBe('Design');
    await user.click(screen.getByRole('tab', { name: /Train/ }));
    expect(store.getState().workspace).toBe('train');
    expect(screen.getByRole('main', { name: 'Training dashboard' })).toBeTruthy();
    // The canvas is hidden, not unmounted.
    expect(document.querySelector('.react-flow')).not.toBeNull();
    fireEvent.keyDown(window, { key: '2', code: 'Digit2', altKey: true });
    expect(selected()).toBe('Data');
    fireEvent.keyDown(screen.getByRole('tab', { name: /Data/ }), { key: 'ArrowUp' });
    expect(selected()).toBe('Design');
    // Alt, because Ctrl/⌘+1 and +2 toggle the editor's panels.
    expect(screen.getByRole('tab', { name: /Design/ }).getAttribute('title')).toContain('Alt+1');
  });

  it('keeps a run going while another tab shows, with a pulse on the Train tab', async () => {
    const r = await renderApp({ host: { training: { autoplay: false } } });
    await r.user.click(screen.getByRole('tab', { name: /Train/ }));
    await r.user.click(await screen.findByRole('button', { name: 'Start training' }));
    await waitFor(() => expect(r.training.getState().run?.id).toBeTruthy());
    const runId = r.training.getState().run!.id!;
    await r.user.click(screen.getByRole('tab', { name: /Design/ }));
    expect(screen.getByRole('img', { name: 'Training in progress' })).toBeTruthy();
    const metrics = { epoch: 1, loss: 0.42, valLoss: 0.45, accuracy: 0.9, valAccuracy: 0.88, mae: null, valMae: null, learningRate: 0.003 };
    act(() => r.host.emit('training:event', { type: 'epoch', runId, epochs: 3, metrics, samplesPerSecond: 1, elapsedSeconds: 1, etaSeconds: 2, numTensors: 1, memoryBytes: 1, isBest: true }));
    await waitFor(() => expect(r.training.getState().run!.history).toHaveLength(1));
    await r.user.click(screen.getByRole('tab', { name: /Train/ }));
    expect((await screen.findByLabelText('Run metrics')).textContent).toContain('val 0.4500');
  });
});
