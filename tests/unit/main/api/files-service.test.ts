import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRootsPolicy, isInside } from '../../../../src-main/api/index.js';
import { errorOf, makeApiFixture, valueOf } from './api-fixture.js';

async function populate(root: string, outside: string) {
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'b.nwproj'), '{}');
  await writeFile(path.join(root, 'a.json'), '{}');
  await writeFile(path.join(root, 'notes.txt'), '');
  await writeFile(path.join(root, '.hidden.nwproj'), '{}');
  await writeFile(path.join(outside, 'secret.nwproj'), '{}');
  await symlink(outside, path.join(root, 'escape'));
  await symlink(path.join(outside, 'secret.nwproj'), path.join(root, 'secret-link.nwproj'));
  await symlink(path.join(root, 'data'), path.join(root, 'data-link'));
}

describe('files:list', () => {
  it('lists the first root by default: folders first, filtered by extension, hidden and escaping links left out', async () => {
    const f = await makeApiFixture();
    await populate(f.root, f.outside);
    const listing = valueOf(await f.call('files:list', { extensions: ['nwproj', '.JSON'] }));
    expect(listing.dir).toBe(f.root);
    expect(listing.parent).toBeNull();
    expect(listing.entries.map((e) => `${e.kind}:${e.name}`)).toEqual(['dir:data', 'dir:data-link', 'file:a.json', 'file:b.nwproj']);
    expect(listing.entries[0]!.path).toBe(path.join(f.root, 'data'));
  });

  it('gives the parent only while it stays inside the roots', async () => {
    const f = await makeApiFixture();
    await populate(f.root, f.outside);
    expect(valueOf(await f.call('files:list', { dir: path.join(f.root, 'data') })).parent).toBe(f.root);
  });

  it('refuses folders outside the roots, by absolute path, by .. and through a symlink', async () => {
    const f = await makeApiFixture();
    await populate(f.root, f.outside);
    for (const dir of [f.outside, path.join(f.root, '..'), '../outside', path.join(f.root, 'data', '..', '..', 'outside'), path.join(f.root, 'escape'), '/']) {
      const error = errorOf(await f.call('files:list', { dir }));
      expect([dir, error.code]).toEqual([dir, 'FORBIDDEN']);
    }
    expect(errorOf(await f.call('project:open', { path: path.join(f.root, 'secret-link.nwproj') })).code).toBe('FORBIDDEN');
    expect(errorOf(await f.call('files:list', { dir: path.join(f.root, 'b.nwproj') })).code).toBe('BAD_REQUEST');
  });
});

describe('path policy', () => {
  it('knows containment without being fooled by name prefixes', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/..c')).toBe(true);
  });

  it('skips roots that do not exist and can add roots later', async () => {
    const f = await makeApiFixture();
    const policy = await createRootsPolicy([f.root, path.join(f.root, 'missing')]);
    expect(policy.roots()).toEqual([f.root]);
    await policy.addRoot(f.outside);
    expect(policy.roots()).toEqual([f.root, f.outside]);
    expect(await policy.resolve(path.join(f.outside, 'new.nwproj'), 'new-file')).toBe(path.join(f.outside, 'new.nwproj'));
  });
});
