/**
 * One run's learning curves, training against validation: a gap that opens up is overfitting,
 * two curves still falling mean more epochs would help. The dot marks the epoch the run kept.
 */
import { useMemo, type ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { EpochMetrics } from '../../src-shared/training/protocol.js';
import { useEditor } from '../app/editor-context.js';
import { cssVar } from './series-colors.js';
import { bestMetrics, runTask } from './stored-runs.js';
import { useLineChart, type LineSeries } from './useLineChart.js';

type Metric = (m: EpochMetrics) => number | null;

function Curve({
  title,
  run,
  train,
  val,
  percent,
}: {
  title: string;
  run: StoredRun;
  train: Metric;
  val: Metric;
  percent?: boolean;
}): ReactElement {
  const theme = useEditor((s) => s.theme);
  const series = useMemo<LineSeries[]>(() => {
    const points = (f: Metric) => run.history.flatMap((m) => (f(m) === null ? [] : [{ x: m.epoch, y: f(m)! }]));
    const kept = bestMetrics(run)?.epoch ?? null;
    return [
      { label: 'Training', color: cssVar('--text-3', '#8a93a3'), points: points(train), highlightX: null },
      { label: 'Validation', color: cssVar('--accent', '#4f46e5'), points: points(val), highlightX: kept },
    ];
    // theme: the colours are CSS variables whose values change with it
  }, [run, train, val, theme]);
  const ref = useLineChart(series, { xLabel: 'Epoch', yLabel: title, percent: percent ?? false });
  return (
    <figure className="run-curve">
      <figcaption>
        {title}
        <span className="run-curve__key">
          <span className="run-curve__swatch run-curve__swatch--train" aria-hidden="true" /> training
          <span className="run-curve__swatch run-curve__swatch--val" aria-hidden="true" /> validation
        </span>
      </figcaption>
      <div className="run-curve__plot">
        <canvas ref={ref} role="img" aria-label={`${title} per epoch, training and validation`} />
      </div>
    </figure>
  );
}

const loss: Metric = (m) => (Number.isFinite(m.loss) ? m.loss : null);
const valLoss: Metric = (m) => m.valLoss;
const accuracy: Metric = (m) => m.accuracy;
const valAccuracy: Metric = (m) => m.valAccuracy;
const mae: Metric = (m) => m.mae;
const valMae: Metric = (m) => m.valMae;

export function RunCurves({ run }: { run: StoredRun }): ReactElement | null {
  if (run.history.length === 0) return null;
  const regression = runTask(run) === 'regression';
  return (
    <section className="card run-curves" aria-label="Learning curves">
      <Curve title="Loss" run={run} train={loss} val={valLoss} />
      {regression ? (
        <Curve title="MAE" run={run} train={mae} val={valMae} />
      ) : (
        <Curve title="Accuracy" run={run} train={accuracy} val={valAccuracy} percent />
      )}
    </section>
  );
}
