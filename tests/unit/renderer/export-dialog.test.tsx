// @vitest-environment jsdom
/** The Export dialog: choosing run, formats and folder; per-format parity results; the action. */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { getAction } from '../../../src-renderer/app/actions.js';
import { demoRuns } from '../../../src-renderer/host/demo-runs.js';
import { createEditorStore } from '../../../src-renderer/state/store.js';
import { renderResults, trainedDoc } from './render-results.js';

afterEach(cleanup);

describe('Export dialog', () => {
  it('exports the chosen run: each format passes or fails on its own, the failure shows its message', async () => {
    const { user, host, store } = renderResults();
    act(() => store.getState().setDialog({ kind: 'export' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Export model' }));
    // The newest finished run is preselected; the failed run is not offered.
    const run = dialog.getByRole('combobox', { name: 'Run' }) as HTMLSelectElement;
    expect(run.selectedOptions[0]?.textContent).toMatch(/^Run 4 — Completed/);
    expect([...run.options].map((o) => o.textContent)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Run 3/)]));
    for (const name of ['TensorFlow.js', 'ONNX', 'Keras', 'PyTorch'])
      expect((dialog.getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(true);
    // Default folder: beside the project, or (unsaved, as here) in the first folder the host allows.
    await waitFor(() =>
      expect((dialog.getByRole('textbox', { name: 'Output folder' }) as HTMLInputElement).value).toBe('/demo/exports/run-adam-cosine'),
    );
    // Browser and demo mode cannot open folders: no such button, before or after.
    expect(dialog.queryByRole('button', { name: 'Open output folder' })).toBeNull();

    await user.click(dialog.getByRole('button', { name: 'Export' }));
    const results = within(await dialog.findByRole('list', { name: 'Export results' }));
    expect(results.getAllByRole('listitem').map((li) => li.getAttribute('aria-label'))).toEqual([
      'TensorFlow.js: Passed',
      'ONNX: Passed',
      'Keras: Passed',
      'PyTorch: Failed',
    ]);
    const onnx = within(results.getByRole('listitem', { name: 'ONNX: Passed' }));
    expect(onnx.getByText(/top-1 agreement/).textContent).toBe('top-1 agreement 100.0%');
    expect(onnx.getByText(/^max \|Δ\|/).textContent).toMatch(/^max \|Δ\| \d\.\de-7$/);
    expect(onnx.getByText(/^demo parity check \(ONNX\): 64 samples, top-1 100\.0%/)).toBeTruthy();
    const pytorch = within(results.getByRole('listitem', { name: 'PyTorch: Failed' }));
    expect(pytorch.getByRole('alert').textContent).toMatch(/python3 with torch was not found/);
    expect(dialog.getByRole('status').textContent).toMatch(/^3 of 4 formats exported and checked in \/demo\/exports\/run-adam-cosine/);
    expect(host.calls.find((c) => c.name === 'export:run')?.request).toEqual({
      runDir: '/demo/runs/run-adam-cosine',
      formats: ['tfjs', 'onnx', 'keras', 'pytorch'],
      outDir: '/demo/exports/run-adam-cosine',
    });
    expect(dialog.queryByRole('button', { name: 'Open output folder' })).toBeNull();

    // Another run, only two formats, a folder of one's own.
    await user.selectOptions(run, within(run).getByRole('option', { name: /^Run 1 —/ }));
    await user.click(dialog.getByRole('checkbox', { name: 'Keras' }));
    await user.click(dialog.getByRole('checkbox', { name: 'PyTorch' }));
    const folder = dialog.getByRole('textbox', { name: 'Output folder' });
    await user.clear(folder);
    await user.type(folder, '/demo/out');
    await user.click(dialog.getByRole('button', { name: 'Export' }));
    await dialog.findByText(/^2 of 2 formats exported/);
    expect(host.calls.filter((c) => c.name === 'export:run').at(-1)?.request).toEqual({
      runDir: '/demo/runs/run-sgd-baseline',
      formats: ['tfjs', 'onnx'],
      outDir: '/demo/out',
    });
  });

  it('in Electron, the folder can be chosen with the system dialog and the output folder opened', async () => {
    const { user, host, store } = renderResults({ electron: true });
    act(() => store.getState().setDialog({ kind: 'export', runId: 'run-adam-baseline' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Export model' }));
    await user.click(dialog.getByRole('button', { name: 'Choose…' }));
    expect(host.calls.find((c) => c.name === 'dialog:open')?.request).toEqual({ kind: 'folder' });
    await waitFor(() => expect((dialog.getByRole('textbox', { name: 'Output folder' }) as HTMLInputElement).value).not.toBe(''));
    await user.click(dialog.getByRole('button', { name: 'Export' }));
    await user.click(await dialog.findByRole('button', { name: 'Open output folder' }));
    expect(host.calls.find((c) => c.name === 'shell:openPath')?.request).toEqual({ path: '/demo/exports/run-adam-baseline' });
    // The memory host cannot open folders: the failure is reported, the dialog stays.
    await waitFor(() => expect(store.getState().notice?.text).toMatch(/^Could not open \/demo\/exports\/run-adam-baseline/));
  });

  it("the run page's Export button preselects that run", async () => {
    const { user } = renderResults();
    await user.click(within(screen.getByRole('list', { name: 'Runs' })).getByRole('button', { name: /^Run 2,/ }));
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const run = within(screen.getByRole('dialog', { name: 'Export model' })).getByRole('combobox', { name: 'Run' }) as HTMLSelectElement;
    expect(run.selectedOptions[0]?.textContent).toMatch(/^Run 2 — Early-stopped/);
  });

  it('the Export action is enabled only when the project has a finished run', () => {
    const action = getAction('file.export');
    const failedOnly = demoRuns().filter((r) => r.status === 'failed');
    expect(action.enabled(createEditorStore({ doc: trainedDoc([]) }).getState())).toBe(false);
    expect(action.enabled(createEditorStore({ doc: trainedDoc(failedOnly) }).getState())).toBe(false);
    expect(action.enabled(createEditorStore({ doc: trainedDoc() }).getState())).toBe(true);
  });
});
