// @vitest-environment jsdom
/** The Train tab's settings: each a recorded edit of doc.training, undoable, with its guidance. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp } from './render-app.js';

afterEach(cleanup);

async function openTrain() {
  const r = await renderApp({ host: { training: { autoplay: false } } });
  await r.user.click(screen.getByRole('tab', { name: /Train/ }));
  return { ...r, settings: screen.getByRole('complementary', { name: 'Training settings' }) };
}

describe('Training settings', () => {
  it('edits optimizer, momentum, learning rate and schedule in doc.training, each undoable', async () => {
    const { user, store, settings } = await openTrain();
    const t = () => store.getState().doc.training;
    expect(t().optimizer).toBe('adam');
    expect(within(settings).queryByRole('spinbutton', { name: 'Momentum' })).toBeNull();

    await user.selectOptions(within(settings).getByRole('combobox', { name: 'Optimizer' }), 'sgd');
    expect(t().optimizer).toBe('sgd');
    const momentum = within(settings).getByRole('spinbutton', { name: 'Momentum' });
    await user.clear(momentum);
    await user.type(momentum, '0.9{Enter}');
    expect(t().momentum).toBe(0.9);
    await user.click(within(settings).getByRole('checkbox', { name: 'Nesterov momentum' }));
    expect(t().nesterov).toBe(true);

    const lr = within(settings).getByRole('spinbutton', { name: 'Learning rate' });
    await user.clear(lr);
    await user.type(lr, '0.05{Enter}');
    expect(t().learningRate).toBe(0.05);

    await user.selectOptions(within(settings).getByRole('combobox', { name: 'Schedule' }), 'step');
    expect(t().schedule).toEqual({ kind: 'step', everyEpochs: 10, factor: 0.5 });
    const factor = within(settings).getByRole('spinbutton', { name: 'Factor' });
    await user.clear(factor);
    await user.type(factor, '0.1{Enter}');
    expect(t().schedule).toEqual({ kind: 'step', everyEpochs: 10, factor: 0.1 });

    store.getState().undo();
    expect(t().schedule).toEqual({ kind: 'step', everyEpochs: 10, factor: 0.5 });
    store.getState().undo();
    expect(t().schedule).toBeUndefined();
    store.getState().undo();
    expect(t().learningRate).not.toBe(0.05);
  });

  it('refuses out-of-range values with the reason and keeps the last good value', async () => {
    const { user, store, settings } = await openTrain();
    const batch = within(settings).getByRole('spinbutton', { name: 'Batch size' });
    await user.clear(batch);
    await user.type(batch, '0{Enter}');
    expect(within(settings).getByRole('alert').textContent).toBe('Batch size must be at least 1.');
    expect(store.getState().doc.training.batchSize).toBe(64);
    await user.clear(batch);
    await user.type(batch, '128{Enter}');
    expect(store.getState().doc.training.batchSize).toBe(128);
    expect(within(settings).queryByRole('alert')).toBeNull();
  });

  it('turns early stopping and weight decay on and off, leaving no stale keys', async () => {
    const { user, store, settings } = await openTrain();
    await user.click(within(settings).getByRole('checkbox', { name: 'Early stopping' }));
    expect(store.getState().doc.training.earlyStopping).toEqual({ patience: 5, restoreBest: true });
    const patience = within(settings).getByRole('spinbutton', { name: 'Patience (epochs)' });
    await user.clear(patience);
    await user.type(patience, '3{Enter}');
    expect(store.getState().doc.training.earlyStopping).toEqual({ patience: 3, restoreBest: true });
    const decay = within(settings).getByRole('spinbutton', { name: 'L2 weight decay' });
    await user.clear(decay);
    await user.type(decay, '0.0001{Enter}');
    expect(store.getState().doc.training.weightDecay).toBe(0.0001);
    await user.click(within(settings).getByRole('checkbox', { name: 'Early stopping' }));
    expect('earlyStopping' in store.getState().doc.training).toBe(false);
    // The guidance is there, with more behind "Why?".
    expect(settings.textContent).toContain('Adds λ·Σw² to the loss');
    await user.click(within(settings).getAllByRole('button', { name: 'Why?' })[0]!);
    expect(within(settings).getByRole('button', { name: 'Less' })).toBeTruthy();
  });

  it('edits the validation and test fractions (also shown on the Data tab)', async () => {
    const { user, store, settings } = await openTrain();
    const val = within(settings).getByRole('spinbutton', { name: 'Validation fraction' });
    await user.clear(val);
    await user.type(val, '0.2{Enter}');
    const test = within(settings).getByRole('spinbutton', { name: 'Test fraction' });
    await user.clear(test);
    await user.type(test, '0.05{Enter}');
    expect(store.getState().doc.training).toMatchObject({ validationSplit: 0.2, testSplit: 0.05 });
    expect(within(settings).getByRole('img', { name: 'Split: 75% train, 20% validation, 5% test' })).toBeTruthy();
  });
});
