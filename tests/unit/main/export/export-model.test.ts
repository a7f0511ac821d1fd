/**
 * The export service end to end: all four formats from one trained model, each with
 * preprocessing.json and a parity verdict; and a model with a layer a format cannot express,
 * which fails that format (naming the layer and why) while the other formats still export.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LayerLine } from '../../../../src-shared/graph/build.js';
import { EXPORT_FORMATS, exportModel, formatExportReport, type Preprocessing } from '../../../../src-main/export/index.js';
import { trainedCase } from './export-kit.js';
import { ZOO } from './model-zoo.js';
import { missingPython } from './python-gate.js';

const noTorch = await missingPython('torch');
const root = mkdtempSync(path.join(os.tmpdir(), 'netwright-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PREP: Preprocessing = {
  inputShape: [11, 9, 3],
  inputDtype: 'float32',
  layout: 'NHWC',
  channelOrder: 'RGB',
  resize: 'crop',
  normalization: { kind: 'standardize', mean: [0.5, 0.4, 0.3], std: [0.25, 0.2, 0.3] },
  task: 'classification',
  classNames: ['cat', 'dog', 'fox', 'owl'],
};

describe('exportModel', () => {
  it('writes every format with preprocessing.json and a passing parity check', async () => {
    const c = await trainedCase('cnn', ZOO.cnn.layers);
    const outDir = path.join(root, 'cnn');
    const report = await exportModel({ model: c.model, preprocessing: PREP, formats: EXPORT_FORMATS, outDir, samples: c.samples });
    console.log(formatExportReport(report).join('\n'));
    expect(report.formats.map((f) => [f.format, f.ok, f.error])).toEqual(EXPORT_FORMATS.map((f) => [f, true, undefined]));
    expect(report.ok).toBe(true);
    for (const f of report.formats) {
      const prep = JSON.parse(readFileSync(path.join(f.dir, 'preprocessing.json'), 'utf8')) as Record<string, unknown>;
      expect(prep).toMatchObject({
        input: { shape: [11, 9, 3], layout: 'NHWC', channelOrder: 'RGB', height: 11, width: 9, channels: 3 },
        resize: 'crop',
        normalization: { kind: 'standardize', mean: [0.5, 0.4, 0.3], std: [0.25, 0.2, 0.3] },
        classNames: ['cat', 'dog', 'fox', 'owl'],
      });
    }
    const byFormat = Object.fromEntries(report.formats.map((f) => [f.format, f.parity]));
    for (const format of ['tfjs', 'onnx'] as const) {
      const p = byFormat[format]!;
      expect(p.kind).toBe('compared');
      if (p.kind === 'compared') expect(p.numbers).toMatchObject({ samples: 64, top1Agreement: 100, pass: true });
    }
    expect(byFormat.keras).toMatchObject({ kind: 'structure', ok: true });
    expect(byFormat.pytorch!.kind).toBe(noTorch ? 'skipped' : 'compared');
    expect(existsSync(path.join(outDir, 'pytorch', 'data.npz'))).toBe(true);
  });

  it('fails only the formats that cannot express a layer, naming it', async () => {
    const layers: LayerLine[] = [
      { type: 'Input', name: 'tokens', params: { dataKind: 'tokens', shape: [6] } },
      { type: 'Embedding', name: 'embed', params: { inputDim: 12, outputDim: 4, maskZero: true } },
      { type: 'LSTM', name: 'lstm', params: { units: 3 } },
      { type: 'Dense', name: 'out', params: { units: 2, activation: 'softmax' } },
    ];
    const c = await trainedCase('masked', layers, { vocab: 12, epochs: 1 });
    const outDir = path.join(root, 'masked');
    const prep: Preprocessing = { inputShape: [6], inputDtype: 'int32', layout: 'NT', channelOrder: null, resize: null, normalization: null, task: 'classification', classNames: ['no', 'yes'] };
    const report = await exportModel({ model: c.model, preprocessing: prep, formats: EXPORT_FORMATS, outDir, samples: c.samples });
    const byFormat = Object.fromEntries(report.formats.map((f) => [f.format, f]));
    expect(report.ok).toBe(false);
    for (const format of ['onnx', 'pytorch'] as const) {
      const f = byFormat[format]!;
      expect(f.ok).toBe(false);
      expect(f.unsupportedLayer).toMatchObject({ name: 'embed', type: 'Embedding' });
      expect(f.error).toMatch(/cannot express Embedding "embed": mask_zero = true/);
      expect(existsSync(f.dir)).toBe(false);
    }
    expect(byFormat.tfjs!.ok).toBe(true);
    expect(byFormat.keras!.ok).toBe(true);
    expect(formatExportReport(report).some((l) => /^ONNX\s+FAILED: ONNX cannot express Embedding "embed"/.test(l))).toBe(true);
  });
});
