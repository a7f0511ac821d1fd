/**
 * Per-class precision, recall and F1 with the support, plus the macro average (every class
 * counts the same, so a neglected small class shows). A bar under F1 makes the weak classes
 * visible at a glance; the numbers are the content.
 */
import type { ReactElement } from 'react';
import type { ClassMetrics } from '../../src-shared/ipc/contract-training.js';
import { pct, ratio } from './format.js';
import { macroAverage } from './metrics.js';

export function ClassMetricsTable({ perClass, accuracy }: { perClass: readonly ClassMetrics[]; accuracy: number | null }): ReactElement {
  const macro = macroAverage(perClass);
  const weakest = perClass.reduce<ClassMetrics | null>((w, c) => (w === null || c.f1 < w.f1 ? c : w), null);
  return (
    <section className="card" aria-labelledby="per-class-title">
      <div className="card__head">
        <h3 id="per-class-title" className="card__title">
          Per-class metrics
        </h3>
        {weakest && (
          <span className="card__meta">
            weakest: <strong>{weakest.className}</strong> (F1 {ratio(weakest.f1)})
          </span>
        )}
      </div>
      <table className="metrics-table" aria-label="Per-class precision, recall and F1">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Precision</th>
            <th scope="col">Recall</th>
            <th scope="col">F1</th>
            <th scope="col">Support</th>
          </tr>
        </thead>
        <tbody>
          {perClass.map((c) => (
            <tr key={c.className} className={c === weakest && perClass.length > 2 ? 'is-weakest' : undefined}>
              <th scope="row">{c.className}</th>
              <td>{ratio(c.precision)}</td>
              <td>{ratio(c.recall)}</td>
              <td>
                <span className="f1">
                  <span className="f1__bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(0, Math.min(1, c.f1)) * 100}%` }} />
                  </span>
                  {ratio(c.f1)}
                </span>
              </td>
              <td>{c.support.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
        {macro && (
          <tfoot>
            <tr>
              <th scope="row">Macro average</th>
              <td>{ratio(macro.precision)}</td>
              <td>{ratio(macro.recall)}</td>
              <td>{ratio(macro.f1)}</td>
              <td>{macro.support.toLocaleString()}</td>
            </tr>
            {accuracy !== null && (
              <tr>
                <th scope="row">Accuracy</th>
                <td colSpan={3}>{pct(accuracy, 2)}</td>
                <td>{macro.support.toLocaleString()}</td>
              </tr>
            )}
          </tfoot>
        )}
      </table>
    </section>
  );
}
