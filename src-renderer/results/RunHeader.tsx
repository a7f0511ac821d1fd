/**
 * The top of a run's page: its name and status, when and where it ran, its settings, the
 * headline numbers, and what can be done with it (export, train again, delete the record).
 */
import type { ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import { useServices, useTraining } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { DASH, duration, num, optimizerLabel, pct, scheduleLabel, lr, when } from './format.js';
import { StatusChip } from './RunList.js';
import { isActive } from '../state/training-store.js';
import { canTrainAgain, trainAgain } from './rerun.js';
import { deleteRun } from './run-edits.js';
import { FINISHED, bestMetrics, runTask } from './stored-runs.js';

function Tile({ label, value, sub }: { label: string; value: string; sub?: string }): ReactElement {
  return (
    <div className="tile">
      <dt>{label}</dt>
      <dd>
        {value}
        {sub && <span className="tile__sub">{sub}</span>}
      </dd>
    </div>
  );
}

export function RunHeader({ run, number }: { run: StoredRun; number: number }): ReactElement {
  const services = useServices();
  const { store } = services;
  const training = useTraining((t) => isActive(t.run?.status));
  const best = bestMetrics(run);
  const regression = runTask(run) === 'regression';
  const took = duration(run);
  const s = run.settings;

  const remove = () => {
    const st = store.getState();
    st.apply(deleteRun(st.doc, run.id));
    st.notify(`Deleted the record of Run ${number} (Undo brings it back; its folder on disk is kept)`, 'info');
  };

  return (
    <div className="run-head">
      <div className="view-head">
        <div>
          <h2 className="view-head__title">
            Run {number} <StatusChip status={run.status} />
          </h2>
          <p className="view-head__sub">
            Started {when(run.startedAt)}
            {took ? ` · took ${took}` : ''}
            {run.backend ? ` · ${run.backend} backend` : ''} · seed {s.seed}
          </p>
        </div>
        <div className="view-head__actions">
          <button
            type="button"
            className="btn"
            disabled={!FINISHED.has(run.status)}
            onClick={() => store.getState().setDialog({ kind: 'export', runId: run.id })}
          >
            <Icon name="export" size={15} /> Export…
          </button>
          <button
            type="button"
            className="btn"
            disabled={training || !canTrainAgain(run)}
            title={training ? 'A run is in progress' : 'Put these settings back and train the current network with them'}
            onClick={() => void trainAgain(services, run)}
          >
            <Icon name="play" size={15} /> Train again
          </button>
          <button type="button" className="btn btn--danger" aria-label={`Delete Run ${number}`} onClick={remove}>
            <Icon name="trash" size={15} /> Delete
          </button>
        </div>
      </div>
      <p className="run-head__settings">
        <span>{optimizerLabel(s)}</span>
        <span>learning rate {lr(s.learningRate)}</span>
        <span>{scheduleLabel(s.schedule)} schedule</span>
        <span>batch {s.batchSize}</span>
        <span>
          {run.history.length} of {s.epochs} epochs
        </span>
        {s.earlyStopping && <span>early stopping, patience {s.earlyStopping.patience}</span>}
        {s.weightDecay ? <span>weight decay {s.weightDecay}</span> : null}
      </p>
      {run.status !== 'failed' && run.status !== 'running' && (
        <dl className="tiles">
          {regression ? (
            <Tile label="Test MAE" value={num(run.test?.mae)} />
          ) : (
            <Tile label="Test accuracy" value={pct(run.test?.accuracy, 2)} />
          )}
          {regression ? (
            <Tile label="Best val MAE" value={num(best?.valMae)} sub={best ? `epoch ${best.epoch}` : undefined} />
          ) : (
            <Tile label="Best val accuracy" value={pct(best?.valAccuracy, 2)} sub={best ? `epoch ${best.epoch}` : undefined} />
          )}
          <Tile label="Best val loss" value={num(best?.valLoss)} />
          <Tile label="Test loss" value={run.test ? num(run.test.loss) : DASH} />
        </dl>
      )}
    </div>
  );
}
