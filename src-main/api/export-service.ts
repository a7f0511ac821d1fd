/**
 * export:run and shell:openPath. An export writes each chosen format into `<outDir>/<format>/`
 * with its parity check against the app's own predictions on the run's held-out samples, and
 * reports progress per format as `export:progress`. A format that fails (a layer it cannot
 * express, a parity mismatch) fails alone. tfjs and the exporters load on first use.
 */
import { mkdir } from 'node:fs/promises';
import type { CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import type { FormatExportResult } from '../../src-shared/ipc/contract-training.js';
import { ApiFailure } from './api-failure.js';
import type { EventSink } from './events.js';
import type { PathPolicy } from './path-policy.js';
import { resolveRunDir } from './run-paths.js';

export interface ExportServiceOptions {
  paths: PathPolicy;
  emit: EventSink;
  userDataDir: string;
  cacheDir: string;
  /** Opens a folder in the system file manager (Electron's shell.openPath); absent in browser mode. */
  openPath?: (path: string) => Promise<void>;
}

export type ExportHandlers = {
  [K in 'export:run' | 'shell:openPath']: (request: CallRequest<K>) => Promise<CallResponse<K>>;
};

const LABELS: Record<FormatExportResult['format'], string> = { tfjs: 'TF.js', onnx: 'ONNX', keras: 'Keras', pytorch: 'PyTorch' };

/** Creates the export and open-folder handlers. */
export function createExportHandlers(options: ExportServiceOptions): ExportHandlers {
  const { paths, emit } = options;
  return {
    async 'export:run'({ runDir, formats, outDir: requestedOut }) {
      const dir = await resolveRunDir(paths, options.userDataDir, runDir);
      const outDir = await paths.resolve(requestedOut, 'new-file');
      await mkdir(outDir, { recursive: true });
      const [{ exportModel, formatParityOutcome, loadRunForExport, runTestSamples }, { activateInferenceBackend }] = await Promise.all([
        import('../export/index.js'),
        import('./inference-backend.js'),
      ]);
      await activateInferenceBackend(dir);
      // A fresh copy, not the cached one: exporters read every weight, and results may evict the cache meanwhile.
      const run = await loadRunForExport(dir);
      try {
        const samples = run.summary ? await runTestSamples(run.summary, undefined, options.cacheDir) : null;
        const unique = [...new Set(formats)];
        const report = await exportModel({
          model: run.model,
          preprocessing: run.preprocessing,
          recipe: run.recipe,
          formats: unique,
          outDir,
          ...(samples ? { samples } : {}),
          onProgress: (format, stage, r) => {
            const message =
              stage === 'exporting' ? `Writing ${LABELS[format]}…`
              : stage === 'checking' ? `Checking ${LABELS[format]} against the app's predictions…`
              : (r.error ?? formatParityOutcome(r.parity));
            emit('export:progress', { format, stage, message });
          },
        });
        const results: FormatExportResult[] = report.formats.map((r) => {
          const numbers = r.parity?.kind === 'compared' ? r.parity.numbers : null;
          const line = r.error ?? formatParityOutcome(r.parity);
          return {
            format: r.format,
            ok: r.ok,
            dir: r.error ? null : r.dir,
            report: line,
            topOneAgreement: numbers ? numbers.top1Agreement : null,
            maxAbsDiff: numbers ? numbers.maxAbsDiff : null,
          };
        });
        return { outDir, results };
      } finally {
        run.model.dispose();
      }
    },

    async 'shell:openPath'({ path: requested }) {
      if (!options.openPath) throw new ApiFailure('UNSUPPORTED', 'Opening folders needs the desktop app; in the browser, open it from your file manager.');
      await options.openPath(await paths.resolve(requested, 'existing'));
      return {};
    },
  };
}
