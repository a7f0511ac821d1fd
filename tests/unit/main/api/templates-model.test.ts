import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, makeApiFixture, readTemplate, valueOf } from './api-fixture.js';

const fixture = (name: string) => readFile(new URL(`../../../fixtures/keras/${name}`, import.meta.url), 'utf8');

describe('templates', () => {
  it('lists the bundled templates with names and layer counts', async () => {
    const f = await makeApiFixture();
    const list = valueOf(await f.call('templates:list', {}));
    expect(list.map((t) => t.id)).toEqual(['conv1x1-mnist', 'lenet-mnist', 'lstm-mnist', 'mlp-mnist', 'regression-mlp']);
    expect(list.find((t) => t.id === 'mlp-mnist')).toEqual({ id: 'mlp-mnist', name: 'MLP classifier (MNIST)', layers: 4 });
  });

  it('opens a template as an untitled project', async () => {
    const f = await makeApiFixture();
    const opened = valueOf(await f.call('templates:open', { id: 'lenet-mnist' }));
    expect(opened.path).toBeNull();
    expect(opened.doc.name).toBe((await readTemplate('lenet-mnist')).name);
    expect(errorOf(await f.call('templates:open', { id: 'no-such-template' })).code).toBe('NOT_FOUND');
  });
});

describe('model:import', () => {
  it('imports a Keras model by path and a TF.js model by content', async () => {
    const f = await makeApiFixture();
    const file = path.join(f.root, 'convnet.json');
    await writeFile(file, await fixture('mnist-convnet-keras3.json'));
    const byPath = valueOf(await f.call('model:import', { path: file }));
    expect(byPath.doc.nodes.length).toBeGreaterThan(3);
    expect(byPath.doc.importedFrom?.format).toBe('keras');
    const byText = valueOf(await f.call('model:import', { text: await fixture('tfjs-converter-mlp.json'), fileName: 'model.json' }));
    expect(byText.doc.importedFrom?.format).toBe('tfjs');
  });

  it('reports INVALID_MODEL with the importer’s message', async () => {
    const f = await makeApiFixture();
    const notJson = errorOf(await f.call('model:import', { text: '{"class_name":', fileName: 'm.json' }));
    expect(notJson.code).toBe('INVALID_MODEL');
    expect(notJson.message).toMatch(/^m\.json: not valid JSON/);
    const unknown = errorOf(await f.call('model:import', { text: JSON.stringify({ hello: 'world' }), fileName: 'm.json' }));
    expect(unknown.code).toBe('INVALID_MODEL');
    expect(unknown.message).toMatch(/^m\.json: \S/);
    const project = errorOf(await f.call('model:import', { text: JSON.stringify(await readTemplate('mlp-mnist')), fileName: 'p.nwproj' }));
    expect(project.message).toMatch(/is a Netwright project/);
  });

  it('reads model files only inside the roots', async () => {
    const f = await makeApiFixture();
    const outside = path.join(f.outside, 'm.json');
    await writeFile(outside, await fixture('tfjs-converter-mlp.json'));
    expect(errorOf(await f.call('model:import', { path: outside })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('model:import', { path: path.join(f.root, 'missing.json') })).code).toBe('NOT_FOUND');
  });
});
