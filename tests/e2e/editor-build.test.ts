/**
 * Browser mode, end to end: building the course's MLP by hand (palette drag-and-drop, wires
 * dragged between handles, parameters typed into the inspector) and undoing / redoing edits
 * from the keyboard and the toolbar.
 */
import { describe, expect, it } from 'vitest';
import { browserSkipReason } from './support/browser-mode.js';
import {
  canvas,
  chooseOption,
  dragNode,
  dragWire,
  dropLayer,
  eventually,
  graphSnapshot,
  inspector,
  layerLabels,
  layerNode,
  newBlankNetwork,
  selectLayer,
  setField,
  showModel,
  statusBar,
  summaryStat,
  toolbarButton,
  wire,
  wireLabels,
} from './support/editor-ui.js';
import { useEditorSession } from './support/editor-session.js';

const skip = browserSkipReason('editor-build');
const suffix = skip ? ` [skipped: ${skip}]` : '';

describe.skipIf(skip !== null)(`editor in browser mode: building and undo${suffix}`, () => {
  const session = useEditorSession();

  it('builds Input → Flatten → Dense → Dense by drag-and-drop, wires it with the mouse and shows shapes and 101,770 params', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    await newBlankNetwork(page);

    const drops = { Input: { x: 300, y: 80 }, Flatten: { x: 300, y: 230 }, Dense: { x: 300, y: 380 } };
    await dropLayer(page, 'Input', drops.Input);
    await dropLayer(page, 'Flatten', drops.Flatten);
    await dropLayer(page, 'Dense', drops.Dense);
    await dropLayer(page, 'Dense', { x: 300, y: 530 });
    expect(await layerLabels(page)).toEqual([
      'Input layer input_1, output 28×28×1, 0 parameters, 1 warning',
      'Flatten layer flatten_1, output unknown, unknown parameters, 2 problems',
      'Dense layer dense_1, output unknown, unknown parameters, 2 problems',
      'Dense layer dense_2, output unknown, unknown parameters, 2 problems',
    ]);
    // Each card lands under the pointer that dropped it (the first one too: no late "fit" moves the view).
    const box = await canvas(page).boundingBox();
    for (const [name, at] of [
      ['input_1', drops.Input],
      ['flatten_1', drops.Flatten],
      ['dense_1', drops.Dense],
    ] as const) {
      const card = (await layerNode(page, name).boundingBox())!;
      const x = box!.x + at.x;
      const y = box!.y + at.y;
      expect(x > card.x && x < card.x + card.width && y > card.y && y < card.y + card.height, `${name} under its drop point`).toBe(true);
    }

    await dragWire(page, 'input_1', 'flatten_1');
    await dragWire(page, 'flatten_1', 'dense_1');
    await dragWire(page, 'dense_1', 'dense_2');
    await eventually(
      () => wireLabels(page),
      [
        'Connection from dense_1 to dense_2, carries 128',
        'Connection from flatten_1 to dense_1, carries 784',
        'Connection from input_1 to flatten_1, carries 28×28×1',
      ],
    );

    await selectLayer(page, 'input_1');
    await chooseOption(page, 'Data kind', 'image');
    await setField(page, 'Shape', '28, 28, 1');
    await selectLayer(page, 'dense_1');
    await setField(page, 'Units', '128');
    await chooseOption(page, 'Activation', 'relu');
    await selectLayer(page, 'dense_2');
    await setField(page, 'Units', '10');
    await chooseOption(page, 'Activation', 'softmax');

    await eventually(
      () => layerLabels(page),
      [
        'Input layer input_1, output 28×28×1, 0 parameters',
        'Flatten layer flatten_1, output 784, 0 parameters',
        'Dense layer dense_1, output 128, 100,480 parameters',
        'Dense layer dense_2, output 10, 1,290 parameters',
      ],
    );
    // The shapes are printed on the cards and beside the wires, not only in labels.
    expect(await layerNode(page, 'flatten_1').locator('.layer-node__shape').textContent()).toBe('784');
    expect(await layerNode(page, 'dense_2').locator('.layer-node__shape').textContent()).toBe('10');
    expect(await layerNode(page, 'dense_2').getByText('10 · softmax').isVisible()).toBe(true);
    for (const shape of ['28×28×1', '784', '128']) {
      expect(await canvas(page).locator('.edge-label').getByText(shape, { exact: true }).isVisible(), `wire label ${shape}`).toBe(true);
    }
    expect(await wire(page, 'flatten_1', 'dense_1').count()).toBe(1);

    await showModel(page);
    expect(await summaryStat(page, 'Total params')).toBe('101,770');
    expect(await summaryStat(page, 'Trainable')).toBe('101,770');
    expect(await inspector(page).getByRole('status').textContent()).toContain('No problems: the model is ready to train.');
    expect(await statusBar(page).textContent()).toContain('4 layers · 101,770 params');
  });

  it('gives a merge a new input slot as wires arrive, and the wires follow the moved handles', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    await dropLayer(page, 'Add', { x: 150, y: 250 });
    const add = layerNode(page, 'add_1');
    await add.waitFor();
    await dragWire(page, 'hidden', 'add_1', { slot: 1 });
    await dragWire(page, 'hidden', 'add_1', { slot: 2 });
    await add.getByLabel('Input 3 of add_1', { exact: true }).waitFor(); // one free slot beyond the used ones
    // Both inputs carry 128: the sum is 128 too (its dangling output is a separate finding).
    await eventually(async () => (await add.getAttribute('aria-label'))?.startsWith('Add layer add_1, output 128,'), true);

    // Where each wire ends (screen x) must be where its handle now is: the card was re-measured.
    const handleXs = await add
      .locator('.layer-handle--target')
      .evaluateAll((els) => els.slice(0, 2).map((e) => Math.round(e.getBoundingClientRect().x + e.getBoundingClientRect().width / 2)));
    const wireEnds = await canvas(page)
      .locator('.react-flow__edge')
      .evaluateAll((els) =>
        els
          .filter((e) => e.getAttribute('aria-label')?.includes(' to add_1'))
          .map((e) => {
            const path = e.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
            const end = path.getPointAtLength(path.getTotalLength());
            const m = path.getScreenCTM()!;
            return Math.round(end.x * m.a + m.e);
          })
          .sort((a, b) => a - b),
      );
    expect(wireEnds).toHaveLength(2);
    wireEnds.forEach((x, i) => expect(Math.abs(x - handleXs[i]!), `wire ${i + 1} meets its handle`).toBeLessThanOrEqual(2));
  });

  it('undoes and redoes edits exactly, from the keyboard and the toolbar; a node drag is one step', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    // Focus on the empty canvas, as after a click there: text fields keep Ctrl+Z for themselves.
    const clickCanvas = () => canvas(page).click({ position: { x: 15, y: 420 } });
    const undoButton = toolbarButton(page, 'Undo');
    const redoButton = toolbarButton(page, 'Redo');
    const dirty = page.getByRole('img', { name: 'Unsaved changes' });

    const states = [await graphSnapshot(page)]; // the MLP template the app opens with
    expect(await undoButton.isDisabled()).toBe(true);

    await selectLayer(page, 'hidden');
    await setField(page, 'Units', '64');
    await eventually(async () => (await layerLabels(page)).some((l) => l.startsWith('Dense layer hidden, output 64')), true);
    states.push(await graphSnapshot(page));

    await dragNode(page, 'output', 160, 40); // a dozen mouse moves: one undo step
    states.push(await graphSnapshot(page));
    expect(states[2]!.nodes).not.toEqual(states[1]!.nodes);

    await dropLayer(page, 'Dropout', { x: 120, y: 120 });
    await layerNode(page, 'dropout_1').waitFor();
    states.push(await graphSnapshot(page));

    await dragWire(page, 'hidden', 'dropout_1');
    await wire(page, 'hidden', 'dropout_1').waitFor({ state: 'attached' });
    states.push(await graphSnapshot(page));
    expect(await dirty.isVisible()).toBe(true);

    // Back to the start, alternating Ctrl+Z and the toolbar button.
    for (let i = states.length - 2; i >= 0; i--) {
      if (i % 2 === 1) {
        await clickCanvas();
        await page.keyboard.press('Control+z');
      } else {
        await undoButton.click();
      }
      await eventually(() => graphSnapshot(page), states[i], `after undo to state ${i}`);
    }
    expect(await undoButton.isDisabled()).toBe(true);
    expect(await dirty.count(), 'undoing to the opened state clears the unsaved dot').toBe(0);

    // And forward again: Ctrl+Shift+Z, the toolbar, Ctrl+Y.
    const redoWays = [() => page.keyboard.press('Control+Shift+z'), () => redoButton.click(), () => page.keyboard.press('Control+y')];
    for (let i = 1; i < states.length; i++) {
      await clickCanvas();
      await redoWays[(i - 1) % redoWays.length]!();
      await eventually(() => graphSnapshot(page), states[i], `after redo to state ${i}`);
    }
    expect(await redoButton.isDisabled()).toBe(true);
  });
});
