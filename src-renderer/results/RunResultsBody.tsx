/**
 * The evaluation of one finished run (`results:get`): for classification the confusion matrix
 * with its drill-down, per-class metrics, the most confident mistakes and "Try it"; for
 * regression the errors in the target's units. Loading and failure are states of their own,
 * each saying what to do.
 */
import { useState, type ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import { useEditor } from '../app/editor-context.js';
import { Callout } from './Callout.js';
import { CellSamples } from './CellSamples.js';
import { ClassMetricsTable } from './ClassMetricsTable.js';
import { ConfusionMatrix, type Cell } from './ConfusionMatrix.js';
import { pct } from './format.js';
import { biggestMistake } from './metrics.js';
import { MistakesGallery } from './MistakesGallery.js';
import { RegressionSummary } from './RegressionSummary.js';
import { TryIt } from './TryIt.js';
import { useHostQuery } from './useHostQuery.js';

function evaluationHint(code: string): string {
  if (code === 'NOT_FOUND')
    return 'The run’s folder (model and evaluation data) is not where the project says. Move it back next to the project, or train the run again.';
  if (code === 'UNSUPPORTED') return 'This build cannot evaluate runs here. Open the project in the desktop app.';
  return 'Try again; if it keeps failing, train the run again — its settings are kept in the run list.';
}

export function RunResultsBody({ run }: { run: StoredRun }): ReactElement {
  const { state, retry } = useHostQuery('results:get', run.runDir ? { runDir: run.runDir } : null);
  const [cell, setCell] = useState<Cell | null>(null);
  // "Try it" needs images: a CSV project's model takes a row of numbers instead.
  const imageData = useEditor((s) => s.doc.dataset?.kind !== 'csv');

  if (!run.runDir)
    return (
      <Callout
        tone="warning"
        title="This run has no folder on record"
        hint="Its model was not saved, so there is nothing to evaluate. Train it again to get results."
      />
    );
  if (state.status === 'loading')
    return (
      <div className="results-loading" role="status">
        <span className="spinner" aria-hidden="true" /> Evaluating the run on the test split…
      </div>
    );
  if (state.status === 'error')
    return (
      <Callout
        tone="error"
        title="Could not evaluate this run"
        detail={state.error.message}
        hint={evaluationHint(state.error.code)}
        actions={
          <button type="button" className="btn btn--small" onClick={retry}>
            Try again
          </button>
        }
      />
    );

  const results = state.value;
  if (results.task === 'regression') return <RegressionSummary results={results} />;
  // Open on the commonest mistake: the most useful cell to look at first.
  const shown = cell ?? biggestMistake(results.confusion);
  return (
    <>
      <div className="results-grid">
        <section className="card confusion-card" aria-labelledby="confusion-title">
          <div className="card__head">
            <h3 id="confusion-title" className="card__title">
              Confusion matrix
            </h3>
            <span className="card__meta">test split{results.accuracy !== null ? ` · ${pct(results.accuracy, 2)} correct` : ''}</span>
          </div>
          <ConfusionMatrix classNames={results.classNames} confusion={results.confusion} selected={shown} onSelect={setCell} />
        </section>
        <CellSamples runDir={run.runDir} cell={shown} classNames={results.classNames} />
      </div>
      <div className="results-grid">
        <ClassMetricsTable perClass={results.perClass} accuracy={results.accuracy} />
        <div className="results-stack">
          {imageData && <TryIt runDir={run.runDir} />}
          <MistakesGallery mistakes={results.mostConfidentMistakes} classNames={results.classNames} />
        </div>
      </div>
    </>
  );
}
