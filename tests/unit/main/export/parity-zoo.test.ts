/**
 * Parity of the ONNX and PyTorch exports on every zoo model (trained MLP, CNN with 'same' padding,
 * stride 2 and odd sizes, BatchNormalization, LSTM, GRU, merges, and models covering every other
 * layer): onnxruntime-node and the system Python's torch must match tfjs within 1e-4 with 100%
 * top-1 agreement. The zoo is trained once; one Python process runs all PyTorch models.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import onnxProto from 'onnx-proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelGraph } from '../../../../src-main/export/model-graph.js';
import { exportOnnx } from '../../../../src-main/export/onnx/export-onnx.js';
import { compareOutputs, formatParity, type Predictions } from '../../../../src-main/export/parity/compare.js';
import { predictWithOnnxRuntime } from '../../../../src-main/export/parity/onnx-runtime.js';
import { hasPythonModule, runPython } from '../../../../src-main/export/parity/python.js';
import { predictWithTorchMany } from '../../../../src-main/export/parity/torch-runtime.js';
import { exportPytorch } from '../../../../src-main/export/pytorch/export-pytorch.js';
import { defaultRecipe } from '../../../../src-main/export/recipe.js';
import { trainedCase, type TrainedCase } from './export-kit.js';
import { ZOO, type ZooName } from './model-zoo.js';
import { missingPython } from './python-gate.js';

const noTorch = await missingPython('torch');
const root = mkdtempSync(path.join(os.tmpdir(), 'netwright-parity-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const names = Object.keys(ZOO) as ZooName[];
const cases = new Map<ZooName, TrainedCase>();
const onnxFiles = new Map<ZooName, string>();
const torchOutputs = new Map<ZooName, Predictions>();
const dirOf = (name: ZooName, format: string) => path.join(root, name, format);

beforeAll(async () => {
  for (const name of names) {
    const zoo = ZOO[name];
    const c = await trainedCase(name, zoo.layers, { vocab: zoo.vocab });
    cases.set(name, c);
    const graph = readModelGraph(c.model);
    mkdirSync(dirOf(name, 'onnx'), { recursive: true });
    mkdirSync(dirOf(name, 'pytorch'), { recursive: true });
    onnxFiles.set(name, await exportOnnx(graph, dirOf(name, 'onnx')));
    await exportPytorch(graph, dirOf(name, 'pytorch'), { recipe: defaultRecipe('softmax', 3), samples: c.samples, reference: c.reference });
  }
  if (noTorch) return;
  const results = await predictWithTorchMany(names.map((name) => ({ dir: dirOf(name, 'pytorch'), samples: cases.get(name)!.samples })));
  names.forEach((name, i) => torchOutputs.set(name, results[i]!));
});

describe('ONNX export matches tfjs in onnxruntime-node', () => {
  for (const name of names) {
    it(`${name}: max |Δ| ≤ 1e-4 and 100% top-1`, async () => {
      const c = cases.get(name)!;
      const numbers = compareOutputs(c.reference, await predictWithOnnxRuntime(onnxFiles.get(name)!, c.samples));
      console.log(`onnx ${name}: ${formatParity(numbers)}`);
      expect(numbers.samples).toBe(64);
      expect(numbers.top1Agreement).toBe(100);
      expect(numbers.maxAbsDiff).toBeLessThanOrEqual(1e-4);
    });
  }

  it('keeps a conv stack channels-first: one Transpose in, one back before Flatten', () => {
    const model = onnxProto.onnx.ModelProto.decode(readFileSync(onnxFiles.get('cnn')!));
    const ops = model.graph!.node!.map((n) => n.opType);
    expect(ops.filter((o) => o === 'Transpose')).toHaveLength(2);
    expect(ops.indexOf('Transpose')).toBeLessThan(ops.indexOf('Conv'));
    expect(ops.lastIndexOf('Transpose')).toBeLessThan(ops.indexOf('Flatten'));
    expect(Number(model.opsetImport![0]!.version)).toBe(17); // protobufjs decodes int64 as Long
    const dims = model.graph!.input![0]!.type!.tensorType!.shape!.dim!.map((d) => String(d.dimValue ?? d.dimParam));
    expect(dims).toEqual(['N', '11', '9', '3']); // the app's NHWC input
  });

  it('passes the onnx checker with full shape inference (when the system Python has onnx)', async () => {
    if (!(await hasPythonModule('onnx'))) return void console.warn('skipped: the system Python has no onnx package');
    const script = 'import sys, onnx\nfor f in sys.argv[1:]:\n    onnx.checker.check_model(onnx.load(f), full_check=True)\nprint("ok")';
    const r = await runPython(['-c', script, ...onnxFiles.values()]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });
});

describe('PyTorch export matches tfjs', () => {
  for (const name of names) {
    it.skipIf(noTorch)(`${name}: max |Δ| ≤ 1e-4 and 100% top-1`, () => {
      const numbers = compareOutputs(cases.get(name)!.reference, torchOutputs.get(name)!);
      console.log(`pytorch ${name}: ${formatParity(numbers)}`);
      expect(numbers.top1Agreement).toBe(100);
      expect(numbers.maxAbsDiff).toBeLessThanOrEqual(1e-4);
    });
  }

  it('writes a readable module: NHWC in, one permute, TF padding explicit, Keras-layout loader', () => {
    const source = readFileSync(path.join(dirOf('cnn', 'pytorch'), 'model.py'), 'utf8');
    expect(source).toContain('class NetwrightModel(nn.Module):');
    expect(source).toContain('def forward(self, image):');
    expect(source.match(/\.permute\(0, 3, 1, 2\)/g)).toHaveLength(1);
    expect(source).toContain("# TF 'same': the extra pixel goes at the end");
    expect(source).toContain('state["conv1.weight"] = k("conv1/kernel").permute(3, 2, 0, 1)  # Keras HWIO → OIHW');
    const gru = readFileSync(path.join(dirOf('gru', 'pytorch'), 'model.py'), 'utf8');
    expect(gru).toContain('class KerasRecurrent(nn.Module):');
    expect(gru).not.toContain('nn.GRU(');
    const lstm = readFileSync(path.join(dirOf('lstm', 'pytorch'), 'model.py'), 'utf8');
    expect(lstm).toContain('self.lstm_seq = nn.LSTM(3, 5, batch_first=True, bias=True)');
  });
});
