/**
 * TF.js export round trip: model.json + weight shards written to disk, loaded again with
 * tf.loadLayersModel through a file loader, predicting exactly what the app's model predicts.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { compileToKeras } from '../../../../src-shared/compile/to-keras.js';
import { buildDocument } from '../../../../src-shared/graph/build.js';
import { compareOutputs } from '../../../../src-main/export/parity/compare.js';
import { exportTfjs, loadTfjsModel } from '../../../../src-main/export/tfjs/export-tfjs.js';
import { predictTfjs, randomSamples, trainedCase } from './export-kit.js';
import { ZOO } from './model-zoo.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'netwright-tfjs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const tmp = (name: string) => {
  mkdirSync(path.join(root, name));
  return path.join(root, name);
};

describe('TF.js export', () => {
  it('round-trips a trained CNN bit for bit', async () => {
    const c = await trainedCase('cnn', ZOO.cnn.layers);
    const { file } = await exportTfjs(c.model, tmp('cnn'));
    const reloaded = await loadTfjsModel(file);
    const numbers = compareOutputs(c.reference, predictTfjs(reloaded, c.samples));
    expect(numbers.maxAbsDiff).toBe(0);
    expect(numbers.top1Agreement).toBe(100);
    for (const [a, b] of c.model.getWeights().map((w, i) => [w, reloaded.getWeights()[i]!] as const)) expect(b.dataSync()).toEqual(a.dataSync());
  });

  it('rewrites Subtract (a Netwright class) into stock Add + Rescaling(-1), with identical outputs', async () => {
    const c = await trainedCase('merge', ZOO.merge.layers);
    const { file, notes } = await exportTfjs(c.model, tmp('merge'));
    const json = JSON.parse(readFileSync(file, 'utf8')) as { modelTopology: { config: { layers: { class_name: string; name: string; inbound_nodes: unknown }[] } } };
    const layers = json.modelTopology.config.layers;
    expect(layers.map((l) => l.class_name)).not.toContain('Subtract');
    expect(layers.find((l) => l.name === 'diff')!.class_name).toBe('Add');
    expect(layers.find((l) => l.name === 'diff_negate')!.class_name).toBe('Rescaling');
    expect(notes).toEqual(['Subtract "diff" written as Add(a, Rescaling(scale=-1)(b)) (TF.js has no Subtract layer)']);
    const reloaded = await loadTfjsModel(file);
    expect(compareOutputs(c.reference, predictTfjs(reloaded, c.samples)).maxAbsDiff).toBe(0);
  });

  it('splits weights into 4 MB shards like the tfjs converter', async () => {
    await tf.setBackend('cpu');
    const doc = buildDocument('wide', [
      { type: 'Input', name: 'x', params: { dataKind: 'vector', shape: [1100] } },
      { type: 'Dense', name: 'wide', params: { units: 1000 } },
      { type: 'Dense', name: 'out', params: { units: 3, activation: 'softmax' } },
    ]);
    const compiled = compileToKeras(doc);
    if (!compiled.ok) throw new Error('does not compile');
    const model = await tf.models.modelFromJSON(compiled.model as never);
    const dir = tmp('wide');
    const { file } = await exportTfjs(model, dir);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bin')).sort()).toEqual(['group1-shard1of2.bin', 'group1-shard2of2.bin']);
    const samples = randomSamples(model, 4, 9);
    const reloaded = await loadTfjsModel(file);
    expect(compareOutputs(predictTfjs(model, samples), predictTfjs(reloaded, samples)).maxAbsDiff).toBe(0);
  });
});
