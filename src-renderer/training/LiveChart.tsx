/**
 * One live chart of the dashboard (loss, accuracy, MAE or learning rate) over epochs: the
 * smoothed per-batch curve, the per-epoch training points and the validation points. The chart
 * is driven outside React: it subscribes to the training store (updated at most once per frame)
 * and appends the new points with `chart.update('none')`, so a streaming run never re-renders
 * the component tree. React renders only the frame, legend and latest values.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { EpochMetrics } from '../../src-shared/training/protocol.js';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import type { BatchPoint, LiveRun } from '../state/training-store.js';
import { Chart, chartTheme, context2d, type ChartTheme } from './chart-theme.js';
import { formatMetric } from './format.js';
import { scheduleCurve } from './schedule-math.js';
import { emptyBatchSeries, epochPoints, rateSteps, syncBatchSeries, type XY } from './series-sync.js';

export type MetricKind = 'loss' | 'accuracy' | 'mae' | 'lr';

interface Picks {
  batch: ((b: BatchPoint) => number | null) | null;
  train: (m: EpochMetrics) => number | null;
  validation: ((m: EpochMetrics) => number | null) | null;
}

const PICKS: Record<MetricKind, Picks> = {
  loss: { batch: (b) => b.loss, train: (m) => m.loss, validation: (m) => m.valLoss },
  accuracy: { batch: (b) => b.accuracy, train: (m) => m.accuracy, validation: (m) => m.valAccuracy },
  mae: { batch: null, train: (m) => m.mae, validation: (m) => m.valMae },
  lr: { batch: null, train: (m) => m.learningRate, validation: null },
};

type LineConfig = ChartConfiguration<'line', XY[]>;

/** Learning rate: the planned schedule (dashed) behind the rates actually used, as staircases. */
function lrDatasets(t: ChartTheme): LineConfig['data']['datasets'] {
  return [
    { label: 'planned', data: [], borderColor: t.text, borderWidth: 1, borderDash: [3, 3], pointRadius: 0, stepped: 'before' },
    { label: 'learning rate', data: [], borderColor: t.lr, backgroundColor: t.lrSoft, fill: 'origin', borderWidth: 2, pointRadius: 0, stepped: 'before' },
    { label: 'unused', data: [] },
  ];
}

function config(metric: MetricKind, t: ChartTheme): LineConfig {
  const percent = metric === 'accuracy';
  const tick = (v: number | string) => (percent ? `${Math.round(Number(v) * 100)}%` : String(Number(Number(v).toPrecision(3))));
  return {
    type: 'line',
    data: {
      datasets:
        metric === 'lr'
          ? lrDatasets(t)
          : [
              { label: 'train (per batch, smoothed)', data: [], borderColor: t.trainSoft, backgroundColor: t.trainSoft, borderWidth: 1.5, pointRadius: 0, tension: 0.2 },
              { label: 'train (per epoch)', data: [], borderColor: t.train, backgroundColor: t.train, borderWidth: 2, pointRadius: 3 },
              { label: 'validation (per epoch)', data: [], borderColor: t.validation, backgroundColor: t.validation, borderWidth: 2, borderDash: [5, 4], pointRadius: 3 },
            ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { title: (items) => `epoch ${Number(items[0]?.parsed.x ?? 0).toFixed(2)}`, label: (c) => `${c.dataset.label ?? ''}: ${formatMetric(metric, c.parsed.y ?? 0)}` } },
      },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'epoch', color: t.text, font: t.font }, ticks: { color: t.text, font: t.font, precision: 0 }, grid: { color: t.grid } },
        y: {
          type: 'linear',
          ...(percent ? { min: 0, max: 1 } : {}),
          ...(metric === 'lr' ? { beginAtZero: true } : {}),
          ticks: { color: t.text, font: t.font, callback: tick, maxTicksLimit: 6 },
          grid: { color: t.grid },
        },
      },
    },
  };
}

export interface LiveChartProps {
  metric: MetricKind;
  title: string;
  /** EMA factor for the per-batch curve (0 = raw). */
  smoothing: number;
}

export function LiveChart({ metric, title, smoothing }: LiveChartProps): ReactElement {
  const { training, store } = useServices();
  const theme = useEditor((s) => s.theme);
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useTraining((s) => s.run?.history.at(-1) ?? null);
  // Before a run, the x axis spans the epochs the settings ask for.
  const plannedEpochs = useEditor((s) => s.doc.training.epochs);
  const picks = PICKS[metric];

  useEffect(() => {
    const ctx = context2d(canvas.current);
    if (!ctx) return;
    const chart = new Chart(ctx, config(metric, chartTheme()));
    const batches = emptyBatchSeries(smoothing);
    let history: LiveRun['history'] | null = null;
    let planned: object | null = null;
    const sync = (run: LiveRun | null) => {
      const [batchSet, trainSet, valSet] = chart.data.datasets;
      let changed = picks.batch ? syncBatchSeries(batches, run, picks.batch, smoothing) : false;
      if (changed && batchSet) batchSet.data = batches.points;
      // The planned schedule: the run's settings, or before a run the document's.
      const plan = run?.settings ?? store.getState().doc.training;
      if (metric === 'lr' && plan !== planned && batchSet) {
        planned = plan;
        batchSet.data = rateSteps(scheduleCurve(plan).map((rate, i) => ({ epoch: i + 1, rate })));
        changed = true;
      }
      if ((run?.history ?? null) !== history) {
        history = run?.history ?? null;
        if (trainSet) trainSet.data = metric === 'lr' ? rateSteps((history ?? []).map((m) => ({ epoch: m.epoch, rate: m.learningRate }))) : epochPoints(history ?? [], picks.train);
        if (valSet) valSet.data = picks.validation ? epochPoints(history ?? [], picks.validation) : [];
        changed = true;
      }
      const xMax = Math.max(1, run?.epochs ?? plannedEpochs);
      if (chart.options.scales?.x && chart.options.scales.x.max !== xMax) {
        chart.options.scales.x.max = xMax;
        changed = true;
      }
      if (changed) chart.update('none');
    };
    sync(training.getState().run);
    const off = training.subscribe((s, prev) => {
      if (s.run !== prev.run) sync(s.run);
    });
    // Before a run the learning-rate chart previews the document's schedule as it is edited.
    const offDoc = store.subscribe((s, prev) => {
      if (metric === 'lr' && s.doc.training !== prev.doc.training) sync(training.getState().run);
    });
    return () => {
      off();
      offDoc();
      chart.destroy();
    };
  }, [training, store, theme, smoothing, metric, picks, plannedEpochs]);

  const train = last ? picks.train(last) : null;
  const val = last && picks.validation ? picks.validation(last) : null;
  const summary =
    train === null ? `${title}: no epoch finished yet` : `${title} after epoch ${last!.epoch}: train ${formatMetric(metric, train)}${val !== null ? `, validation ${formatMetric(metric, val)}` : ''}`;

  return (
    <figure className="live-chart" aria-label={title}>
      <figcaption className="live-chart__head">
        <span className="live-chart__title">{title}</span>
        <span className="live-chart__values" aria-live="off">
          {train !== null && (
            <span>
              <i className={`swatch swatch--${metric === 'lr' ? 'lr' : 'train'}`} aria-hidden="true" />
              {formatMetric(metric, train)}
            </span>
          )}
          {val !== null && (
            <span>
              <i className="swatch swatch--validation" aria-hidden="true" />
              {formatMetric(metric, val)}
            </span>
          )}
        </span>
      </figcaption>
      <div className="live-chart__canvas">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
    </figure>
  );
}
