/**
 * The live numbers of a run: epoch and batch, loss and accuracy (or MAE) with their validation
 * values, learning rate, throughput, time and memory. Re-rendered once per frame at most (the
 * store is updated per frame), and only these cards, not the app.
 */
import type { ReactElement } from 'react';
import type { LiveRun } from '../state/training-store.js';
import { formatBytes, formatCount, formatDuration, formatMetric, formatRate, formatThroughput } from './format.js';

function Card({ label, value, sub }: { label: string; value: string; sub?: string | undefined }): ReactElement {
  return (
    <div className="metric">
      <dt>{label}</dt>
      <dd>
        <span className="metric__value">{value}</span>
        {sub && <span className="metric__sub">{sub}</span>}
      </dd>
    </div>
  );
}

const show = (kind: 'loss' | 'accuracy' | 'mae', v: number | null | undefined) => (v === null || v === undefined ? '—' : formatMetric(kind, v));

export function MetricCards({ run }: { run: LiveRun }): ReactElement {
  const p = run.progress;
  const last = run.history.at(-1) ?? null;
  const lastBatch = run.batchCount > 0 ? (run.batches[run.batchCount - 1] ?? null) : null;
  const regression = (run.dataset?.task ?? (last && last.accuracy === null && last.mae !== null ? 'regression' : 'classification')) === 'regression';
  // During an epoch the running batch average is the freshest number; after it, the epoch's.
  const loss = lastBatch && lastBatch.epoch > (last?.epoch ?? 0) ? lastBatch.loss : last?.loss;
  const accuracy = lastBatch && lastBatch.epoch > (last?.epoch ?? 0) ? lastBatch.accuracy : last?.accuracy;
  const ended = run.finished !== null || run.status === 'failed';
  return (
    <dl className="metric-grid" aria-label="Run metrics">
      <Card label="Epoch" value={`${Math.max(p.epoch, last?.epoch ?? 0)} / ${run.epochs}`} sub={p.batchesPerEpoch ? `batch ${p.batch} / ${formatCount(p.batchesPerEpoch)}` : undefined} />
      <Card label="Loss" value={show('loss', loss)} sub={last?.valLoss != null ? `val ${show('loss', last.valLoss)}` : undefined} />
      {regression ? (
        <Card label="MAE" value={show('mae', last?.mae)} sub={last?.valMae != null ? `val ${show('mae', last.valMae)}` : undefined} />
      ) : (
        <Card label="Accuracy" value={show('accuracy', accuracy)} sub={last?.valAccuracy != null ? `val ${show('accuracy', last.valAccuracy)}` : undefined} />
      )}
      <Card label="Learning rate" value={p.learningRate === null ? '—' : formatRate(p.learningRate)} sub={run.settings.schedule && run.settings.schedule.kind !== 'constant' ? run.settings.schedule.kind : undefined} />
      <Card label="Samples / s" value={formatThroughput(p.samplesPerSecond)} sub={run.settings.batchSize ? `batch ${run.settings.batchSize}` : undefined} />
      <Card label={ended ? 'Time' : 'Time left'} value={ended ? formatDuration(run.finished?.seconds ?? p.elapsedSeconds) : formatDuration(p.etaSeconds)} sub={ended ? undefined : `${formatDuration(p.elapsedSeconds)} elapsed`} />
      <Card label="Memory" value={p.memoryBytes === null ? '—' : formatBytes(p.memoryBytes)} sub={p.numTensors === null ? undefined : `${formatCount(p.numTensors)} tensors`} />
    </dl>
  );
}
