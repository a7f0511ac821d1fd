import { describe, expect, it } from 'vitest';
import { createMemoryHost, demoFiles, DEMO_ROOT } from '../../../src-renderer/host/memory-host.js';
import { TEMPLATES, template } from './render-app.js';

const host = () => createMemoryHost({ templates: TEMPLATES, files: demoFiles(TEMPLATES) });

describe('memory host', () => {
  it('lists and opens the bundled templates, simplest first', async () => {
    const h = host();
    const list = await h.call('templates:list', {});
    expect(list.ok && list.value[0]).toMatchObject({ id: 'mlp-mnist', layers: 4 });
    const opened = await h.call('templates:open', { id: 'lenet-mnist' });
    expect(opened.ok && opened.value.doc.nodes.length).toBe(9);
    const missing = await h.call('templates:open', { id: 'nope' });
    expect(missing.ok).toBe(false);
  });

  it('saves and opens a project; a malformed one gives the core error', async () => {
    const h = host();
    const doc = template('mlp-mnist');
    const path = `${DEMO_ROOT}/mine.nwproj`;
    expect((await h.call('project:save', { path, doc })).ok).toBe(true);
    const opened = await h.call('project:open', { path });
    expect(opened.ok && opened.value.doc).toEqual(doc);
    const broken = await h.call('project:open', { path: `${DEMO_ROOT}/examples/broken.nwproj` });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_PROJECT', message: expect.stringContaining('nodes[2].type') } });
    const bad = await h.call('project:save', { path, doc: { format: 'nope' } });
    expect(bad.ok).toBe(false);
  });

  it('browses its folders and refuses paths outside them', async () => {
    const h = host();
    const root = await h.call('files:list', {});
    expect(root.ok && root.value.entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['dir:datasets', 'dir:examples', 'dir:models']);
    const examples = await h.call('files:list', { dir: `${DEMO_ROOT}/examples`, extensions: ['.nwproj'] });
    expect(examples.ok && examples.value.parent).toBe(DEMO_ROOT);
    expect(examples.ok && examples.value.entries.some((e) => e.name === 'mlp-mnist.nwproj')).toBe(true);
    expect((await h.call('files:list', { dir: '/etc' })).ok).toBe(false);
  });

  it('imports a Keras model by path or by text', async () => {
    const h = host();
    const byPath = await h.call('model:import', { path: `${DEMO_ROOT}/models/lenet-keras.json` });
    expect(byPath.ok && byPath.value.doc.nodes.length).toBe(9);
    const text = h.files.get(`${DEMO_ROOT}/models/lenet-keras.json`)!;
    expect((await h.call('model:import', { text, fileName: 'x.json' })).ok).toBe(true);
    const bad = await h.call('model:import', { text: '{', fileName: 'bad.json' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_MODEL' } });
  });

  it('keeps an autosave for recovery until discarded, and answers dialogs as unsupported', async () => {
    const h = host();
    expect(await h.call('project:recovery', {})).toEqual({ ok: true, value: null });
    await h.call('project:autosave', { doc: template('mlp-mnist'), path: null });
    const r = await h.call('project:recovery', {});
    expect(r.ok && r.value?.doc.name).toBe('MLP classifier (MNIST)');
    await h.call('project:discardRecovery', {});
    expect((await h.call('project:recovery', {})).ok && h.recovery).toBeNull();
    expect(await h.call('dialog:open', { kind: 'project' })).toEqual({ ok: true, value: { canceled: true, unsupported: true } });
  });

  it('keeps the demo autosave in storage across reloads, and drops a corrupt one', async () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    await createMemoryHost({ storage }).call('project:autosave', { doc: template('lenet-mnist'), path: null });
    const reloaded = createMemoryHost({ storage });
    const r = await reloaded.call('project:recovery', {});
    expect(r.ok && r.value?.doc.name).toBe('LeNet-style CNN (MNIST)');
    await reloaded.call('project:discardRecovery', {});
    expect(data.size).toBe(0);
    data.set('netwright.recovery', '{"doc": {"format": "nope"}, "savedAt": "x"}');
    expect(createMemoryHost({ storage }).recovery).toBeNull();
  });

  it('delivers emitted events to subscribers until they unsubscribe', () => {
    const h = host();
    const got: string[] = [];
    const off = h.on('menu:action', (p) => got.push(p.action));
    h.emit('menu:action', { action: 'edit.undo' });
    off();
    h.emit('menu:action', { action: 'edit.redo' });
    expect(got).toEqual(['edit.undo']);
  });
});
