/**
 * Per format, while exporting and after: a row with its stage (waiting, exporting, checking)
 * and, once done, the parity verdict — top-1 agreement with the app's predictions, the largest
 * difference in outputs, the report line — or the failure message. One failing format never
 * hides the others' success.
 */
import type { ReactElement } from 'react';
import type { FormatExportResult } from '../../src-shared/ipc/contract-training.js';
import { Icon, type IconName } from '../app/Icon.js';
import { pct } from '../results/format.js';
import { formatLabel, outcome, OUTCOME_LABEL, type ExportFormat, type Outcome } from './formats.js';
import type { Progress, Stage } from './useExportRun.js';

const STAGE_LABEL: Record<Stage, string> = {
  waiting: 'Waiting',
  exporting: 'Exporting…',
  checking: 'Checking predictions…',
  done: 'Done',
  failed: 'Failed',
};
const OUTCOME_ICON: Record<Outcome, IconName> = { pass: 'checkCircle', mismatch: 'warning', failed: 'error' };

const absDiff = (d: number | null) => (d === null ? '—' : d === 0 ? '0' : d.toExponential(1));

function ResultRow({ result }: { result: FormatExportResult }): ReactElement {
  const o = outcome(result);
  const name = formatLabel(result.format);
  return (
    <li className={`format-row format-row--${o}`} aria-label={`${name}: ${OUTCOME_LABEL[o]}`}>
      <Icon name={OUTCOME_ICON[o]} size={18} className="format-row__icon" />
      <div className="format-row__body">
        <div className="format-row__head">
          <strong>{name}</strong>
          <span className={`verdict verdict--${o}`}>{OUTCOME_LABEL[o]}</span>
          {o !== 'failed' && (
            <span className="format-row__stats">
              <span>
                top-1 agreement <b>{pct(result.topOneAgreement)}</b>
              </span>
              <span>
                max |Δ| <b>{absDiff(result.maxAbsDiff)}</b>
              </span>
            </span>
          )}
        </div>
        {o === 'failed' ? (
          <p className="format-row__error" role="alert">
            {result.report}
          </p>
        ) : (
          <code className="format-row__report" title={result.dir ? `Written to ${result.dir}` : undefined}>
            {result.report}
          </code>
        )}
      </div>
    </li>
  );
}

function ProgressRow({ format, stage, message }: { format: ExportFormat; stage: Stage; message: string }): ReactElement {
  const busy = stage === 'exporting' || stage === 'checking';
  return (
    <li className={`format-row format-row--${stage}`} aria-label={`${formatLabel(format)}: ${STAGE_LABEL[stage]}`}>
      {busy ? <span className="spinner format-row__icon" aria-hidden="true" /> : <span className="format-row__dot" aria-hidden="true" />}
      <div className="format-row__body">
        <div className="format-row__head">
          <strong>{formatLabel(format)}</strong>
          <span className="format-row__stage">{STAGE_LABEL[stage]}</span>
        </div>
        {message && <span className="format-row__message">{message}</span>}
      </div>
    </li>
  );
}

export function ExportReport({
  formats,
  progress,
  results,
}: {
  formats: readonly ExportFormat[];
  progress: Progress;
  results?: readonly FormatExportResult[];
}): ReactElement {
  return (
    <ul className="format-rows" aria-label="Export results" aria-live="polite">
      {formats.map((f) => {
        const result = results?.find((r) => r.format === f);
        if (result) return <ResultRow key={f} result={result} />;
        const p = progress[f] ?? { stage: 'waiting' as Stage, message: '' };
        return <ProgressRow key={f} format={f} stage={p.stage} message={p.message} />;
      })}
    </ul>
  );
}
