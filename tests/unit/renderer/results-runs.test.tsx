// @vitest-environment jsdom
/** The run history: listing StoredRuns, comparing them, deleting a record (undoably), failures. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { demoRuns } from '../../../src-renderer/host/demo-runs.js';
import type { StoredRun } from '../../../src-shared/ipc/contract-training.js';
import { renderResults, trainedDoc } from './render-results.js';

afterEach(cleanup);

const runsList = () => within(screen.getByRole('list', { name: 'Runs' }));

describe('Results: run history', () => {
  it('lists every recorded run with status, settings, backend and headline metric', async () => {
    renderResults();
    const items = runsList().getAllByRole('listitem');
    expect(items).toHaveLength(4);
    // Newest first; numbered by start time.
    expect(
      items.map((li) =>
        within(li)
          .getByRole('button', { name: /^Run \d/ })
          .getAttribute('aria-label')
          ?.split(',')
          .slice(0, 2)
          .join(','),
      ),
    ).toEqual(['Run 4, Completed', 'Run 3, Failed', 'Run 2, Early-stopped', 'Run 1, Completed']);
    const run1 = items[3]!;
    expect(within(run1).getByText('SGD · lr 0.01 · batch 128 · 8 epochs')).toBeTruthy();
    expect(within(run1).getByText(/· wasm$/)).toBeTruthy();
    expect(within(run1).getByText('test acc.')).toBeTruthy();
    // The newest run is open.
    expect(await screen.findByRole('heading', { name: /^Run 4/ })).toBeTruthy();
  });

  it('compares ticked runs: a table with the differing settings and the best result marked', async () => {
    const { user } = renderResults();
    await user.click(runsList().getByRole('checkbox', { name: 'Compare Run 1' }));
    await user.click(runsList().getByRole('checkbox', { name: 'Compare Run 4' }));
    expect(screen.getByRole('heading', { name: 'Comparing 2 runs' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Validation loss per epoch for Run 1, Run 4' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Validation accuracy per epoch for Run 1, Run 4' })).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Run comparison' });
    const row = (label: string) => within(table).getByRole('row', { name: new RegExp(`^${label}`) });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Setting or result', 'Run 1', 'Run 4']);
    expect(row('Optimizer').dataset.differs).toBe('true');
    expect(
      within(row('Optimizer'))
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['SGD (momentum 0.9)', 'Adam']);
    expect(within(row('Optimizer')).getByText('differs')).toBeTruthy();
    expect(row('Seed').dataset.differs).toBeUndefined();
    // Run 4 has the higher test accuracy: marked best.
    const testAcc = within(row('Test accuracy')).getAllByRole('cell');
    expect(testAcc[1]!.textContent).toMatch(/\(best\)$/);
    expect(testAcc[0]!.textContent).not.toMatch(/best/);

    await user.click(screen.getByRole('checkbox', { name: 'Only differences' }));
    expect(within(table).queryByRole('row', { name: /^Seed/ })).toBeNull();
    expect(row('Batch size')).toBeTruthy();

    // Back to one run's details, then compare again.
    await user.click(screen.getByRole('button', { name: 'Run details' }));
    expect(screen.getByRole('heading', { name: /^Run 4/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Compare 2 runs' }));
    expect(screen.getByRole('table', { name: 'Run comparison' })).toBeTruthy();
  });

  it('deletes a run record as one undoable edit', async () => {
    const { user, store } = renderResults();
    await user.click(runsList().getByRole('button', { name: /^Run 2,/ }));
    await user.click(screen.getByRole('button', { name: 'Delete Run 2' }));
    expect(store.getState().doc.runs.map((r) => r.id)).not.toContain('run-adam-baseline');
    expect(runsList().getAllByRole('listitem')).toHaveLength(3);
    expect(store.getState().notice?.text).toMatch(/Deleted the record of Run 2/);

    act(() => store.getState().undo());
    expect(store.getState().doc.runs.map((r) => r.id)).toContain('run-adam-baseline');
    expect(runsList().getAllByRole('listitem')).toHaveLength(4);
    act(() => store.getState().redo());
    expect(runsList().getAllByRole('listitem')).toHaveLength(3);
  });

  it("'Train again' puts the run's settings back (one undo step) and starts a run with them", async () => {
    const { user, store, host } = renderResults({ host: { training: { autoplay: false } } });
    const before = store.getState().doc.training;
    await user.click(runsList().getByRole('button', { name: /^Run 1,/ }));
    await user.click(screen.getByRole('button', { name: 'Train again' }));
    expect(store.getState().doc.training).toMatchObject({ optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, batchSize: 128, epochs: 8 });
    expect(store.getState().workspace).toBe('train');
    await waitFor(() => expect(host.calls.some((c) => c.name === 'training:start')).toBe(true));
    const start = host.calls.find((c) => c.name === 'training:start')?.request as { settings: Record<string, unknown> };
    expect(start.settings).toMatchObject({ optimizer: 'sgd', learningRate: 0.01, momentum: 0.9, batchSize: 128, epochs: 8, seed: 42 });
    act(() => store.getState().undo());
    expect(store.getState().doc.training).toBe(before);
  });

  it('a failed run says what went wrong and what to do, instead of results', async () => {
    const { user, store } = renderResults();
    await user.click(runsList().getByRole('button', { name: /^Run 3,/ }));
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('Run 3 failed after 2 epochs')).toBeTruthy();
    expect(within(alert).getByText(/Loss became NaN at epoch 3/)).toBeTruthy();
    expect(within(alert).getByText(/Lower the learning rate/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Confusion matrix/ })).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Open the Train tab' }));
    expect(store.getState().workspace).toBe('train');
  });

  it('an evaluation error is shown with a retry; a regression run shows its errors instead of a matrix', async () => {
    const base = demoRuns()[3]!;
    const missing: StoredRun = { ...base, id: 'gone', runDir: '/demo/runs/missing-folder' };
    const regression: StoredRun = {
      ...base,
      id: 'reg',
      startedAt: '2025-03-01T08:00:00.000Z',
      runDir: '/demo/runs/regression-1',
      history: base.history.map((m) => ({ ...m, accuracy: null, valAccuracy: null, mae: m.loss, valMae: m.valLoss })),
      test: { loss: 0.2, accuracy: null, mae: 0.31 },
    };
    const { user, host } = renderResults({ doc: trainedDoc([missing, regression]) });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not evaluate this run')).toBeTruthy();
    expect(within(alert).getByText(/no saved model in \/demo\/runs\/missing-folder/)).toBeTruthy();
    const before = host.calls.filter((c) => c.name === 'results:get').length;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert');
    expect(host.calls.filter((c) => c.name === 'results:get').length).toBe(before + 1);

    await user.click(runsList().getByRole('button', { name: /^Run 1,/ }));
    expect(await screen.findByText('Mean absolute error')).toBeTruthy();
    expect(screen.getByText(/there is no confusion matrix/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Confusion matrix/ })).toBeNull();
    expect(screen.getByText('Test MAE')).toBeTruthy();
  });

  it('gives every control, table, list and chart an accessible name', async () => {
    const { user } = renderResults();
    await screen.findByRole('table', { name: /Confusion matrix/ });
    await screen.findAllByRole('listitem', { name: /^Sample / });
    const roles = ['button', 'checkbox', 'textbox', 'combobox', 'table', 'list', 'img', 'region', 'navigation', 'main'] as const;
    const unnamed = () =>
      roles.flatMap((role) => screen.queryAllByRole(role, { name: '' }).map((el) => `${role}: ${el.outerHTML.slice(0, 90)}`));
    expect(unnamed()).toEqual([]);
    await user.click(screen.getByRole('checkbox', { name: 'Compare Run 1' }));
    await user.click(screen.getByRole('checkbox', { name: 'Compare Run 2' }));
    expect(screen.getByRole('table', { name: 'Run comparison' })).toBeTruthy();
    expect(unnamed()).toEqual([]);
  });

  it('with no runs, says how to get some', () => {
    renderResults({ doc: trainedDoc([]) });
    expect(screen.getByRole('heading', { name: 'No runs yet' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Go to Train' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open a trained demo project' })).toBeTruthy();
  });
});
