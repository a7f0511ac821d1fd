/**
 * Before a run: how big the model is and how long an epoch will take. Parameters and MACs come
 * from the model; memory is weights + optimizer state + activations for the batch size; seconds
 * per epoch are measured by the host on a few real batches, on the backend a run would use.
 */
import type { ReactElement } from 'react';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { formatBytes, formatCompact, formatCount, formatDuration } from './format.js';
import { estimateTraining } from './training-commands.js';

export function EstimateCard(): ReactElement {
  const services = useServices();
  const estimate = useTraining((s) => s.estimate);
  const epochs = useEditor((s) => s.doc.training.epochs);
  const v = estimate.value;
  return (
    <section className="card estimate" aria-labelledby="estimate-title">
      <div className="card__head">
        <h3 id="estimate-title" className="card__title">
          <Icon name="clock" size={15} />
          Estimate
        </h3>
        <button type="button" className="btn btn--small" disabled={estimate.status === 'loading'} onClick={() => void estimateTraining(services)}>
          <Icon name="refresh" size={13} />
          {estimate.status === 'loading' ? 'Measuring…' : v ? 'Measure again' : 'Estimate'}
        </button>
      </div>
      {estimate.status === 'failed' && (
        <p className="card__error" role="alert">
          {estimate.error}
        </p>
      )}
      {!v && estimate.status !== 'failed' && (
        <p className="card__empty">Times a few real batches on this machine’s backend and sizes the model for your batch size.</p>
      )}
      {v && (
        <dl className="estimate__grid">
          <div>
            <dt>Parameters</dt>
            <dd>{formatCount(v.params)}</dd>
          </div>
          <div>
            <dt>MACs / sample</dt>
            <dd>{formatCompact(v.macsPerSample)}</dd>
          </div>
          <div>
            <dt>Memory per batch</dt>
            <dd>{formatBytes(v.memoryBytes)}</dd>
          </div>
          <div>
            <dt>Batches / epoch</dt>
            <dd>{formatCount(v.batchesPerEpoch)}</dd>
          </div>
          <div>
            <dt>Time / epoch</dt>
            <dd>{formatDuration(v.secondsPerEpoch)}</dd>
          </div>
          <div>
            <dt>All {epochs} epochs</dt>
            <dd>≈ {formatDuration(v.secondsPerEpoch * epochs)}</dd>
          </div>
        </dl>
      )}
      {v && <p className="card__foot">Measured on {v.backend}, {formatCount(v.samplesPerEpoch)} training samples per epoch.</p>}
    </section>
  );
}
