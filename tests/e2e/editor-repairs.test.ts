/**
 * Browser mode, end to end: wires that cannot work are refused with the reason shown while
 * dragging and in the status line, and one-click repairs fix what validation finds.
 */
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser-mode.js';
import {
  canvas,
  dragWire,
  dropLayer,
  eventually,
  inspector,
  layerLabels,
  layerNode,
  newBlankNetwork,
  notice,
  showModel,
  statusBar,
  toolbarButton,
  wire,
  wireLabels,
} from './support/editor-ui.js';
import { useEditorSession } from './support/editor-session.js';

const skip = browserSkipReason('editor-repairs');
const suffix = skip ? ` [skipped: ${skip}]` : '';

describe.skipIf(skip !== null)(`editor in browser mode: refused wires and repairs${suffix}`, () => {
  const session = useEditorSession();

  it('refuses a Conv2D after a vector and a wire that closes a loop, saying why', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    // The MLP template: digits → flatten → hidden → output.
    const before = await wireLabels(page);
    expect(before).toHaveLength(3);
    await dropLayer(page, 'Conv 2D', { x: 120, y: 140 });
    await layerNode(page, 'conv2d_1').waitFor();

    // While the wire hangs over the Conv2D's input, it says why it cannot go there.
    await dragWire(page, 'hidden', 'conv2d_1', { hold: true });
    const reason = canvas(page).locator('.connection-line').getByRole('alert');
    await reason.waitFor();
    const shapeReason = (await reason.textContent()) ?? '';
    expect(shapeReason).toBe('Conv2D "conv2d_1" needs a 3-D input H×W×C but gets [128]');
    await page.mouse.up();
    await eventually(async () => (await notice(page).textContent())?.trim(), shapeReason.trim());
    expect(await wireLabels(page)).toEqual(before);

    // output → flatten would feed the network back into itself.
    await dragWire(page, 'output', 'flatten', { hold: true });
    await reason.waitFor();
    const loopReason = (await reason.textContent()) ?? '';
    expect(loopReason).toContain('"output" → "flatten" would make a loop');
    await page.mouse.up();
    await eventually(async () => (await notice(page).textContent())?.trim(), loopReason.trim());
    expect(await wireLabels(page)).toEqual(before);
    expect(await reason.count()).toBe(0);
  });

  it('inserts the missing Flatten from the card badge and fixes the classifier output from the problems list', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    await newBlankNetwork(page);
    // Click-to-add appends below the selected layer and wires it: Input → Conv2D → Dense.
    for (const label of ['Input', 'Conv 2D', 'Dense']) await page.getByRole('button', { name: `Add ${label} layer`, exact: true }).click();
    await eventually(
      () => wireLabels(page),
      ['Connection from conv2d_1 to dense_1, carries 26×26×32', 'Connection from input_1 to conv2d_1, carries 28×28×1'],
    );

    const dense = layerNode(page, 'dense_1');
    const badge = dense.getByRole('button', { name: '2 problems in dense_1' });
    await badge.hover(); // the popover opens on hover, as for a mouse user
    const insertFlatten = dense.getByRole('button', { name: 'Insert Flatten before "dense_1"' });
    await insertFlatten.click();

    await eventually(
      () => wireLabels(page),
      [
        'Connection from conv2d_1 to flatten_1, carries 26×26×32',
        'Connection from flatten_1 to dense_1, carries 21632',
        'Connection from input_1 to conv2d_1, carries 28×28×1',
      ],
    );
    await eventually(
      async () => (await dense.getAttribute('aria-label')) ?? '',
      'Dense layer dense_1, output 128, 2,769,024 parameters, 2 problems',
    );
    expect(await notice(page).textContent()).toBe('Insert Flatten before "dense_1": done');

    // The repair is one undo step.
    const withFlatten = (await layerLabels(page)).join('\n');
    await toolbarButton(page, 'Undo').click();
    await eventually(
      async () => (await dense.getAttribute('aria-label')) ?? '',
      'Dense layer dense_1, output 26×26×128, 4,224 parameters, 2 problems',
    );
    expect(await layerNode(page, 'flatten_1').count()).toBe(0);
    await toolbarButton(page, 'Redo').click();
    await eventually(async () => (await layerLabels(page)).join('\n'), withFlatten);

    await showModel(page);
    const problems = inspector(page).getByRole('list', { name: 'Problems' });
    await problems.getByRole('button', { name: 'Set "dense_1" units to 10' }).click();
    // A repair selects the layer it touched; its own problems list offers the remaining fix.
    await problems.getByRole('button', { name: 'Use softmax on "dense_1"' }).click();
    await statusBar(page).getByRole('button', { name: 'Ready to train' }).waitFor();
    await showModel(page);
    await inspector(page).getByText('No problems: the model is ready to train.').waitFor();
    expect(await problems.count()).toBe(0);
    expect(await layerLabels(page)).toContain('Dense layer dense_1, output 10, 216,330 parameters');
    expect(await wire(page, 'flatten_1', 'dense_1').getAttribute('aria-label')).toBe('Connection from flatten_1 to dense_1, carries 21632');
  });
});
