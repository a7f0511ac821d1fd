/**
 * One metric of the compared runs over epochs (validation loss, validation accuracy), a line
 * per run in that run's comparison colour. The canvas is described for screen readers; the
 * exact numbers are in the comparison table below it.
 */
import { useMemo, type ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { EpochMetrics } from '../../src-shared/training/protocol.js';
import { bestMetrics } from './stored-runs.js';
import { useLineChart, type LineSeries } from './useLineChart.js';

export interface CompareChartProps {
  title: string;
  runs: readonly StoredRun[];
  labels: readonly string[];
  colors: readonly string[];
  metric: (m: EpochMetrics) => number | null;
  percent?: boolean;
}

export function CompareChart({ title, runs, labels, colors, metric, percent = false }: CompareChartProps): ReactElement {
  const series = useMemo<LineSeries[]>(
    () =>
      runs.map((run, i) => ({
        label: labels[i] ?? run.id,
        color: colors[i] ?? '#888',
        points: run.history.flatMap((m) => {
          const y = metric(m);
          return y === null || !Number.isFinite(y) ? [] : [{ x: m.epoch, y }];
        }),
        highlightX: bestMetrics(run)?.epoch ?? null,
      })),
    [runs, labels, colors, metric],
  );
  const empty = series.every((s) => s.points.length === 0);
  const ref = useLineChart(series, { xLabel: 'Epoch', yLabel: title, percent });
  return (
    <figure className="card chart-card">
      <figcaption className="card__title">{title}</figcaption>
      <div className="chart-card__plot">
        {/* The canvas stays mounted (hidden when empty) so the chart is created once, not on toggles. */}
        <canvas ref={ref} role="img" aria-label={`${title} per epoch for ${labels.join(', ')}`} hidden={empty} />
        {empty && <p className="muted chart-card__empty">None of these runs recorded {title.toLowerCase()}.</p>}
      </div>
    </figure>
  );
}
