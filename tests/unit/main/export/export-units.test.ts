/**
 * The exporters' small pure parts: TensorFlow's 'same' padding, weight transposes and gate
 * reordering, the layout plan, and the hand-written .npy/.npz encoder (checked by numpy when the
 * system Python has it).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapAxis, planLayouts, toChannelsFirst, toChannelsLast } from '../../../../src-main/export/layout.js';
import type { GraphLayer, ModelGraph } from '../../../../src-main/export/model-graph.js';
import { hasPythonModule, runPython } from '../../../../src-main/export/parity/python.js';
import { decodeNpy, encodeNpy, encodeNpz } from '../../../../src-main/export/pytorch/npz.js';
import { gatesToRows, samePadding, transpose } from '../../../../src-main/export/weights-util.js';

describe('samePadding (TensorFlow rule)', () => {
  it.each([
    // n, k, s → [before, after]
    [11, 3, 2, [1, 1]],
    [10, 3, 2, [0, 1]], // odd total: the extra pixel at the end
    [9, 4, 1, [1, 2]],
    [5, 1, 2, [0, 0]],
    [6, 2, 2, [0, 0]],
  ])('n=%i k=%i s=%i', (n, k, s, pads) => expect(samePadding(n, k, s)).toEqual(pads));
});

describe('weight layouts', () => {
  it('transposes like numpy.transpose', () => {
    const w = { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
    expect(transpose(w, [1, 0])).toEqual({ shape: [3, 2], data: Float32Array.from([1, 4, 2, 5, 3, 6]) });
  });

  it('reorders Keras LSTM gate blocks i,f,c,o into ONNX i,o,f,c rows', () => {
    // kernel [1 input, 4 gates × 1 unit] = [i, f, c, o]
    const k = { shape: [1, 4], data: Float32Array.from([10, 20, 30, 40]) };
    expect(gatesToRows(k, 4, [0, 3, 1, 2])).toEqual(Float32Array.from([10, 40, 20, 30]));
  });
});

describe('layout plan', () => {
  const layer = (name: string, type: GraphLayer['type'], className: string, inputs: string[], outputShape: number[], config: Record<string, unknown> = {}): GraphLayer => ({
    name, type, className, config, inputs, inputShapes: [], outputShape, weights: new Map(),
  });
  const graph: ModelGraph = {
    name: 'g',
    inputs: ['in'],
    outputs: ['out'],
    topology: {},
    layers: [
      layer('in', 'Input', 'InputLayer', [], [8, 8, 3]),
      layer('conv', 'Conv2D', 'Conv2D', ['in'], [8, 8, 4]),
      layer('act', 'Activation', 'Activation', ['conv'], [8, 8, 4], { activation: 'relu' }),
      layer('bn', 'BatchNormalization', 'BatchNormalization', ['act'], [8, 8, 4], { axis: -1 }),
      layer('gap', 'GlobalAveragePooling2D', 'GlobalAveragePooling2D', ['bn'], [4]),
      layer('flat', 'Flatten', 'Flatten', ['act'], [256]),
      layer('out', 'Concatenate', 'Concatenate', ['gap', 'flat'], [260], { axis: -1 }),
    ],
  };

  it('keeps tensors channels-first from a convolution until a layer needs Keras order', () => {
    const plan = planLayouts(graph);
    expect(Object.fromEntries([...plan].map(([n, l]) => [n, `${l.input}→${l.output}`]))).toEqual({
      in: 'keras→keras',
      conv: 'cf→cf',
      act: 'cf→cf',
      bn: 'cf→cf',
      gap: 'cf→keras',
      flat: 'keras→keras',
      out: 'keras→keras',
    });
  });

  it('maps axes and permutations', () => {
    expect(toChannelsFirst(4)).toEqual([0, 3, 1, 2]);
    expect(toChannelsLast(4)).toEqual([0, 2, 3, 1]);
    expect(toChannelsFirst(3)).toEqual([0, 2, 1]);
    expect(mapAxis(-1, 4, 'cf')).toBe(1);
    expect(mapAxis(1, 4, 'cf')).toBe(2);
    expect(mapAxis(-1, 4, 'keras')).toBe(3);
  });
});

describe('.npy / .npz', () => {
  it('round-trips an .npy header and data', () => {
    const a = { shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6]) };
    const bytes = encodeNpy(a);
    expect((bytes.indexOf(0x0a) + 1) % 64).toBe(0); // data aligned to 64 bytes, as numpy writes it
    expect(decodeNpy(bytes)).toEqual(a);
  });

  it('writes .npz files numpy reads', async () => {
    if (!(await hasPythonModule('numpy'))) return void console.warn('skipped: the system Python has no numpy');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'netwright-npz-'));
    const file = path.join(dir, 'w.npz');
    writeFileSync(file, encodeNpz({
      'dense/kernel': { shape: [2, 2], data: Float32Array.from([1.5, -2, 3, 4]) },
      y: { shape: [3], data: Int32Array.from([7, 8, 9]) },
    }));
    const r = await runPython(['-c', 'import sys, numpy as np\nd = np.load(sys.argv[1])\nprint(sorted(d.files), d["dense/kernel"].tolist(), d["dense/kernel"].dtype, d["y"].tolist(), d["y"].dtype)', file]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe("['dense/kernel', 'y'] [[1.5, -2.0], [3.0, 4.0]] float32 [7, 8, 9] int32");
    rmSync(dir, { recursive: true, force: true });
  });
});
