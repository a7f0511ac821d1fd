/**
 * One export as state: `export:run` for the chosen formats, the `export:progress` events
 * while it works (per format: exporting, checking, done or failed, with the latest message),
 * then the per-format results. A failing format is data in the results, not a failed call;
 * only a refused call (no such run, folder not allowed) is the `error` state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../src-shared/ipc/contract.js';
import type { FormatExportResult, TrainingEventPayloads } from '../../src-shared/ipc/contract-training.js';
import { useServices } from '../app/editor-context.js';
import type { ExportFormat } from './formats.js';

export type Stage = 'waiting' | TrainingEventPayloads['export:progress']['stage'];
export type Progress = Partial<Record<ExportFormat, { stage: Stage; message: string }>>;

export type ExportState =
  | { status: 'idle' }
  | { status: 'running'; formats: ExportFormat[]; progress: Progress }
  | { status: 'done'; formats: ExportFormat[]; progress: Progress; outDir: string; results: FormatExportResult[] }
  | { status: 'error'; formats: ExportFormat[]; error: ApiError };

export function useExportRun(): {
  state: ExportState;
  start(runDir: string, formats: ExportFormat[], outDir: string): Promise<void>;
  reset(): void;
} {
  const { host } = useServices();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    // Progress of the export this dialog started: events name the format, not the export, and
    // only one export runs at a time from here.
    const off = host.on('export:progress', (p) => {
      setState((s) =>
        s.status === 'running' && s.formats.includes(p.format as ExportFormat)
          ? { ...s, progress: { ...s.progress, [p.format]: { stage: p.stage, message: p.message } } }
          : s,
      );
    });
    return () => {
      mounted.current = false;
      off();
    };
  }, [host]);

  const start = useCallback(
    async (runDir: string, formats: ExportFormat[], outDir: string) => {
      const waiting: Progress = Object.fromEntries(formats.map((f) => [f, { stage: 'waiting' as Stage, message: '' }]));
      setState({ status: 'running', formats, progress: waiting });
      const r = await host.call('export:run', { runDir, formats, outDir });
      if (!mounted.current) return;
      setState((s) => {
        const progress = s.status === 'running' ? s.progress : waiting;
        return r.ok
          ? { status: 'done', formats, progress, outDir: r.value.outDir, results: r.value.results }
          : { status: 'error', formats, error: r.error };
      });
    },
    [host],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, reset };
}
