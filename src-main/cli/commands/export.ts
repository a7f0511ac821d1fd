/**
 * `netwright export <run-dir|model.json> [--format tfjs,onnx,keras,pytorch] [--out DIR]`: writes
 * each format with preprocessing.json and prints its parity report. Exit 1 when any format fails
 * or a parity check fails. Loaded lazily (it loads tfjs).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EXPORT_FORMATS, exportModel, formatExportReport, loadRunForExport, runTestSamples, type ExportFormat } from '../../export/index.js';
import { DEFAULT_SAMPLE_COUNT } from '../../export/samples.js';
import { savedLayerTypes, chooseBackend } from '../../training/trainer/index.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';

export const EXPORT_USAGE = 'netwright export <run-dir|model.json> [--format tfjs|onnx|keras|pytorch[,…]] [--out DIR] [--samples N] [--json]';

/** The folder holding model.json (a run folder, or the folder of a given model.json). */
export async function modelDir(target: string): Promise<string> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new CliError(`${target}: no such run folder or model.json`);
  if (info.isFile() && path.basename(target) !== 'model.json') throw new CliError(`${target}: expected a run folder or a TF.js model.json (with its weights beside it)`);
  const dir = info.isDirectory() ? target : path.dirname(target);
  if (!(await stat(path.join(dir, 'model.json')).catch(() => null))) throw new CliError(`${dir} has no model.json: it is not a finished run folder`);
  return dir;
}

function parseFormats(value: string | undefined): ExportFormat[] {
  if (value === undefined) return [...EXPORT_FORMATS];
  const formats = value.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = formats.filter((f) => !(EXPORT_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || formats.length === 0) throw new CliError(`unknown --format "${unknown.join(',') || value}"; choose from ${EXPORT_FORMATS.join(', ')} (comma-separated)`, 2);
  return [...new Set(formats)] as ExportFormat[];
}

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    samples: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new CliError(`export takes one run folder or model.json. Usage: ${EXPORT_USAGE}`, 2);
  const formats = parseFormats(values.format);
  const count = values.samples === undefined ? DEFAULT_SAMPLE_COUNT : Number(values.samples);
  if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new CliError(`--samples must be a whole number from 1 to 100000, got "${values.samples}"`, 2);
  const dir = await modelDir(positionals[0]!);
  const outDir = path.resolve(values.out ?? path.join(dir, 'export'));

  await chooseBackend(await savedLayerTypes(dir));
  const run = await loadRunForExport(dir).catch((e: unknown) => {
    throw new CliError(`cannot load the model in ${dir}: ${(e as Error).message}`);
  });
  try {
    const samples = run.summary ? await runTestSamples(run.summary, count) : null;
    const report = await exportModel({ model: run.model, preprocessing: run.preprocessing, recipe: run.recipe, formats, outDir, ...(samples ? { samples } : {}) });
    if (values.json) io.out(JSON.stringify(report));
    else {
      io.out(`Exported ${dir} → ${outDir}`);
      for (const line of formatExportReport(report)) io.out(line);
    }
    if (!report.ok) io.err(`netwright: ${report.formats.filter((f) => !f.ok).map((f) => f.format).join(', ')} failed (see above)`);
    return report.ok ? 0 : 1;
  } finally {
    run.model.dispose();
  }
}
