/**
 * How many samples each class has in each split: a stacked bar chart (chart.js) beside the same
 * numbers as a table, which is also what screen readers and tests read. Imbalance shows at a glance.
 */
import { useEffect, useRef, type ReactElement } from 'react';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import { useEditor } from '../app/editor-context.js';
import { Chart, chartTheme, context2d } from '../training/chart-theme.js';
import { formatCount } from '../training/format.js';

const SPLITS = [
  { key: 'train', label: 'Train' },
  { key: 'validation', label: 'Validation' },
  { key: 'test', label: 'Test' },
] as const;

export function ClassCounts({ inspection }: { inspection: DatasetInspection }): ReactElement {
  const theme = useEditor((s) => s.theme);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { classNames, counts } = inspection;

  useEffect(() => {
    const ctx = context2d(canvas.current);
    if (!ctx) return;
    const t = chartTheme();
    const colors = { train: t.train, validation: t.validation, test: t.test };
    const chart = new Chart(ctx, {
      type: 'bar',
      data: {
        labels: classNames,
        datasets: SPLITS.map((s) => ({ label: s.label, data: counts[s.key], backgroundColor: colors[s.key], borderRadius: 3, maxBarThickness: 44 })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: 'bottom', align: 'start', labels: { color: t.text, font: t.font, boxWidth: 10, boxHeight: 10, usePointStyle: true } },
          tooltip: { mode: 'index', intersect: false },
        },
        scales: {
          x: { stacked: true, ticks: { color: t.text, font: t.font, autoSkip: false, maxRotation: 45 }, grid: { display: false } },
          y: { stacked: true, ticks: { color: t.text, font: t.font, maxTicksLimit: 6 }, grid: { color: t.grid } },
        },
      },
    });
    return () => chart.destroy();
  }, [theme, classNames, counts]);

  const total = (i: number) => SPLITS.reduce((n, s) => n + (counts[s.key][i] ?? 0), 0);
  const sum = (key: (typeof SPLITS)[number]['key']) => counts[key].reduce((a, b) => a + b, 0);
  return (
    <div className="class-counts">
      <div className="class-counts__chart">
        <canvas ref={canvas} role="img" aria-label={`Samples per class and split, ${classNames.length} classes`} />
      </div>
      <div className="class-counts__table">
        <table className="data-table" aria-label="Samples per class">
          <thead>
            <tr>
              <th scope="col">{inspection.task === 'regression' ? 'Rows' : 'Class'}</th>
              {SPLITS.map((s) => (
                <th key={s.key} scope="col" className="num">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {classNames.map((c, i) => (
              <tr key={c}>
                <th scope="row">{c}</th>
                {SPLITS.map((s) => (
                  <td key={s.key} className="num">
                    {formatCount(counts[s.key][i] ?? 0)}
                  </td>
                ))}
                <td className="num strong">{formatCount(total(i))}</td>
              </tr>
            ))}
          </tbody>
          {classNames.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">All</th>
                {SPLITS.map((s) => (
                  <td key={s.key} className="num">
                    {formatCount(sum(s.key))}
                  </td>
                ))}
                <td className="num strong">{formatCount(sum('train') + sum('validation') + sum('test'))}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}
