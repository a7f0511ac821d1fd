/**
 * The mistakes the model was surest about: often mislabelled data, or a confusion the
 * architecture cannot resolve (4 vs 9 without enough resolution), so worth a look first.
 */
import type { ReactElement } from 'react';
import type { PredictedSample } from '../../src-shared/ipc/contract-training.js';
import { SampleCard } from './SampleCard.js';

export function MistakesGallery({
  mistakes,
  classNames,
}: {
  mistakes: readonly PredictedSample[];
  classNames: readonly string[];
}): ReactElement {
  return (
    <section className="card" aria-labelledby="mistakes-title">
      <div className="card__head">
        <h3 id="mistakes-title" className="card__title">
          Most confident mistakes
        </h3>
        <span className="card__meta">wrong, and sure of it — check these labels first</span>
      </div>
      {mistakes.length === 0 ? (
        <p className="muted">No mistakes on this split.</p>
      ) : (
        <ul className="sample-grid sample-grid--wide" aria-label="Most confident mistakes">
          {mistakes.map((s) => (
            <SampleCard key={`${s.index}-${s.predicted}`} sample={s} classNames={classNames} />
          ))}
        </ul>
      )}
    </section>
  );
}
