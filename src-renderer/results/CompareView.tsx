/**
 * Two or more runs compared: their validation curves overlaid (loss, and accuracy or MAE) and
 * a table of settings and results with the differences marked.
 */
import { useMemo, useState, type ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import type { EpochMetrics } from '../../src-shared/training/protocol.js';
import { useEditor } from '../app/editor-context.js';
import { CompareChart } from './CompareChart.js';
import { CompareTable } from './CompareTable.js';
import { resolveSeriesColors, seriesColor } from './series-colors.js';
import { runTask } from './stored-runs.js';

const valLoss = (m: EpochMetrics) => m.valLoss;
const valAccuracy = (m: EpochMetrics) => m.valAccuracy;
const valMae = (m: EpochMetrics) => m.valMae;

export function CompareView({ runs, numbers }: { runs: readonly StoredRun[]; numbers: ReadonlyMap<string, number> }): ReactElement {
  const theme = useEditor((s) => s.theme);
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const labels = useMemo(() => runs.map((r) => `Run ${numbers.get(r.id) ?? '?'}`), [runs, numbers]);
  // Concrete colours for the canvas, re-read when the theme changes the variables' values;
  // CSS variables for the HTML swatches.
  const chartColors = useMemo(() => resolveSeriesColors(runs.length), [runs.length, theme]);
  const cssColors = useMemo(() => runs.map((_, i) => seriesColor(i)), [runs]);
  const regression = runs.every((r) => runTask(r) === 'regression');

  return (
    <section className="results-main__section" aria-labelledby="compare-title">
      <div className="view-head">
        <div>
          <h2 id="compare-title" className="view-head__title">
            Comparing {runs.length} runs
          </h2>
          <p className="view-head__sub">Validation curves per epoch; a dot marks the epoch each run kept.</p>
        </div>
        <ul className="legend" aria-label="Legend">
          {labels.map((label, i) => (
            <li key={label}>
              <span className="legend__swatch" style={{ background: cssColors[i] }} aria-hidden="true" />
              {label}
            </li>
          ))}
        </ul>
      </div>
      <div className="chart-grid">
        <CompareChart title="Validation loss" runs={runs} labels={labels} colors={chartColors} metric={valLoss} />
        {regression ? (
          <CompareChart title="Validation MAE" runs={runs} labels={labels} colors={chartColors} metric={valMae} />
        ) : (
          <CompareChart title="Validation accuracy" runs={runs} labels={labels} colors={chartColors} metric={valAccuracy} percent />
        )}
      </div>
      <div className="section-bar">
        <h3 className="section-title">Settings and results</h3>
        <label className="toggle">
          <input type="checkbox" checked={onlyDifferences} onChange={(e) => setOnlyDifferences(e.target.checked)} />
          Only differences
        </label>
      </div>
      <CompareTable runs={runs} labels={labels} colors={cssColors} onlyDifferences={onlyDifferences} />
    </section>
  );
}
