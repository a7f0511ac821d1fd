/**
 * Settings and results of the compared runs side by side. Settings where the runs differ are
 * marked (a tinted row and the word "differs"), so the change that explains a better curve is
 * easy to find; among results the best value is marked (a star, "best" for screen readers).
 */
import type { ReactElement } from 'react';
import { compareRows, type CompareRow } from './compare.js';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';

export interface CompareTableProps {
  runs: readonly StoredRun[];
  labels: readonly string[];
  colors: readonly string[];
  /** Show only rows where the runs differ. */
  onlyDifferences: boolean;
}

function Rows({ rows, group }: { rows: CompareRow[]; group: CompareRow['group'] }): ReactElement | null {
  const shown = rows.filter((r) => r.group === group);
  if (shown.length === 0) return null;
  return (
    <tbody>
      <tr className="compare-table__group">
        <th scope="rowgroup" colSpan={(shown[0]?.values.length ?? 0) + 1}>
          {group}
        </th>
      </tr>
      {shown.map((row) => {
        // Results nearly always differ; marking them all would hide the settings that explain them.
        const mark = row.differs && group === 'Settings';
        return (
          <tr key={row.label} className={mark ? 'differs' : undefined} data-differs={mark || undefined}>
            <th scope="row">
              {row.label}
              {mark && <span className="compare-table__differs">differs</span>}
            </th>
            {row.values.map((v, i) => (
              <td key={i} className={row.best === i ? 'is-best' : undefined}>
                {v}
                {row.best === i && <span className="visually-hidden"> (best)</span>}
              </td>
            ))}
          </tr>
        );
      })}
    </tbody>
  );
}

export function CompareTable({ runs, labels, colors, onlyDifferences }: CompareTableProps): ReactElement {
  const all = compareRows(runs);
  const rows = onlyDifferences ? all.filter((r) => r.differs) : all;
  return (
    <div className="card">
      <table className="compare-table" aria-label="Run comparison">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Setting or result</span>
            </th>
            {labels.map((label, i) => (
              <th scope="col" key={label}>
                <span className="compare-table__swatch" style={{ background: colors[i] }} aria-hidden="true" />
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <Rows rows={rows} group="Settings" />
        <Rows rows={rows} group="Results" />
      </table>
      {rows.length === 0 && <p className="muted compare-table__none">These runs have the same settings and results.</p>}
    </div>
  );
}
