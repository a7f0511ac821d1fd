import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCaptured } from './run-cli-captured.js';

const run = runCaptured;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'netwright-cli-'));
});

describe('netwright summary', () => {
  it('prints the MLP template as JSON with Keras shapes and hand-computed parameter counts', async () => {
    const r = await run('summary', 'mlp-mnist', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s.layers.map((l: { name: string; outputShape: unknown; params: number }) => [l.name, l.outputShape, l.params])).toEqual([
      ['digits', [null, 28, 28, 1], 0],
      ['flatten', [null, 784], 0],
      ['hidden', [null, 128], 784 * 128 + 128],
      ['output', [null, 10], 128 * 10 + 10],
    ]);
    expect([s.totalParams, s.trainableParams, s.nonTrainableParams]).toEqual([101_770, 101_770, 0]);
    expect(s.macs).toBe(784 * 128 + 128 * 10);
  });

  it('prints a Keras-style table with totals, multiply-adds and memory', async () => {
    const r = await run('summary', 'lenet-mnist');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/conv1 \(Conv2D\)\s+\(None, 28, 28, 6\)\s+156\s/);
    expect(r.out).toMatch(/pool2 \(MaxPooling2D\)\s+\(None, 5, 5, 16\)\s+0\s/);
    expect(r.out).toContain('Total params: 61,706');
    expect(r.out).toContain('Non-trainable params: 0');
    expect(r.out).toMatch(/Multiply-adds per sample: 416,520/);
  });

  it('reads a Keras model.to_json() file', async () => {
    const file = path.join(dir, 'keras.json');
    const keras = {
      class_name: 'Sequential',
      config: {
        name: 'tiny',
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 8], dtype: 'float32', sparse: false, name: 'input_1' } },
          { class_name: 'Dense', config: { name: 'dense', units: 3, activation: 'softmax', use_bias: true, kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} }, kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null, trainable: true, dtype: 'float32' } },
        ],
      },
      keras_version: '2.13.1',
      backend: 'tensorflow',
    };
    await writeFile(file, JSON.stringify(keras));
    const r = await run('summary', file, '--json');
    expect(r.err).toBe('');
    const s = JSON.parse(r.out);
    // Keras's Sequential summary has no InputLayer row.
    expect(s.layers).toEqual([expect.objectContaining({ name: 'dense', type: 'Dense', outputShape: [null, 3], params: 27 })]);
  });
});

describe('netwright validate', () => {
  it('passes a template and fails a broken project, printing code, layer and fix', async () => {
    expect((await run('validate', 'conv1x1-mnist')).code).toBe(0);
    const file = path.join(dir, 'broken.nwproj');
    const { buildDocument } = await import('../../../../src-shared/graph/build.js');
    const { serializeProject } = await import('../../../../src-shared/graph/project-file.js');
    const doc = buildDocument('broken', [
      { type: 'Input', name: 'pixels', params: { dataKind: 'vector', shape: [784] } },
      { type: 'Conv2D', name: 'conv1', params: { filters: 8 } },
    ]);
    await writeFile(file, serializeProject(doc));
    const r = await run('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 error');
    expect(r.out).toMatch(/error RANK_MISMATCH \[conv1\]: Conv2D "conv1" needs a 3-D input H×W×C but gets \[784\]/);
    expect(r.out).toMatch(/fix: .*Reshape/);
    const json = JSON.parse((await run('validate', file, '--json')).out);
    expect(json.findings[0]).toMatchObject({ code: 'RANK_MISMATCH', nodeId: 'n2', severity: 'error' });
  });
});

describe('user mistakes end in one line and a non-zero exit', () => {
  it.each([
    [['summary', 'no/such/file.nwproj'], 1, /^netwright: no\/such\/file\.nwproj: no such file/],
    [['summary'], 2, /^netwright: summary takes one file, got 0/],
    [['frobnicate'], 2, /^netwright: unknown command "frobnicate"/],
    [['summary', 'mlp-mnist', '--colour'], 2, /^netwright: Unknown option '--colour'/],
  ])('%j', async (argv, code, pattern) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(code);
    expect(r.err).toMatch(pattern);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"format": "netwright-project", ', /not valid JSON/],
    ['a project with a bad field', JSON.stringify({ format: 'netwright-project', version: 1, name: 'x', nodes: [{ id: 'a' }], edges: [], dataset: null, training: {}, runs: [] }), /nodes\[0\]\.type/],
    ['an unsupported Keras layer', JSON.stringify({ class_name: 'Sequential', config: { name: 's', layers: [{ class_name: 'Lambda', config: { name: 'weird', batch_input_shape: [null, 3] } }] } }), /Lambda/],
  ])('refuses %s with a precise message', async (_label, text, pattern) => {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, text);
    const r = await run('summary', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(pattern);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('the installed bin', () => {
  it('runs as a real process through npx-style invocation', async () => {
    const bin = path.resolve('bin/netwright.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'summary', 'regression-mlp', '--json']);
    const s = JSON.parse(stdout);
    expect(s.layers.at(-1)).toMatchObject({ name: 'target', outputShape: [null, 1], params: 65 });
    const failed = await promisify(execFile)(process.execPath, [bin, 'validate', 'nope.nwproj']).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr.trim()).toMatch(/^netwright: nope\.nwproj: no such file/);
  });
});
