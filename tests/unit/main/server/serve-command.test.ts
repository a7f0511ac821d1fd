import { mkdir, mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runCli } from '../../../../src-main/cli/main.js';
import { runServe } from '../../../../src-main/cli/commands/serve.js';
import { checkRendererBuild } from '../../../../src-main/server/renderer-build.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('netwright serve', () => {
  it('prints the URL with the token, serves the API, and stops cleanly', async () => {
    const staticDir = await mkdtemp(path.join(tmpdir(), 'netwright-serve-'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html>');
    const t = io();
    let opened = '';
    const code = await runServe(['--port', '0', '--open'], t.io, {
      staticDir,
      ensureBuilt: async () => {},
      open: async (url) => ((opened = url), true),
      untilStopped: async (server) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/call/app:info`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` }, body: '{}' });
        expect(((await res.json()) as { value: { mode: string } }).value.mode).toBe('browser');
      },
    });
    expect(code).toBe(0);
    expect(t.out[0]).toMatch(/^Netwright is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect(opened).toBe(t.out[0]!.replace('Netwright is running at ', ''));
    expect(t.err).toEqual([]);
  });

  it('broadcasts the API’s events (dataset progress) to every connected page', async () => {
    const staticDir = await mkdtemp(path.join(tmpdir(), 'netwright-serve-'));
    const t = io();
    const received: Array<{ event: string; payload: unknown }> = [];
    await runServe(['--port', '0'], t.io, {
      staticDir,
      ensureBuilt: async () => {},
      untilStopped: async (server) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events?token=${server.token}`);
        ws.on('message', (data) => received.push(JSON.parse(String(data)) as { event: string; payload: unknown }));
        await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
        const res = await fetch(`http://127.0.0.1:${server.port}/api/call/dataset:inspect`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${server.token}` },
          body: JSON.stringify({ source: { kind: 'mnist' } }),
        });
        expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
        for (let i = 0; i < 100 && !received.some((m) => m.event === 'dataset:progress'); i++) await new Promise((r) => setTimeout(r, 10));
        ws.close();
      },
    });
    expect(received).toContainEqual({ event: 'dataset:progress', payload: { phase: 'decode', done: 1, total: 1 } });
  });

  it('reports usage mistakes in one line with exit code 2', async () => {
    for (const [args, message] of [
      [['--port', 'abc'], /--port must be a whole number/],
      [['--port', '70000'], /--port must be/],
      [['--allow', '/definitely/not/here'], /--allow \/definitely\/not\/here: no such folder/],
      [['project.nwproj'], /serve takes no file/],
      [['--bogus'], /Unknown option '--bogus'/],
    ] as const) {
      const t = io();
      expect(await runCli(['serve', ...args], t.io)).toBe(2);
      expect(t.err).toHaveLength(1);
      expect(t.err[0]).toMatch(message);
    }
  });

  it('reports a busy port in one line', async () => {
    const staticDir = await mkdtemp(path.join(tmpdir(), 'netwright-serve-'));
    const first = io();
    let port = 0;
    await runServe(['--port', '0'], first.io, {
      staticDir,
      ensureBuilt: async () => {},
      untilStopped: async (server) => {
        port = server.port;
        const t = io();
        await expect(runServe(['--port', String(port)], t.io, { staticDir, ensureBuilt: async () => {} })).rejects.toThrow(`port ${port} is in use`);
      },
    });
  });

  it('lists serve in the help', async () => {
    const t = io();
    await runCli(['--help'], t.io);
    expect(t.out.join('\n')).toMatch(/serve \[--port N\] \[--host H\] \[--open\] \[--allow DIR\]/);
  });
});

describe('renderer build check', () => {
  it('is missing without dist, fresh after a build, stale once a source is newer', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'netwright-build-'));
    await mkdir(path.join(root, 'src-renderer', 'app'), { recursive: true });
    await writeFile(path.join(root, 'src-renderer', 'app', 'App.tsx'), 'x');
    await writeFile(path.join(root, 'vite.config.ts'), 'x');
    expect(await checkRendererBuild(root)).toBe('missing');
    await mkdir(path.join(root, 'dist', 'renderer'), { recursive: true });
    const index = path.join(root, 'dist', 'renderer', 'index.html');
    await writeFile(index, 'x');
    const later = new Date(Date.now() + 60_000);
    await utimes(index, later, later);
    expect(await checkRendererBuild(root)).toBe('fresh');
    const evenLater = new Date(Date.now() + 120_000);
    await utimes(path.join(root, 'src-renderer', 'app', 'App.tsx'), evenLater, evenLater);
    expect(await checkRendererBuild(root)).toBe('stale');
  });
});
