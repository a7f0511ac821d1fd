/**
 * The Results workspace: the project's run history on the left, and on the right either one
 * run's results or the comparison of the ticked runs. Reads `doc.runs` (the recorded runs)
 * and the live run of the training store (a run still streaming is not in `doc.runs` yet).
 */
import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { DEMO_ROOT } from '../host/memory-host.js';
import { DEMO_TRAINED_PROJECT } from '../host/demo-runs.js';
import { isActive } from '../state/training-store.js';
import { CompareView } from './CompareView.js';
import { useResultsView } from './results-view-state.js';
import { RunDetails } from './RunDetails.js';
import { RunList } from './RunList.js';
import { runNumbers, storedRuns } from './stored-runs.js';

function LiveRunNote(): ReactElement | null {
  const { store } = useServices();
  const live = useTraining((s) => s.run);
  if (!live || !isActive(live.status) || live.stored) return null;
  return (
    <div className="live-note" role="status">
      <span className="live-note__dot" aria-hidden="true" />
      <span>
        Training: epoch {Math.max(1, live.progress.epoch)} of {live.epochs}
      </span>
      <button type="button" className="btn btn--small btn--ghost" onClick={() => store.getState().setWorkspace('train')}>
        Watch
      </button>
    </div>
  );
}

function NoRuns(): ReactElement {
  const { store, host, commands } = useServices();
  return (
    <div className="results-empty">
      <span className="results-empty__icon" aria-hidden="true">
        <Icon name="checkCircle" size={28} />
      </span>
      <h2>No runs yet</h2>
      <p>
        Train this network in the Train tab. Every run is recorded here with its settings, curves and test results, and can be compared and
        exported.
      </p>
      <div className="results-empty__actions">
        <button type="button" className="btn btn--accent" onClick={() => store.getState().setWorkspace('train')}>
          Go to Train
        </button>
        {host.mode === 'memory' && (
          <button type="button" className="btn" onClick={() => void commands.openPath(`${DEMO_ROOT}/${DEMO_TRAINED_PROJECT}`)}>
            Open a trained demo project
          </button>
        )}
      </div>
    </div>
  );
}

export function ResultsView(): ReactElement {
  const doc = useEditor((s) => s.doc);
  const runs = storedRuns(doc);
  const numbers = useMemo(() => runNumbers(runs), [runs]);
  const { selectedId, compareIds, mode, prune, setMode } = useResultsView((s) => s);

  useEffect(() => prune(new Set(runs.map((r) => r.id))), [runs, prune]);

  const current = runs.find((r) => r.id === selectedId) ?? runs[0] ?? null;
  const main = useRef<HTMLElement>(null);
  // Another run or the comparison is a new page: start it at the top.
  useEffect(() => {
    if (main.current) main.current.scrollTop = 0;
  }, [mode, current?.id]);
  const compared = compareIds.flatMap((id) => runs.filter((r) => r.id === id));
  const comparing = mode === 'compare' && compared.length >= 2;

  if (runs.length === 0)
    return (
      <div className="results-view results-view--empty">
        <main className="results-main" aria-label="Results">
          <LiveRunNote />
          <NoRuns />
        </main>
      </div>
    );
  return (
    <div className="results-view">
      <aside className="results-side">
        <LiveRunNote />
        <RunList runs={runs} numbers={numbers} currentId={current?.id ?? null} />
      </aside>
      <main ref={main} className="results-main" aria-label="Results">
        {compared.length >= 2 && (
          <div className="segmented" role="group" aria-label="Show">
            <button type="button" aria-pressed={!comparing} onClick={() => setMode('details')}>
              Run details
            </button>
            <button type="button" aria-pressed={comparing} onClick={() => setMode('compare')}>
              Compare {compared.length} runs
            </button>
          </div>
        )}
        {comparing ? (
          <CompareView runs={compared} numbers={numbers} />
        ) : current ? (
          <RunDetails run={current} number={numbers.get(current.id) ?? 0} />
        ) : null}
      </main>
    </div>
  );
}
