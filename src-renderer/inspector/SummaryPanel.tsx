/**
 * The model summary (nothing selected): Keras's per-layer table plus totals, multiply-adds and
 * activation memory — the same numbers `netwright summary` prints, from the same function.
 */
import { memo, useCallback, type ReactElement } from 'react';
import { formatBytes, formatCount, formatKerasShape } from '../../src-shared/graph/summary.js';
import { useEditor, useServices } from '../app/editor-context.js';
import { getSummary } from '../state/derived.js';

/** `1.2 M` / `34.5 K` for big counts in the stat tiles (the table keeps exact numbers). */
export function formatCompact(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} G`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)} K`;
  return formatCount(n);
}

export function SummaryPanel(): ReactElement {
  const { store } = useServices();
  const doc = useEditor((s) => s.doc);
  const summary = getSummary(doc);
  const select = useCallback((id: string) => store.getState().reveal(id), [store]);
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h3 id="summary-title" className="section-title">
        Model summary
      </h3>
      <dl className="stat-grid">
        <div className="stat">
          <dt>Total params</dt>
          <dd title={`${formatCount(summary.totalParams)} (${formatBytes(summary.totalParams * 4)})`}>
            {formatCount(summary.totalParams)}
          </dd>
          <span className="stat__sub">{formatBytes(summary.totalParams * 4)}</span>
        </div>
        <div className="stat">
          <dt>Multiply-adds / sample</dt>
          <dd title={formatCount(summary.macs)}>{formatCompact(summary.macs)}</dd>
          <span className="stat__sub">{formatCount(summary.macs)}</span>
        </div>
        <div className="stat">
          <dt>Trainable</dt>
          <dd>{formatCount(summary.trainableParams)}</dd>
        </div>
        <div className="stat">
          <dt>Non-trainable</dt>
          <dd>{formatCount(summary.nonTrainableParams)}</dd>
        </div>
        <div className="stat stat--wide">
          <dt>Activation memory / sample</dt>
          <dd>{formatBytes(summary.activationBytes)}</dd>
          <span className="stat__sub">float32</span>
        </div>
      </dl>
      {summary.rows.length > 0 && (
        <table className="summary-table">
          <caption className="visually-hidden">Layers of {summary.name}</caption>
          <thead>
            <tr>
              <th scope="col">Layer (type)</th>
              <th scope="col">Output shape</th>
              <th scope="col" className="num">
                Param #
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((r) => (
              <SummaryRowView
                key={r.id}
                id={r.id}
                name={r.name}
                type={r.type}
                shape={formatKerasShape(r.outputShape)}
                params={r.params}
                onSelect={select}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface RowProps {
  id: string;
  name: string;
  type: string;
  shape: string;
  /** Raw count: formatted inside the memoized row, so unchanged rows cost nothing. */
  params: number;
  onSelect(id: string): void;
}

/** One table row; plain-string props, so an edit re-renders only the rows whose numbers changed. */
const SummaryRowView = memo(function SummaryRowView({ id, name, type, shape, params, onSelect }: RowProps): ReactElement {
  return (
    <tr>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => onSelect(id)} title={`Select ${name}`}>
          {name}
        </button>
        <span className="summary-table__type">{type}</span>
      </th>
      <td className="mono">{shape}</td>
      <td className="num mono">{formatCount(params)}</td>
    </tr>
  );
});
