// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, within } from '@testing-library/react';
import { formatBytes, formatCount, formatKerasShape, summarizeModel } from '../../../src-shared/graph/summary.js';
import { validateDocument } from '../../../src-shared/graph/validate.js';
import { renderApp, template } from './render-app.js';

afterEach(cleanup);

describe('SummaryPanel', () => {
  it('shows the same numbers as summarizeModel (netwright summary)', async () => {
    const doc = template('lenet-mnist');
    await renderApp({ doc });
    const expected = summarizeModel(doc, validateDocument(doc).analysis);
    const panel = within(screen.getByRole('region', { name: 'Model summary' }));
    const rows = panel.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(expected.rows.length);
    expected.rows.forEach((r, i) => {
      const cells = within(rows[i]!);
      expect(cells.getByRole('rowheader').textContent).toBe(`${r.name}${r.type}`);
      const [shape, params] = cells.getAllByRole('cell').map((c) => c.textContent);
      expect(shape).toBe(formatKerasShape(r.outputShape));
      expect(params).toBe(formatCount(r.params));
    });
    const stat = (label: string) => panel.getByText(label).nextElementSibling!.textContent;
    expect(stat('Total params')).toBe(formatCount(expected.totalParams));
    expect(stat('Trainable')).toBe(formatCount(expected.trainableParams));
    expect(stat('Non-trainable')).toBe(formatCount(expected.nonTrainableParams));
    expect(stat('Activation memory / sample')).toBe(formatBytes(expected.activationBytes));
    expect(panel.getByText(formatCount(expected.macs))).toBeTruthy();
    expect(expected.totalParams).toBe(61706);
  });

  it('follows edits: totals change when a layer changes', async () => {
    const { store } = await renderApp();
    const s = store.getState();
    act(() => s.apply({ ...s.doc, nodes: s.doc.nodes.map((n) => (n.id === 'n3' ? { ...n, params: { ...n.params, units: 64 } } : n)) }));
    const panel = within(await screen.findByRole('region', { name: 'Model summary' }));
    expect(panel.getByText('Total params').nextElementSibling!.textContent).toBe(formatCount(784 * 64 + 64 + 64 * 10 + 10));
  });
});
