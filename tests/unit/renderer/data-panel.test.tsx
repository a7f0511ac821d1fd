// @vitest-environment jsdom
/** The Data tab over the memory host with a chosen (fake) inspection: counts, samples, reports, and data meeting graph. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { DatasetInspection } from '../../../src-shared/ipc/contract-training.js';
import { renderApp, template } from './render-app.js';

afterEach(cleanup);

const png = (n: number) => `data:image/png;base64,iVBORw0KGgo${n}`;

const PETS: DatasetInspection = {
  kind: 'folder',
  task: 'classification',
  classNames: ['bird', 'cat', 'dog'],
  counts: { train: [40, 800, 760], validation: [5, 100, 95], test: [5, 100, 95] },
  sampleShape: [28, 28, 1],
  sourceSizes: [{ width: 32, height: 32, channels: 3, count: 2000 }],
  thumbnails: ['bird', 'cat', 'dog'].map((c) => ({ className: c, images: [png(1), png(2), png(3)] })),
  skipped: [
    { path: '/data/pets/cat/broken.jpg', reason: 'could not be decoded: the file is truncated' },
    { path: '/data/pets/notes.txt', reason: 'not an image (.txt)' },
  ],
  health: [{ kind: 'tiny-class', message: 'Class "bird" has only 50 images.', action: 'Accuracy on "bird" is shown per class so you can judge it.' }],
};

async function openData() {
  const doc = template('mlp-mnist');
  doc.dataset = { kind: 'folder', path: '/data/pets' };
  const r = await renderApp({ doc, host: { training: { autoplay: false, inspect: () => ({ ok: true, value: structuredClone(PETS) }) } } });
  await r.user.click(screen.getByRole('tab', { name: /Data/ }));
  await screen.findByRole('table', { name: 'Samples per class' });
  return r;
}

const inputShape = (r: Awaited<ReturnType<typeof openData>>) => r.store.getState().doc.nodes.find((n) => n.type === 'Input')!.params.shape;

describe('Data tab', () => {
  it('shows counts per class and split, sample images, skipped files and health warnings', async () => {
    const { host } = await openData();
    expect(host.calls.find((c) => c.name === 'dataset:inspect')?.request).toMatchObject({ source: { kind: 'folder', path: '/data/pets' }, sampleShape: [28, 28, 1] });
    const counts = screen.getByRole('table', { name: 'Samples per class' });
    const cat = within(counts).getByRole('row', { name: /^cat/ });
    expect(within(cat).getAllByRole('cell').map((c) => c.textContent)).toEqual(['800', '100', '100', '1,000']);
    expect(within(counts).getByRole('row', { name: /^All/ }).textContent).toContain('2,000');

    const samples = screen.getByRole('list', { name: 'Sample images per class' });
    expect(within(samples).getAllByRole('img', { name: /^dog sample/ })).toHaveLength(3);

    const skipped = screen.getByRole('table', { name: 'Skipped files' });
    expect(within(skipped).getByRole('row', { name: /broken\.jpg/ }).textContent).toContain('the file is truncated');
    expect(within(skipped).getAllByRole('row')).toHaveLength(3);

    const health = screen.getByRole('list', { name: 'Dataset health warnings' });
    expect(health.textContent).toContain('Class "bird" has only 50 images.');
    expect(health.textContent).toContain('What the app will do: Accuracy on "bird" is shown per class');
  });

  it('"Use dataset shape" sets the Input shape in one undoable edit', async () => {
    const r = await openData();
    expect(inputShape(r)).toEqual([28, 28, 1]);
    expect(screen.getByText(/The data is 32×32×3 per sample but "digits" takes 28×28×1/)).toBeTruthy();
    await r.user.click(screen.getByRole('button', { name: 'Use dataset shape' }));
    expect(inputShape(r)).toEqual([32, 32, 3]);
    expect(await screen.findByText(/"digits" takes 32×32×3, the shape of the data/)).toBeTruthy();
    await r.user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Undo' }));
    expect(inputShape(r)).toEqual([28, 28, 1]);
  });

  it('shows the output-width mismatch on the output node, with its one-click repair', async () => {
    const r = await openData();
    const fit = screen.getByRole('region', { name: 'Model fit' });
    expect(within(fit).getByText(/Dense "output" outputs 10 values but the dataset has 3 classes/)).toBeTruthy();
    await r.user.click(screen.getByRole('tab', { name: /Design/ }));
    // The same finding is on the canvas node, since the canvas validates against the inspected dataset.
    expect(await screen.findByRole('button', { name: '1 problem in output' })).toBeTruthy();
    await r.user.click(screen.getByRole('tab', { name: /Data/ }));
    await r.user.click(await screen.findByRole('button', { name: 'Set "output" units to 3' }));
    const output = r.store.getState().doc.nodes.find((n) => n.name === 'output')!;
    expect(output.params.units).toBe(3);
    expect(await screen.findByText(/The model outputs 3 scores: the data needs 3 class scores/)).toBeTruthy();
  });

  it('chooses an image folder from the demo file system and reports a path that does not exist', async () => {
    const r = await renderApp({ host: { training: { autoplay: false } } });
    await r.user.click(screen.getByRole('tab', { name: /Data/ }));
    await r.user.click(screen.getByRole('radio', { name: /Image folder/ }));
    const field = screen.getByRole('textbox', { name: 'Image folder' });
    await r.user.type(field, '/demo/nowhere');
    await r.user.click(screen.getByRole('button', { name: 'Use' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/has no sub-folders/);
    expect(r.store.getState().doc.dataset).toEqual({ kind: 'mnist' });
    await r.user.click(screen.getByRole('button', { name: 'Browse…' }));
    await r.user.click(await screen.findByRole('button', { name: 'Folder datasets' }));
    await r.user.click(await screen.findByRole('button', { name: 'Folder shapes' }));
    await r.user.click(await screen.findByRole('button', { name: 'Use this folder' }));
    await waitFor(() => expect(r.store.getState().doc.dataset).toEqual({ kind: 'folder', path: '/demo/datasets/shapes' }));
    expect(await screen.findByRole('row', { name: /^star/ })).toBeTruthy();
  });
});
