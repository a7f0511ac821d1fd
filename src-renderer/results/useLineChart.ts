/**
 * A chart.js line chart on a canvas, owned by React: created on mount, its data replaced when
 * the series change, rebuilt when the theme changes (its colours come from CSS variables) and
 * destroyed on unmount. Where a canvas has no 2D context (jsdom), no chart is made: the
 * numbers are in the comparison table anyway.
 */
import { useEffect, useRef, type RefObject } from 'react';
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import { useEditor } from '../app/editor-context.js';
import { cssVar } from './series-colors.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

export interface LineSeries {
  label: string;
  color: string;
  points: { x: number; y: number }[];
  /** Marks one point (the kept epoch) with a larger dot. */
  highlightX?: number | null;
}

export interface LineChartOptions {
  xLabel: string;
  yLabel: string;
  /** Values are fractions shown as percentages. */
  percent?: boolean;
}

function datasets(series: readonly LineSeries[]): ChartDataset<'line', { x: number; y: number }[]>[] {
  return series.map((s) => ({
    label: s.label,
    data: s.points,
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: 2,
    tension: 0.25,
    pointRadius: s.points.map((p) => (p.x === s.highlightX ? 4.5 : 0)),
    pointHoverRadius: 4,
  }));
}

function config(series: readonly LineSeries[], opts: LineChartOptions): ChartConfiguration<'line', { x: number; y: number }[]> {
  const text = cssVar('--text-3', '#8a93a3');
  const grid = cssVar('--border', '#e3e6ec');
  const font = { family: cssVar('--font-ui', 'sans-serif'), size: 11 };
  const tick = (v: number | string) => (opts.percent ? `${(Number(v) * 100).toFixed(1)}%` : String(Number(Number(v).toPrecision(3))));
  return {
    type: 'line',
    data: { datasets: datasets(series) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false, axis: 'x' },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${tick(c.parsed.y ?? 0)}` } },
      },
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: opts.xLabel, color: text, font },
          ticks: { color: text, font, precision: 0, stepSize: 1 },
          grid: { color: grid },
        },
        y: {
          title: { display: true, text: opts.yLabel, color: text, font },
          ticks: { color: text, font, callback: tick },
          grid: { color: grid },
        },
      },
    },
  };
}

/** Returns the ref to put on a <canvas>. */
export function useLineChart(series: readonly LineSeries[], opts: LineChartOptions): RefObject<HTMLCanvasElement | null> {
  const ref = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', { x: number; y: number }[]> | null>(null);
  const theme = useEditor((s) => s.theme);
  const latest = useRef({ series, opts });
  latest.current = { series, opts };

  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    chart.current = new Chart(context, config(latest.current.series, latest.current.opts));
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.datasets = datasets(series);
    c.update();
  }, [series]);

  return ref;
}
