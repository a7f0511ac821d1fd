// @vitest-environment jsdom
/** A run's evaluation: confusion matrix and its drill-down, per-class metrics, mistakes, Try it. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { digitImage } from '../../../src-renderer/host/demo-digits.js';
import { demoConfusion } from '../../../src-renderer/host/memory-results.js';
import type { ClassMetrics } from '../../../src-shared/ipc/contract-training.js';
import { renderResults } from './render-results.js';

afterEach(cleanup);

/** The newest demo run, open by default. */
const RUN_DIR = '/demo/runs/run-adam-cosine';

const percent = (label: string | null) => Number(/([\d.]+)%$/.exec(label ?? '')?.[1]);

describe('Results: evaluation of a run', () => {
  it('renders the confusion matrix counts with row and column headers', async () => {
    renderResults();
    const matrix = await screen.findByRole('table', { name: /Confusion matrix/ });
    const confusion = demoConfusion(RUN_DIR);
    expect(
      within(matrix)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(within(matrix).getAllByRole('rowheader')).toHaveLength(10);
    const cells = within(matrix).getAllByRole('button');
    expect(cells).toHaveLength(100);
    const n = confusion[4]![9]!;
    const cell = within(matrix).getByRole('button', { name: `actual 4, predicted 9: ${n} ${n === 1 ? 'sample' : 'samples'}` });
    expect(cell.textContent).toBe(String(n));
    const diagonal = confusion[1]![1]!;
    expect(within(matrix).getByRole('button', { name: `actual 1, predicted 1: ${diagonal.toLocaleString()} samples` }).textContent).toBe(
      diagonal.toLocaleString(),
    );
  });

  it("a cell click lists that cell's samples with label, prediction and confidence", async () => {
    const { user, host } = renderResults();
    const matrix = await screen.findByRole('table', { name: /Confusion matrix/ });
    const n = demoConfusion(RUN_DIR)[4]![9]!;
    await user.click(within(matrix).getByRole('button', { name: new RegExp(`^actual 4, predicted 9:`) }));
    expect(
      within(matrix)
        .getByRole('button', { name: /^actual 4, predicted 9:/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    const region = await screen.findByRole('region', { name: 'Samples: Actual 4, predicted 9' });
    const samples = await within(region).findAllByRole('listitem');
    expect(samples).toHaveLength(Math.min(n, 48));
    for (const s of samples) expect(s.getAttribute('aria-label')).toMatch(/^Sample \d+: actual 4, predicted 9, \d+\.\d% confident$/);
    // Most confident first.
    const confidences = samples.map((s) => percent(s.getAttribute('aria-label')?.replace(' confident', '') ?? null));
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(host.calls.filter((c) => c.name === 'results:cell').at(-1)?.request).toMatchObject({ runDir: RUN_DIR, actual: 4, predicted: 9 });

    // Arrow keys move between cells; Enter opens the one focused.
    within(matrix)
      .getByRole('button', { name: /^actual 4, predicted 9:/ })
      .focus();
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(await screen.findByRole('region', { name: 'Samples: Actual 4, predicted 8' })).toBeTruthy();
  });

  it('shows per-class precision, recall and F1 with the macro average', async () => {
    const { host } = renderResults();
    const table = await screen.findByRole('table', { name: 'Per-class precision, recall and F1' });
    const results = await host.call('results:get', { runDir: RUN_DIR });
    if (!results.ok) throw new Error(results.error.message);
    const perClass = results.value.perClass;
    const four = perClass[4]!;
    const row = within(table).getByRole('row', { name: /^4 / });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([four.precision.toFixed(3), four.recall.toFixed(3), four.f1.toFixed(3), four.support.toLocaleString()]);
    const macro = within(table).getByRole('row', { name: /^Macro average/ });
    const mean = (f: (c: ClassMetrics) => number) => perClass.reduce((s, c) => s + f(c), 0) / 10;
    expect(
      within(macro)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      mean((c) => c.precision).toFixed(3),
      mean((c) => c.recall).toFixed(3),
      mean((c) => c.f1).toFixed(3),
      (10000).toLocaleString(),
    ]);
    // The gallery of confident mistakes: every one wrong.
    const mistakes = within(screen.getByRole('list', { name: 'Most confident mistakes' })).getAllByRole('listitem');
    expect(mistakes.length).toBeGreaterThan(0);
    for (const m of mistakes) expect(m.getAttribute('aria-label')).not.toMatch(/actual (\d), predicted \1,/);
  });

  it('Try it: a chosen image gets its top-5 probabilities, sorted, with the input as the model saw it', async () => {
    const { user, host } = renderResults();
    await screen.findByRole('table', { name: /Confusion matrix/ });
    const svg = decodeURIComponent(digitImage(7, 99).slice('data:image/svg+xml,'.length));
    await user.upload(screen.getByLabelText('Image file'), new File([svg], 'seven.svg', { type: 'image/svg+xml' }));
    const bars = await screen.findByRole('list', { name: 'Top predictions' });
    const items = within(bars).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    const values = items.map((li) => percent(li.getAttribute('aria-label')));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    // The demo recognises its own drawn digits.
    expect(items[0]!.getAttribute('aria-label')).toMatch(/^7: /);
    expect(screen.getByText('Looks like', { exact: false }).textContent).toBe('Looks like 7');
    expect(screen.getByRole('img', { name: 'seven.svg as the model sees it' })).toBeTruthy();
    expect(host.calls.find((c) => c.name === 'predict:image')?.request).toMatchObject({ runDir: RUN_DIR, top: 5 });

    // Something that is not an image is refused with a reason, before any call.
    const calls = host.calls.length;
    // (user.upload honours accept="image/*"; a drop or an OS picker set to "all files" does not.)
    const input = screen.getByLabelText('Image file');
    Object.defineProperty(input, 'files', { configurable: true, value: [new File(['a,b'], 'data.csv', { type: 'text/csv' })] });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/data\.csv is not an image/));
    expect(host.calls.length).toBe(calls);
  });
});
