/**
 * The Train workspace's main area: the run's header (status, progress, backend, controls), the
 * error explained when a run fails, the live numbers and the charts. Before the first run it
 * shows what will be trained and the estimate. The last run stays on screen after it ends.
 */
import { memo, useState, type ReactElement } from 'react';
import { useEditor, useTraining } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { useDatasetTask } from '../datasets/useDatasetTask.js';
import { getSummary } from '../state/derived.js';
import { isActive, type LiveRun } from '../state/training-store.js';
import { BackendBadge } from './BackendBadge.js';
import { EstimateCard } from './EstimateCard.js';
import { formatCount, formatRate, percent } from './format.js';
import { LiveChart } from './LiveChart.js';
import { MetricCards } from './MetricCards.js';
import { RunControls, useStartBlocker } from './RunControls.js';
import { RunErrorCard } from './RunErrorCard.js';
import { RunLog } from './RunLog.js';

const STATUS_TEXT: Record<LiveRun['status'], string> = {
  starting: 'Starting…',
  running: 'Training',
  paused: 'Paused',
  stopping: 'Stopping…',
  completed: 'Completed',
  stopped: 'Stopped',
  'early-stopped': 'Stopped early',
  failed: 'Failed',
};

const SMOOTHING = [0, 0.6, 0.8, 0.9, 0.95] as const;

export function TrainDashboard(): ReactElement {
  const run = useTraining((s) => s.run);
  const [smoothing, setSmoothing] = useState<number>(0.6);
  const task = useDatasetTask();
  const regression = (run?.dataset?.task ?? task?.task) === 'regression';
  return (
    <main className="dashboard" aria-label="Training dashboard">
      <RunHeader run={run} />
      {run?.error && <RunErrorCard run={run} error={run.error} />}
      {!run || (run.id === null && run.status === 'failed') ? (
        <div className="dashboard__ready">
          <ReadyCard />
          <EstimateCard />
        </div>
      ) : (
        <MetricCards run={run} />
      )}
      <div className="charts-head">
        <h3 className="section-title">Curves</h3>
        <label className="inline-select">
          <span>Batch smoothing</span>
          <select value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))}>
            {SMOOTHING.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? 'off' : s}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Charts smoothing={smoothing} regression={regression} empty={!run || run.id === null} />
      {run && run.id !== null && <RunLog logs={run.logs} />}
    </main>
  );
}

/** Memoized: the charts update themselves from the store; a new frame of numbers must not re-render them. */
const Charts = memo(function Charts({ smoothing, regression, empty }: { smoothing: number; regression: boolean; empty: boolean }): ReactElement {
  return (
    <div className={`chart-grid ${empty ? 'is-empty' : ''}`}>
      <LiveChart metric="loss" title="Loss" smoothing={smoothing} />
      <LiveChart metric={regression ? 'mae' : 'accuracy'} title={regression ? 'Mean absolute error' : 'Accuracy'} smoothing={smoothing} />
      <LiveChart metric="lr" title="Learning rate" smoothing={0} />
      {empty && <p className="chart-grid__empty">The curves appear here as soon as training starts: per batch (smoothed) and per epoch, training and validation.</p>}
    </div>
  );
});

function RunHeader({ run }: { run: LiveRun | null }): ReactElement {
  const runs = useEditor((s) => s.doc.runs.length);
  const p = run?.progress;
  const total = run && p && p.batchesPerEpoch > 0 ? run.epochs * p.batchesPerEpoch : 0;
  const done = run?.finished ? total : p && total > 0 ? (Math.max(0, p.epoch - 1) * p.batchesPerEpoch + p.batch) : 0;
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const number = run && !run.stored ? runs + 1 : runs;
  const title = !run || run.id === null ? 'New run' : `Run ${number}`;
  return (
    <div className="dash-head">
      <div className="dash-head__main">
        <div className="dash-head__title">
          <h2>{title}</h2>
          {run && run.id !== null && <span className={`run-status run-status--${run.status}`}>{STATUS_TEXT[run.status]}</span>}
          {run?.status === 'starting' && <span className="run-status run-status--starting">{STATUS_TEXT.starting}</span>}
          {run && run.id !== null && <span className="dash-head__when">started {new Date(run.startedAt).toLocaleTimeString()}</span>}
        </div>
        {run && run.id !== null && (
          <div className="run-progress">
            <div
              className={`run-progress__bar ${isActive(run.status) ? 'is-active' : ''}`}
              role="progressbar"
              aria-label="Training progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(fraction * 100)}
            >
              <span style={{ width: `${fraction * 100}%` }} />
            </div>
            <span className="run-progress__text">
              {p?.data && run.status !== 'failed' ? `Loading data: ${p.data.phase} ${formatCount(p.data.done)} / ${formatCount(p.data.total)}` : `${percent(fraction)}`}
            </span>
          </div>
        )}
      </div>
      {run?.backend && <BackendBadge backend={run.backend} />}
      <RunControls />
    </div>
  );
}

/** What a run would train: the dataset, the model and the settings, and what stops it from starting. */
function ReadyCard(): ReactElement {
  const doc = useEditor((s) => s.doc);
  const inspection = useTraining((s) => s.dataset.inspection);
  const blocker = useStartBlocker();
  const summary = getSummary(doc);
  const t = doc.training;
  const samples = inspection ? inspection.counts.train.reduce((a, b) => a + b, 0) : null;
  const data = doc.dataset
    ? doc.dataset.kind === 'mnist'
      ? 'MNIST digits'
      : doc.dataset.path.split(/[\\/]/).filter(Boolean).pop() ?? doc.dataset.path
    : 'none chosen';
  return (
    <section className="card ready" aria-labelledby="ready-title">
      <div className="card__head">
        <h3 id="ready-title" className="card__title">
          <Icon name="target" size={15} />
          This run will train
        </h3>
      </div>
      <dl className="ready__list">
        <div>
          <dt>Model</dt>
          <dd>
            {doc.name} · {doc.nodes.length} layers · {formatCount(summary.totalParams)} parameters
          </dd>
        </div>
        <div>
          <dt>Data</dt>
          <dd>
            {data}
            {inspection && samples !== null && ` · ${formatCount(samples)} training samples · ${inspection.classNames.length} ${inspection.task === 'classification' ? 'classes' : 'target'}`}
          </dd>
        </div>
        <div>
          <dt>Settings</dt>
          <dd>
            {t.optimizer === 'sgd' ? 'SGD' : t.optimizer === 'adam' ? 'Adam' : t.optimizer === 'rmsprop' ? 'RMSprop' : 'Adagrad'} · lr {formatRate(t.learningRate)} · batch {t.batchSize} · {t.epochs} epoch{t.epochs === 1 ? '' : 's'} · seed {t.seed}
          </dd>
        </div>
      </dl>
      {blocker ? (
        <p className="ready__blocker" role="status">
          <Icon name="warning" size={14} />
          {blocker}
        </p>
      ) : (
        <p className="ready__ok">
          <Icon name="checkCircle" size={14} />
          Ready: press Start training.
        </p>
      )}
    </section>
  );
}
