import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './run-cli-captured.js';

const run = runCaptured;

describe('netwright doctor', () => {
  it('lists the backends that load (wasm, cpu), why the native ones do not, and the GPU requirement', async () => {
    const r = await run('doctor');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Node v\d+\.\d+\.\d+ \(linux-x64\), TensorFlow\.js 4\.22\.0$/m);
    expect(r.out).toMatch(/^CPU: .*\d+ logical cores, \d+ usable$/m);
    expect(r.out).toMatch(/^Memory: [\d.]+ GiB total/m);
    expect(r.out).toMatch(/^ {2}✓ wasm: XNNPACK/m);
    expect(r.out).toMatch(/^ {2}✓ cpu: /m);
    // Where libtensorflow cannot be downloaded at install time, npm drops both native packages.
    for (const pkg of ['tfjs-node-gpu', 'tfjs-node']) {
      if (!resolves(`@tensorflow/${pkg}`)) expect(r.out).toMatch(new RegExp(`^  ✗ ${pkg}: not installed`, 'm'));
    }
    if (!resolves('@tensorflow/tfjs-node-gpu')) expect(r.out).toMatch(/^GPU: not used — .*CUDA 11\.2 \+ cuDNN 8\.1/m);
  });

  it('prints the same facts as JSON', async () => {
    const r = await run('doctor', '--json');
    const report = JSON.parse(r.out);
    expect(report.backends.map((b: { backend: string }) => b.backend)).toEqual(['tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu']);
    expect(report.backends.slice(2).every((b: { available: boolean }) => b.available)).toBe(true);
    if (!resolves('@tensorflow/tfjs-node') && !resolves('@tensorflow/tfjs-node-gpu')) expect(report.bestBackend).toBe('wasm');
    expect(report.tfjs).toBe('4.22.0');
  });

  it('rejects arguments', async () => {
    expect((await run('doctor', 'extra')).code).toBe(2);
  });
});

function resolves(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}
