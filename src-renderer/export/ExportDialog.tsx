/**
 * Export a trained run: pick the run, the formats and a folder; the host writes each format
 * and checks it against the app's own predictions. Progress shows per format while it works,
 * then each format's parity report — a failing format shows its message beside the others'
 * success. "Open output folder" appears where the host can open folders (Electron).
 */
import { useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useEditor, useServices } from '../app/editor-context.js';
import { Modal } from '../app/dialogs/Modal.js';
import { headline } from '../results/RunList.js';
import { STATUS_LABEL, when } from '../results/format.js';
import { finishedRuns, runNumbers, storedRuns } from '../results/stored-runs.js';
import { useHostQuery } from '../results/useHostQuery.js';
import { Callout } from '../results/Callout.js';
import { ExportReport } from './ExportReport.js';
import { FORMATS, outcome, type ExportFormat } from './formats.js';
import { defaultOutDir, OutputFolderField } from './OutputFolderField.js';
import { useExportRun } from './useExportRun.js';

const NO_ROOTS: readonly string[] = [];

export function ExportDialog({ runId, onClose }: { runId?: string; onClose(): void }): ReactElement {
  const { host, store } = useServices();
  const doc = useEditor((s) => s.doc);
  const projectPath = useEditor((s) => s.path);
  const runs = finishedRuns(doc);
  const numbers = useMemo(() => runNumbers(storedRuns(doc)), [doc]);
  const [chosenId, setChosenId] = useState(() => runs.find((r) => r.id === runId)?.id ?? runs[0]?.id ?? '');
  const [formats, setFormats] = useState<ReadonlySet<ExportFormat>>(() => new Set(FORMATS.map((f) => f.id)));
  const info = useHostQuery('app:info', {});
  const roots = info.state.status === 'ready' ? info.state.value.roots : NO_ROOTS;
  const [outDir, setOutDir] = useState('');
  const [outDirEdited, setOutDirEdited] = useState(false);
  const { state, start, reset } = useExportRun();
  const run = runs.find((r) => r.id === chosenId);

  // Follow the chosen run with the default folder until the user types their own.
  useEffect(() => {
    if (!outDirEdited && run) setOutDir(defaultOutDir(projectPath, roots, run.id));
  }, [outDirEdited, run, projectPath, roots]);

  const status = useRef<HTMLElement>(null);
  // The report is below the form: bring it into view when it arrives.
  useEffect(() => {
    if (state.status === 'done' || state.status === 'error') status.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [state.status]);

  const busy = state.status === 'running';
  const chosen = FORMATS.filter((f) => formats.has(f.id)).map((f) => f.id);
  const canExport = !busy && run !== undefined && chosen.length > 0 && outDir.trim().length > 0;
  const toggle = (f: ExportFormat) => {
    const next = new Set(formats);
    if (!next.delete(f)) next.add(f);
    setFormats(next);
    if (state.status !== 'running') reset();
  };
  const openFolder = async () => {
    if (state.status !== 'done') return;
    const r = await host.call('shell:openPath', { path: state.outDir });
    if (!r.ok) store.getState().notify(`Could not open ${state.outDir}: ${r.error.message}`, 'error');
  };
  const passed = state.status === 'done' ? state.results.filter((r) => outcome(r) === 'pass').length : 0;

  const footer = (
    <>
      {state.status === 'done' && host.mode === 'electron' && (
        <button type="button" className="btn" onClick={() => void openFolder()}>
          Open output folder
        </button>
      )}
      <span className="modal__footer-spacer" />
      <button type="button" className="btn" onClick={onClose}>
        {state.status === 'done' ? 'Close' : 'Cancel'}
      </button>
      <button
        type="button"
        className="btn btn--accent"
        disabled={!canExport}
        onClick={() => run && void start(run.runDir, chosen, outDir.trim())}
      >
        {busy ? 'Exporting…' : state.status === 'done' ? 'Export again' : 'Export'}
      </button>
    </>
  );

  if (runs.length === 0)
    return (
      <Modal
        title="Export model"
        onClose={onClose}
        size="small"
        footer={
          <button type="button" className="btn" onClick={onClose}>
            Close
          </button>
        }
      >
        <p>Export needs a trained run. Train the network in the Train tab; when a run finishes it can be exported from here.</p>
      </Modal>
    );

  return (
    <Modal title="Export model" onClose={onClose} size="large" footer={footer}>
      <div className="export-form">
        <div className="field">
          <label className="field__label" htmlFor="export-run">
            Run
          </label>
          <select id="export-run" value={chosenId} disabled={busy} onChange={(e) => (setChosenId(e.target.value), reset())}>
            {runs.map((r) => {
              const h = headline(r);
              return (
                <option key={r.id} value={r.id}>
                  Run {numbers.get(r.id)} — {STATUS_LABEL[r.status]}, {h.value} {h.label} ({when(r.startedAt)})
                </option>
              );
            })}
          </select>
        </div>
        <fieldset className="format-picker" disabled={busy}>
          <legend className="field__label">Formats</legend>
          {FORMATS.map((f) => (
            <label key={f.id} className={`format-option ${formats.has(f.id) ? 'is-on' : ''}`}>
              <input
                type="checkbox"
                checked={formats.has(f.id)}
                onChange={() => toggle(f.id)}
                aria-labelledby={`format-${f.id}-name`}
                aria-describedby={`format-${f.id}-desc`}
              />
              <span className="format-option__text">
                <span id={`format-${f.id}-name`} className="format-option__name">
                  {f.label}
                </span>
                <span id={`format-${f.id}-desc`} className="format-option__desc">
                  {f.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <OutputFolderField value={outDir} onChange={(v) => (setOutDir(v), setOutDirEdited(true))} roots={roots} disabled={busy} />
      </div>
      {state.status !== 'idle' && (
        <section ref={status} className="export-status" aria-label="Export progress">
          {state.status === 'done' && (
            <p className={`export-summary ${passed === state.results.length ? 'is-ok' : 'is-partial'}`} role="status">
              {passed} of {state.results.length} {state.results.length === 1 ? 'format' : 'formats'} exported and checked
              {' in '}
              <span className="mono">{state.outDir}</span>
            </p>
          )}
          {state.status === 'error' ? (
            <Callout
              tone="error"
              title="The export did not start"
              detail={state.error.message}
              hint={
                state.error.code === 'FORBIDDEN'
                  ? 'Choose an output folder inside the allowed folders.'
                  : 'Check the output folder and try again.'
              }
            />
          ) : (
            <ExportReport
              formats={state.formats}
              progress={state.progress}
              {...(state.status === 'done' ? { results: state.results } : {})}
            />
          )}
        </section>
      )}
    </Modal>
  );
}
