/**
 * The run history: every run recorded in the project, newest first, with its status, start
 * time, backend, settings in one line and its headline metric. A click opens the run; the
 * checkbox adds it to the comparison.
 */
import type { ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import { bestMetrics, runTask } from './stored-runs.js';
import { STATUS_LABEL, num, pct, settingsSummary, when } from './format.js';
import { useResultsView } from './results-view-state.js';
import { seriesColor } from './series-colors.js';

export interface RunListProps {
  runs: readonly StoredRun[];
  numbers: ReadonlyMap<string, number>;
  /** The run shown in the details pane. */
  currentId: string | null;
}

/** The one number that says how good a run was: best validation accuracy (or MAE). */
export function headline(run: StoredRun): { value: string; label: string } {
  const best = bestMetrics(run);
  if (run.status === 'failed') return { value: '—', label: 'failed' };
  if (runTask(run) === 'regression') return { value: num(run.test?.mae ?? best?.valMae), label: run.test ? 'test MAE' : 'val MAE' };
  return run.test?.accuracy != null
    ? { value: pct(run.test.accuracy), label: 'test acc.' }
    : { value: pct(best?.valAccuracy), label: 'val acc.' };
}

export function StatusChip({ status }: { status: StoredRun['status'] }): ReactElement {
  return <span className={`status-chip status-chip--${status}`}>{STATUS_LABEL[status]}</span>;
}

export function RunList({ runs, numbers, currentId }: RunListProps): ReactElement {
  const compareIds = useResultsView((s) => s.compareIds);
  const select = useResultsView((s) => s.select);
  const toggleCompare = useResultsView((s) => s.toggleCompare);
  const mode = useResultsView((s) => s.mode);

  return (
    <nav className="panel run-list" aria-label="Run history">
      <div className="panel-header">
        <h2>Runs</h2>
        <span className="panel-header__hint">{runs.length > 1 ? 'tick two or more to compare' : `${runs.length} run`}</span>
      </div>
      <ul className="run-list__items" aria-label="Runs">
        {runs.map((run) => {
          const n = numbers.get(run.id) ?? 0;
          const h = headline(run);
          const compareIndex = compareIds.indexOf(run.id);
          const current = mode === 'details' && run.id === currentId;
          return (
            <li key={run.id} className={`run-item ${current ? 'is-current' : ''} ${compareIndex >= 0 ? 'is-compared' : ''}`}>
              <label className="run-item__check" title={`Compare Run ${n}`}>
                <input type="checkbox" aria-label={`Compare Run ${n}`} checked={compareIndex >= 0} onChange={() => toggleCompare(run.id)} />
                {compareIndex >= 0 && (
                  <span className="run-item__swatch" style={{ background: seriesColor(compareIndex) }} aria-hidden="true" />
                )}
              </label>
              <button
                type="button"
                className="run-item__main"
                aria-label={`Run ${n}, ${STATUS_LABEL[run.status]}, started ${when(run.startedAt)}`}
                aria-current={current ? 'true' : undefined}
                onClick={() => select(run.id)}
              >
                <span className="run-item__top">
                  <span className="run-item__name">Run {n}</span>
                  <StatusChip status={run.status} />
                  <span className="run-item__metric">
                    <strong>{h.value}</strong> <span>{h.label}</span>
                  </span>
                </span>
                <span className="run-item__meta">
                  {when(run.startedAt)}
                  {run.backend ? ` · ${run.backend}` : ''}
                </span>
                <span className="run-item__settings">{settingsSummary(run.settings)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
