/**
 * Browser mode, end to end: saving through the in-app path field, reopening the file, a
 * malformed project refused with the core's exact message while the open network stays, and
 * importing a Keras model JSON.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src-shared/graph/project-file.js';
import { browserSkipReason } from './support/browser-mode.js';
import {
  canvas,
  chooseFile,
  dialog,
  eventually,
  graphSnapshot,
  layerLabels,
  newBlankNetwork,
  notice,
  selectLayer,
  setField,
  showModel,
  statusBar,
  summaryStat,
  toolbarButton,
} from './support/editor-ui.js';
import { useEditorSession } from './support/editor-session.js';

const KERAS_FIXTURE = fileURLToPath(new URL('../fixtures/keras/mnist-convnet-keras2.json', import.meta.url));
const skip = browserSkipReason('editor-files');
const suffix = skip ? ` [skipped: ${skip}]` : '';

describe.skipIf(skip !== null)(`editor in browser mode: files${suffix}`, () => {
  const session = useEditorSession();

  it('saves to a typed path, reopens the same graph, and refuses malformed projects with the exact reason', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    const dirty = page.getByRole('img', { name: 'Unsaved changes' });
    const fileLabel = page.getByRole('banner').locator('.project-title__path');
    await selectLayer(page, 'hidden');
    await setField(page, 'Units', '64');
    await dirty.waitFor();

    const file = path.join(session.app.workDir, 'my-mlp.nwproj');
    await toolbarButton(page, 'Save').click(); // never saved: asks where, in the page
    await chooseFile(page, 'Save project as', 'Save', file);
    await eventually(async () => notice(page).textContent(), 'Saved my-mlp.nwproj');
    expect(await dirty.count()).toBe(0);
    expect(await fileLabel.textContent()).toBe('my-mlp.nwproj');
    const onDisk = parseProject(await readFile(file, 'utf8'));
    if (!onDisk.ok) throw new Error(onDisk.error);
    expect(onDisk.doc.nodes.map((n) => n.name)).toEqual(['digits', 'flatten', 'hidden', 'output']);
    expect(onDisk.doc.nodes.find((n) => n.name === 'hidden')?.params.units).toBe(64);
    const saved = await graphSnapshot(page);

    await newBlankNetwork(page);
    expect((await graphSnapshot(page)).nodes).toEqual([]);
    await toolbarButton(page, 'Open').click();
    await chooseFile(page, 'Open project', 'Open', file);
    await eventually(() => graphSnapshot(page), saved);
    expect(await fileLabel.textContent()).toBe('my-mlp.nwproj');
    expect(await dirty.count()).toBe(0);

    // Two broken files: bad JSON (line and column) and a node without a position (the JSON path).
    const text = await readFile(file, 'utf8');
    const noPosition = JSON.parse(text);
    delete noPosition.nodes[2].position;
    const broken = {
      'truncated.nwproj': text.slice(0, 300),
      'no-position.nwproj': JSON.stringify(noPosition, null, 2),
    };
    const banner = page.getByRole('alert').filter({ hasText: 'Could not open' });
    for (const [name, content] of Object.entries(broken)) {
      const expected = parseProject(content);
      if (expected.ok) throw new Error(`${name} should not parse`);
      await writeFile(path.join(session.app.workDir, name), content);
      await toolbarButton(page, 'Open').click();
      await chooseFile(page, 'Open project', 'Open', path.join(session.app.workDir, name));
      await banner.getByText(`Could not open ${name}`).waitFor();
      expect(await banner.locator('.banner__message').textContent()).toContain(expected.error);
      expect(await banner.textContent()).toContain('Your current network is unchanged.');
      expect(await graphSnapshot(page)).toEqual(saved);
      expect(await fileLabel.textContent()).toBe('my-mlp.nwproj');
      await banner.getByRole('button', { name: 'Dismiss message' }).click();
      await banner.waitFor({ state: 'detached' });
    }
  });

  it('keeps a path typed into Save As while a slow folder listing arrives (a remote box)', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    await page.route('**/api/call/files:list', async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await toolbarButton(page, 'Save').click();
    const d = dialog(page, 'Save project as');
    const typed = path.join(session.app.workDir, 'typed-early.nwproj');
    await d.getByLabel('File path').fill(typed); // before the listing is in
    await d.getByRole('list', { name: /^Files in (?!folder$)/ }).waitFor();
    expect(await d.getByLabel('File path').inputValue()).toBe(typed);
    await d.getByRole('button', { name: 'Save', exact: true }).click();
    await eventually(async () => notice(page).textContent(), 'Saved typed-early.nwproj');
  });

  it('imports a Keras model JSON and shows its layers and 34,826 params', async () => {
    const editor = await session.openEditor();
    const { page } = editor;
    const file = path.join(session.app.workDir, 'mnist-convnet-keras2.json');
    await copyFile(KERAS_FIXTURE, file);

    await toolbarButton(page, 'Import Keras/TF.js Model').click();
    await chooseFile(page, 'Import Keras / TF.js model', 'Import', file);
    await eventually(
      async () => (await layerLabels(page)).map((l) => l.split(',')[0]),
      [
        'Input layer input_1',
        'Conv 2D layer conv2d',
        'Max Pool 2D layer max_pooling2d',
        'Conv 2D layer conv2d_1',
        'Max Pool 2D layer max_pooling2d_1',
        'Flatten layer flatten',
        'Dropout layer dropout',
        'Dense layer dense',
      ],
    );
    expect(await layerLabels(page)).toContain('Conv 2D layer conv2d_1, output 11×11×64, 18,496 parameters');
    expect(await notice(page).textContent()).toMatch(/^Imported mnist-convnet-keras2\.json/);
    expect(await statusBar(page).textContent()).toContain('34,826 params');
    await showModel(page);
    expect(await summaryStat(page, 'Total params')).toBe('34,826');
    // Imported, not saved: the title says so and the work is marked unsaved.
    expect(await page.getByRole('img', { name: 'Unsaved changes' }).isVisible()).toBe(true);
    expect(await canvas(page).locator('.react-flow__edge').count()).toBe(7);
  });
});
