// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { renderApp, template } from './render-app.js';

afterEach(cleanup);

const inspector = () => within(screen.getByRole('complementary', { name: 'Inspector' }));

describe('Inspector', () => {
  it('edits a parameter and shows the formulas worked with the real numbers', async () => {
    const { user, store } = await renderApp({ doc: template('lenet-mnist') });
    await user.click(inspector().getByRole('button', { name: 'conv2' })); // a summary row selects its layer
    expect(store.getState().selection.nodes).toEqual(['n4']);
    expect(inspector().getByRole('heading', { name: /Conv 2D/ })).toBeTruthy();
    expect(inspector().getAllByText('floor((14 + 0 − 5)/1) + 1 = 10')).toHaveLength(2);
    expect(inspector().getByText('5·5·6·16 + 16 = 2,416')).toBeTruthy();

    const height = inspector().getByRole('spinbutton', { name: 'Kernel size height' });
    await user.clear(height);
    await user.type(height, '3{Enter}');
    expect(store.getState().doc.nodes[3]!.params.kernelSize).toEqual([3, 5]);
    expect(inspector().getByText('floor((14 + 0 − 3)/1) + 1 = 12')).toBeTruthy();
    expect(inspector().getByText('3·5·6·16 + 16 = 1,456')).toBeTruthy();
    expect(screen.getByRole('group', { name: /Conv 2D layer conv2, output 12×10×16, 1,456 parameters/ })).toBeTruthy();
  });

  it('refuses a value outside the spec, explains why, and keeps the document', async () => {
    const { user, store } = await renderApp({ doc: template('lenet-mnist') });
    store.getState().setSelection({ nodes: ['n2'], edges: [] });
    const filters = await inspector().findByRole('spinbutton', { name: 'Filters' });
    await user.clear(filters);
    await user.type(filters, '0{Enter}');
    expect(inspector().getByRole('alert').textContent).toMatch(/Filters must be an integer ≥ 1/);
    expect(filters.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().doc.nodes[1]!.params.filters).toBe(6);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('selects, checks and renames; every control has a name and help', async () => {
    const { user, store } = await renderApp();
    store.getState().setSelection({ nodes: ['n3'], edges: [] });
    const activation = await inspector().findByRole('combobox', { name: 'Activation' });
    await user.selectOptions(activation, 'tanh');
    await user.click(inspector().getByRole('checkbox', { name: 'Use bias' }));
    const node = () => store.getState().doc.nodes[2]!;
    expect(node().params).toMatchObject({ activation: 'tanh', useBias: false });
    expect(inspector().getAllByText('100,352').length).toBeGreaterThan(0); // 784·128, without the 128 biases
    const name = inspector().getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'output');
    expect(inspector().getByRole('alert').textContent).toMatch(/already named "output"/);
    await user.type(name, '_2{Enter}');
    expect(node().name).toBe('output_2');
    for (const input of inspector().getAllByRole('spinbutton')) expect(input.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('edits an Input shape as a comma-separated list', async () => {
    const { user, store } = await renderApp();
    store.getState().setSelection({ nodes: ['n1'], edges: [] });
    const shape = await inspector().findByRole('textbox', { name: 'Shape' });
    expect((shape as HTMLInputElement).value).toBe('28, 28, 1');
    await user.clear(shape);
    await user.type(shape, '32, 32, 3{Enter}');
    expect(store.getState().doc.nodes[0]!.params.shape).toEqual([32, 32, 3]);
    expect(screen.getByRole('group', { name: /Dense layer hidden, output 128, 393,344 parameters/ })).toBeTruthy();
  });
});
