import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as fsp from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../../../../src-shared/graph/project-file.js';
import type { CallResult } from '../../../../src-shared/ipc/contract.js';
import { errorOf, makeApiFixture, readTemplate, valueOf } from './api-fixture.js';

describe('project:open', () => {
  it('opens a project inside the root, remembers it, and makes its folder a root', async () => {
    const f = await makeApiFixture();
    const file = path.join(f.root, 'sub', 'mlp.nwproj');
    await mkdir(path.dirname(file));
    await writeFile(file, serializeProject(await readTemplate('mlp-mnist')));
    const opened = valueOf(await f.call('project:open', { path: file }));
    expect(opened.path).toBe(file);
    expect(opened.doc.nodes).toHaveLength(4);
    expect(opened.migrated).toEqual([]);
    expect(valueOf(await f.call('project:recent', {})).map((r) => [r.path, r.name])).toEqual([[file, 'MLP classifier (MNIST)']]);
  });

  it('reports INVALID_PROJECT with the core message naming the JSON path', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    (doc.nodes[2]!.position as Record<string, unknown>).x = 'left';
    const file = path.join(f.root, 'bad.nwproj');
    await writeFile(file, JSON.stringify(doc));
    const error = errorOf(await f.call('project:open', { path: file }));
    expect(error.code).toBe('INVALID_PROJECT');
    expect(error.message).toMatch(/^bad\.nwproj: nodes\[2\]\.position\.x: /);
    expect(valueOf(await f.call('project:recent', {}))).toEqual([]);
  });

  it('reports broken JSON with line and column', async () => {
    const f = await makeApiFixture();
    const file = path.join(f.root, 'broken.nwproj');
    await writeFile(file, '{\n  "format": "netwright-project",\n  oops\n}');
    const error = errorOf(await f.call('project:open', { path: file }));
    expect(error.code).toBe('INVALID_PROJECT');
    expect(error.message).toMatch(/not valid JSON.*line 3/);
  });

  it('answers NOT_FOUND inside the root and FORBIDDEN outside, even for missing files', async () => {
    const f = await makeApiFixture();
    expect(errorOf(await f.call('project:open', { path: path.join(f.root, 'nope.nwproj') })).code).toBe('NOT_FOUND');
    expect(errorOf(await f.call('project:open', { path: path.join(f.outside, 'nope.nwproj') })).code).toBe('FORBIDDEN');
    await writeFile(path.join(f.outside, 'x.nwproj'), serializeProject(await readTemplate('mlp-mnist')));
    expect(errorOf(await f.call('project:open', { path: '../outside/x.nwproj' })).code).toBe('FORBIDDEN');
  });

  it('reopens a project on the recent list even when it lies outside this session’s roots', async () => {
    const first = await makeApiFixture();
    const file = path.join(first.root, 'keep.nwproj');
    valueOf(await first.call('project:save', { path: file, doc: await readTemplate('mlp-mnist') }));
    // A later session with the same user data but another root.
    const { createApi, createRootsPolicy } = await import('../../../../src-main/api/index.js');
    const { dispatchCall } = await import('../../../../src-main/api/index.js');
    const api = createApi({ mode: 'browser', version: '1', userDataDir: first.userData, paths: await createRootsPolicy([first.outside]) });
    expect(valueOf((await dispatchCall(api, 'project:open', { path: file })) as CallResult<'project:open'>).path).toBe(file);
    expect(errorOf(await dispatchCall(api, 'files:list', { dir: path.join(first.root, '..', 'user-data') })).code).toBe('FORBIDDEN');
  });
});

describe('project:save', () => {
  it('writes stable JSON atomically and leaves no temp files', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('lenet-mnist');
    const file = path.join(f.root, 'lenet.nwproj');
    const saved = valueOf(await f.call('project:save', { path: file, doc }));
    expect(saved.path).toBe(file);
    expect(await readFile(file, 'utf8')).toBe(serializeProject(doc));
    expect(await readdir(f.root)).toEqual(['lenet.nwproj']);
  });

  it('refuses an invalid document before writing: the old file stays intact', async () => {
    const f = await makeApiFixture();
    const file = path.join(f.root, 'p.nwproj');
    const good = serializeProject(await readTemplate('mlp-mnist'));
    await writeFile(file, good);
    const error = errorOf(await f.call('project:save', { path: file, doc: { format: 'netwright-project', version: 1, name: 3 } }));
    expect(error.code).toBe('INVALID_PROJECT');
    expect(await readFile(file, 'utf8')).toBe(good);
  });

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    const failingFs = { open: fsp.open, unlink: fsp.unlink, rename: async () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })) };
    const f = await makeApiFixture({ fs: failingFs });
    const file = path.join(f.root, 'p.nwproj');
    const good = serializeProject(await readTemplate('mlp-mnist'));
    await writeFile(file, good);
    const changed = await readTemplate('mlp-mnist');
    changed.name = 'changed';
    const error = errorOf(await f.call('project:save', { path: file, doc: changed }));
    expect(error).toEqual({ code: 'IO', message: 'the disk is full' });
    expect(await readFile(file, 'utf8')).toBe(good);
    expect(await readdir(f.root)).toEqual(['p.nwproj']);
  });

  it('only writes .nwproj files, only inside the roots, and not through symlinks that escape', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    expect(errorOf(await f.call('project:save', { path: path.join(f.root, 'x.json'), doc })).code).toBe('BAD_REQUEST');
    expect(errorOf(await f.call('project:save', { path: path.join(f.outside, 'x.nwproj'), doc })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('project:save', { path: path.join(f.root, '..', 'outside', 'x.nwproj'), doc })).code).toBe('FORBIDDEN');
    await symlink(path.join(f.outside, 'target.nwproj'), path.join(f.root, 'link.nwproj'));
    await writeFile(path.join(f.outside, 'target.nwproj'), 'old');
    expect(errorOf(await f.call('project:save', { path: path.join(f.root, 'link.nwproj'), doc })).code).toBe('FORBIDDEN');
    expect(await readFile(path.join(f.outside, 'target.nwproj'), 'utf8')).toBe('old');
  });
});

describe('project:recent', () => {
  it('keeps at most ten, newest first, without duplicates, and drops deleted files', async () => {
    const f = await makeApiFixture();
    const doc = await readTemplate('mlp-mnist');
    for (let i = 0; i < 12; i++) valueOf(await f.call('project:save', { path: path.join(f.root, `p${i}.nwproj`), doc }));
    valueOf(await f.call('project:open', { path: path.join(f.root, 'p5.nwproj') }));
    const recent = valueOf(await f.call('project:recent', {}));
    expect(recent.map((r) => path.basename(r.path))).toEqual(['p5', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p4', 'p3', 'p2'].map((n) => `${n}.nwproj`));
    await fsp.rm(path.join(f.root, 'p11.nwproj'));
    expect(valueOf(await f.call('project:recent', {}))).toHaveLength(9);
    expect(JSON.parse(await readFile(path.join(f.userData, 'recent-projects.json'), 'utf8')).items).toHaveLength(10);
  });

  it('treats a damaged list file as empty', async () => {
    const f = await makeApiFixture();
    await mkdir(f.userData, { recursive: true });
    await writeFile(path.join(f.userData, 'recent-projects.json'), '{ not json');
    expect(valueOf(await f.call('project:recent', {}))).toEqual([]);
  });
});

describe('recovery', () => {
  it('autosaves, reads back and discards the recovery copy', async () => {
    const f = await makeApiFixture();
    expect(valueOf(await f.call('project:recovery', {}))).toBeNull();
    const doc = await readTemplate('lstm-mnist');
    valueOf(await f.call('project:autosave', { doc, path: null }));
    const copy = valueOf(await f.call('project:recovery', {}));
    expect(copy?.doc.name).toBe(doc.name);
    expect(copy?.path).toBeNull();
    expect(copy?.savedAt).toMatch(/^\d{4}-/);
    valueOf(await f.call('project:discardRecovery', {}));
    expect(valueOf(await f.call('project:recovery', {}))).toBeNull();
  });

  it('refuses to autosave an invalid document, keeping the previous copy', async () => {
    const f = await makeApiFixture();
    valueOf(await f.call('project:autosave', { doc: await readTemplate('mlp-mnist'), path: '/somewhere/p.nwproj' }));
    expect(errorOf(await f.call('project:autosave', { doc: { nodes: 1 }, path: null })).code).toBe('INVALID_PROJECT');
    expect(valueOf(await f.call('project:recovery', {}))?.path).toBe('/somewhere/p.nwproj');
  });
});
