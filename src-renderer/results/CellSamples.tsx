/**
 * The samples in one confusion-matrix cell (`results:cell`): pictures with true label,
 * prediction and confidence, most confident first. Off-diagonal cells are the model's
 * mistakes of one kind, which is usually where to look first.
 */
import type { ReactElement } from 'react';
import { Callout } from './Callout.js';
import type { Cell } from './ConfusionMatrix.js';
import { SampleCard } from './SampleCard.js';
import { useHostQuery } from './useHostQuery.js';

const LIMIT = 48;

export interface CellSamplesProps {
  runDir: string;
  cell: Cell | null;
  classNames: readonly string[];
  split?: 'test' | 'validation';
}

export function CellSamples({ runDir, cell, classNames, split }: CellSamplesProps): ReactElement {
  const request = cell ? { runDir, actual: cell.actual, predicted: cell.predicted, limit: LIMIT, ...(split ? { split } : {}) } : null;
  const { state, retry } = useHostQuery('results:cell', request);
  const name = (i: number) => classNames[i] ?? String(i);

  if (!cell) {
    return (
      <section className="card cell-samples" aria-label="Samples in the selected cell">
        <h3 className="card__title">Samples</h3>
        <p className="muted cell-samples__hint">Click a cell of the matrix to see the images in it. Off-diagonal cells are the mistakes.</p>
      </section>
    );
  }
  const title =
    cell.actual === cell.predicted
      ? `${name(cell.actual)}, predicted correctly`
      : `Actual ${name(cell.actual)}, predicted ${name(cell.predicted)}`;
  return (
    <section className="card cell-samples" aria-label={`Samples: ${title}`}>
      <div className="card__head">
        <h3 className="card__title">{title}</h3>
        {state.status === 'ready' && (
          <span className="card__meta">
            {state.value.items.length < state.value.total
              ? `${state.value.items.length} most confident of ${state.value.total.toLocaleString()}`
              : `${state.value.total.toLocaleString()} ${state.value.total === 1 ? 'sample' : 'samples'}`}
          </span>
        )}
      </div>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading samples…
        </p>
      )}
      {state.status === 'error' && (
        <Callout
          tone="error"
          title="Could not load the samples of this cell"
          detail={state.error.message}
          hint="The run folder may have moved. Re-open the project from its folder, or train the run again."
          actions={
            <button type="button" className="btn btn--small" onClick={retry}>
              Try again
            </button>
          }
        />
      )}
      {state.status === 'ready' &&
        (state.value.items.length === 0 ? (
          <p className="muted">No samples in this cell.</p>
        ) : (
          <ul className="sample-grid" aria-label="Samples">
            {state.value.items.map((s) => (
              <SampleCard key={`${s.index}-${s.predicted}`} sample={s} classNames={classNames} />
            ))}
          </ul>
        ))}
    </section>
  );
}
