/**
 * The problem marker on a node card: an icon button whose popover (on hover or keyboard focus)
 * lists the node's findings, each with its one-click repair.
 */
import { memo, useId, type ReactElement } from 'react';
import type { Repair } from '../../src-shared/graph/findings.js';
import { Icon } from '../app/Icon.js';
import { useServices } from '../app/editor-context.js';
import { applyRepair } from '../state/document-edits.js';
import type { NodeFinding } from './flow-adapter.js';

/** Applies a repair as one undoable edit and selects what it touched. */
export function useRepair(): (repair: Repair) => void {
  const { store } = useServices();
  return (repair) => {
    const s = store.getState();
    s.apply(applyRepair(s.doc, repair));
    s.notify(`${repair.label}: done`, 'success');
  };
}

export const FindingBadge = memo(function FindingBadge({
  name,
  findings,
}: {
  name: string;
  findings: readonly NodeFinding[];
}): ReactElement {
  const repair = useRepair();
  const popId = useId();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const severity = errors > 0 ? 'error' : 'warning';
  const count = findings.length;
  const summary = `${count} ${errors > 0 ? 'problem' : 'warning'}${count === 1 ? '' : 's'} in ${name}`;
  return (
    <div className={`finding-badge finding-badge--${severity} nodrag nopan`}>
      <button type="button" className="finding-badge__button" aria-label={summary} aria-describedby={popId}>
        <Icon name={severity === 'error' ? 'error' : 'warning'} size={14} />
        {count > 1 && <span className="finding-badge__count">{count}</span>}
      </button>
      <div className="finding-badge__popover" id={popId} role="tooltip">
        {findings.map((f, i) => (
          <div key={i} className={`finding-pop finding-pop--${f.severity}`}>
            <p>{f.message}</p>
            {f.repair && (
              <button type="button" className="btn btn--small btn--accent" onClick={() => repair(f.repair!)}>
                <Icon name="wrench" size={12} />
                {f.repair.label}
              </button>
            )}
          </div>
        ))}
      </div>
    </div>
  );
});
