import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCloseGuard } from '../../../../src-main/electron/close-guard.js';
import { createOpenQueue, findProjectPaths } from '../../../../src-main/electron/open-requests.js';

function guard() {
  const log: string[] = [];
  const g = createCloseGuard({ askRenderer: () => log.push('ask'), closeWindow: () => log.push('close'), onCancelled: () => log.push('cancelled') });
  return { g, log };
}

describe('close guard', () => {
  it('lets a clean window close without asking', () => {
    const { g, log } = guard();
    expect(g.shouldClose()).toBe(true);
    expect(log).toEqual([]);
  });

  it('asks the renderer when dirty, and closes on proceed', () => {
    const { g, log } = guard();
    g.setDirty(true);
    expect(g.shouldClose()).toBe(false);
    g.confirm(true);
    expect(log).toEqual(['ask', 'close']);
    expect(g.shouldClose()).toBe(true);
  });

  it('stays open on cancel, and ignores answers nobody asked for', () => {
    const { g, log } = guard();
    g.setDirty(true);
    g.confirm(true);
    expect(log).toEqual([]);
    expect(g.shouldClose()).toBe(false);
    g.confirm(false);
    expect(log).toEqual(['ask', 'cancelled']);
    expect(g.shouldClose()).toBe(false);
  });

  it('does not let a crashed renderer keep the window open, and forgets dirtiness on reload', () => {
    const { g } = guard();
    g.setDirty(true);
    g.releaseRenderer();
    expect(g.shouldClose()).toBe(true);
    const second = guard();
    second.g.setDirty(true);
    second.g.reset();
    expect(second.g.shouldClose()).toBe(true);
  });
});

describe('open requests', () => {
  it('finds .nwproj arguments and makes them absolute', () => {
    expect(findProjectPaths(['.', '--inspect', 'a.nwproj', '/x/B.NWPROJ', 'notes.txt', '--flag=c.nwproj'], '/home/u')).toEqual([path.resolve('/home/u/a.nwproj'), path.resolve('/x/B.NWPROJ')]);
  });

  it('queues until the renderer is ready, then sends in order', () => {
    const sent: string[] = [];
    const q = createOpenQueue((p) => sent.push(p));
    q.push(['/a.nwproj']);
    q.push(['/b.nwproj']);
    expect(sent).toEqual([]);
    q.markReady();
    expect(sent).toEqual(['/a.nwproj', '/b.nwproj']);
    q.push(['/c.nwproj']);
    expect(sent).toHaveLength(3);
    q.markNotReady();
    q.push(['/d.nwproj']);
    expect(sent).toHaveLength(3);
    q.markReady();
    expect(sent.at(-1)).toBe('/d.nwproj');
  });
});
