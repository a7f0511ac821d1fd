/**
 * Backend selection on every path. The "not installed" path is real here (npm dropped
 * tfjs-node(-gpu)); a GPU and libtensorflow cannot exist here, so those paths use a fake require
 * function. wasm and cpu are always the real backends.
 */
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { describeEnvironment, formatEnvironment } from '../../../../../src-main/training/backends/describe-environment.js';
import {
  applyNodeUtilShim,
  forgetLoadsFor,
  type ModuleLoader,
  probeNative,
} from '../../../../../src-main/training/backends/native-loader.js';
import { selectBackend } from '../../../../../src-main/training/backends/select-backend.js';

const GPU_PKG = '@tensorflow/tfjs-node-gpu';
const CPU_PKG = '@tensorflow/tfjs-node';

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- /x/select-backend.ts`), { code: 'MODULE_NOT_FOUND' });
}

/** A stand-in for a loaded tfjs-node(-gpu): what `require` returns after it registered 'tensorflow'. */
function fakeTfNode(gpu: boolean, activates = true) {
  const activated: string[] = [];
  return {
    activated,
    module: {
      version: { 'tfjs-node': '4.22.0' },
      findBackend: (name: string) => (name === 'tensorflow' ? { isGPUPackage: true, isUsingGpuDevice: gpu } : null),
      setBackend: async (name: string) => (activated.push(name), activates),
    },
  };
}

/** A fake require that records requests and answers per package (an Error is thrown). */
function fakeLoader(answers: Partial<Record<string, unknown>>): ModuleLoader & { requested: string[] } {
  const requested: string[] = [];
  const load = (id: string) => {
    requested.push(id);
    const a = answers[id];
    if (a === undefined) throw notFound(id);
    if (a instanceof Error) throw a;
    return a;
  };
  return Object.assign(load, { requested });
}

const loaders: ModuleLoader[] = [];
function track<T extends ModuleLoader>(l: T): T {
  loaders.push(l);
  return l;
}
afterEach(() => loaders.splice(0).forEach(forgetLoadsFor));

describe('selectBackend', () => {
  it('real: tfjs-node(-gpu) are not installed here, so a CNN + Embedding graph trains on wasm', async () => {
    const choice = await selectBackend({ layerTypes: ['Input', 'Conv2D', 'MaxPooling2D', 'Embedding', 'DepthwiseConv2D', 'Dense'] });
    expect(choice).toMatchObject({ backend: 'wasm', tfjsBackend: 'wasm', device: 'cpu', threads: 1 });
    expect(choice.reasons).toEqual([
      { backend: 'tfjs-node-gpu', why: `not installed (Cannot find module '${GPU_PKG}')` },
      { backend: 'tfjs-node', why: `not installed (Cannot find module '${CPU_PKG}')` },
    ]);
    expect(tf.getBackend()).toBe('wasm');
  });

  it('simulated: the GPU package loads and reports a CUDA GPU', async () => {
    const gpu = fakeTfNode(true);
    const load = track(fakeLoader({ [GPU_PKG]: gpu.module }));
    const choice = await selectBackend({ layerTypes: ['Dense'], load });
    expect(choice).toEqual({
      backend: 'tfjs-node-gpu',
      tfjsBackend: 'tensorflow',
      device: 'gpu',
      reasons: [],
      threads: expect.any(Number),
    });
    expect(gpu.activated).toEqual(['tensorflow']);
    expect(load.requested).toEqual([GPU_PKG]);
  });

  it('simulated: the GPU package loads without a GPU: its libtensorflow runs on the CPU, tfjs-node is never loaded', async () => {
    const load = track(fakeLoader({ [GPU_PKG]: fakeTfNode(false).module, [CPU_PKG]: fakeTfNode(false).module }));
    const choice = await selectBackend({ load });
    expect(choice).toMatchObject({ backend: 'tfjs-node-gpu', device: 'cpu' });
    expect(choice.reasons[0]!.why).toMatch(/^loaded but found no CUDA GPU — needs .*CUDA 11\.2 \+ cuDNN 8\.1/);
    expect(choice.reasons[1]).toEqual({ backend: 'tfjs-node', why: expect.stringMatching(/^not loaded: tfjs-node-gpu already provides/) });
    expect(load.requested).toEqual([GPU_PKG]);
  });

  it('simulated: the GPU package throws while loading (no libcudart): falls to tfjs-node', async () => {
    const broken = new Error('libcudart.so.11.0: cannot open shared object file: No such file or directory');
    const load = track(fakeLoader({ [GPU_PKG]: broken, [CPU_PKG]: fakeTfNode(false).module }));
    const choice = await selectBackend({ load });
    expect(choice).toMatchObject({ backend: 'tfjs-node', tfjsBackend: 'tensorflow', device: 'cpu' });
    expect(choice.reasons).toEqual([{ backend: 'tfjs-node-gpu', why: `installed but failed to load (${broken.message})` }]);
  });

  it('simulated: a missing native addon inside an installed package is "failed to load", not "not installed"', async () => {
    const load = track(fakeLoader({ [GPU_PKG]: notFound('/app/node_modules/@tensorflow/tfjs-node-gpu/lib/napi-v8/tfjs_binding.node') }));
    const choice = await selectBackend({ layerTypes: ['Dense'], load });
    expect(choice.reasons[0]!.why).toMatch(/^installed but failed to load \(Cannot find module '.*tfjs_binding\.node'\)$/);
    expect(choice.reasons[1]!.why).toMatch(/^not installed/);
    expect(choice.backend).toBe('wasm');
  });

  it("simulated: tfjs-node loads but 'tensorflow' fails to initialize: falls to wasm", async () => {
    const load = track(fakeLoader({ [CPU_PKG]: fakeTfNode(false, false).module }));
    const choice = await selectBackend({ load });
    expect(choice.backend).toBe('wasm');
    expect(choice.reasons[1]).toEqual({ backend: 'tfjs-node', why: "loaded but the 'tensorflow' backend failed to initialize" });
  });

  it('wasm is skipped when a needed kernel is missing there, and for unknown layer types', async () => {
    const fft = await selectBackend({ layerTypes: ['Dense'], requiredKernels: ['FFT'] });
    expect(fft.backend).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(fft.reasons[2]).toEqual({ backend: 'wasm', why: 'lacks the kernel(s) FFT this graph needs' });
    const unknown = await selectBackend({ layerTypes: ['Conv2D', 'Transformer'] });
    expect(unknown.reasons[2]!.why).toBe('unknown kernel needs for layer type(s) Transformer');
  });

  it('backends can be turned off', async () => {
    const load = track(fakeLoader({ [GPU_PKG]: fakeTfNode(true).module }));
    const choice = await selectBackend({ exclude: ['tfjs-node-gpu', 'wasm'], load });
    expect(choice.backend).toBe('cpu');
    expect(choice.reasons.map((r) => r.why)).toEqual([
      'turned off in the settings',
      expect.stringMatching(/^not installed/),
      'turned off in the settings',
    ]);
    expect(load.requested).toEqual([CPU_PKG]);
  });
});

describe('native loading rules', () => {
  it('never loads the second native package with the same require', () => {
    const load = track(fakeLoader({ [GPU_PKG]: fakeTfNode(false).module, [CPU_PKG]: fakeTfNode(false).module }));
    expect(probeNative(GPU_PKG, load).status).toBe('loaded');
    expect(probeNative(CPU_PKG, load)).toMatchObject({ status: 'refused', message: expect.stringContaining('must never load together') });
    expect(load.requested).toEqual([GPU_PKG]);
  });

  it('the Node ≥ 23 util shim adds isNullOrUndefined / isArray only where missing', () => {
    const removed: Record<string, unknown> = {};
    expect(applyNodeUtilShim(removed)).toEqual(['isNullOrUndefined', 'isArray']);
    const isNullOrUndefined = removed.isNullOrUndefined as (v: unknown) => boolean;
    expect([null, undefined, 0, ''].map(isNullOrUndefined)).toEqual([true, true, false, false]);
    expect(applyNodeUtilShim(removed)).toEqual([]);
  });
});

describe('describeEnvironment', () => {
  it('real: wasm (SIMD, one thread) and cpu load; no GPU, and why', async () => {
    const r = await describeEnvironment();
    expect(r.backends.map((b) => [b.backend, b.available])).toEqual([
      ['tfjs-node-gpu', false],
      ['tfjs-node', false],
      ['wasm', true],
      ['cpu', true],
    ]);
    expect(r.backends[2]!.detail).toMatch(/SIMD, 1 thread/);
    expect(r.gpu.used).toBe(false);
    expect(r.gpu.why).toMatch(/not installed.*CUDA 11\.2/);
    expect(r.memory.totalBytes).toBeGreaterThan(0);
    expect(r.cpu.usableThreads).toBeGreaterThan(0);
    expect(formatEnvironment(r)).toMatch(/✓ wasm: XNNPACK, SIMD/);
  });

  it('simulated: a GPU package with a GPU; tfjs-node is not probed beside it', async () => {
    const load = track(fakeLoader({ [GPU_PKG]: fakeTfNode(true).module }));
    const r = await describeEnvironment(load);
    expect(r.gpu).toEqual({ used: true, why: 'tfjs-node-gpu found a CUDA GPU' });
    expect(r.backends[1]).toMatchObject({
      backend: 'tfjs-node',
      available: false,
      detail: expect.stringMatching(/must never load together/),
    });
  });
});
