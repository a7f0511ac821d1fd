/**
 * Validation findings with their one-click repairs. Used for the whole model (nothing selected)
 * and for one layer. The count line is a live status, so screen readers hear when a fix lands.
 */
import type { ReactElement } from 'react';
import type { Finding } from '../../src-shared/graph/findings.js';
import { useServices } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { useRepair } from '../editor/FindingBadge.js';

export function countText(errors: number, warnings: number): string {
  const parts = [
    errors > 0 && `${errors} error${errors === 1 ? '' : 's'}`,
    warnings > 0 && `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return parts.join(', ');
}

const severityRank = (f: Finding): number => (f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2);

export function FindingsList({
  findings,
  showLocate = true,
  emptyText,
}: {
  findings: readonly Finding[];
  showLocate?: boolean;
  emptyText?: string;
}): ReactElement | null {
  const { store } = useServices();
  const repair = useRepair();
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (findings.length === 0) {
    if (!emptyText) return null;
    return (
      <p className="findings-ok" role="status">
        <Icon name="checkCircle" size={16} />
        {emptyText}
      </p>
    );
  }
  // Errors first: they block training; warnings are advice. Array.sort is stable, so the core's order holds within each.
  const ordered = [...findings].sort((a, b) => severityRank(a) - severityRank(b));
  const nameOf = (id: string | undefined) => store.getState().doc.nodes.find((n) => n.id === id)?.name;
  return (
    <div className="findings">
      <p className="findings__count" role="status">
        {countText(errors, warnings)}
      </p>
      <ul className="findings__list" aria-label="Problems">
        {ordered.map((f, i) => (
          <li key={`${f.code}-${f.nodeId ?? ''}-${i}`} className={`finding finding--${f.severity}`}>
            <Icon
              name={f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info'}
              size={15}
              className="finding__icon"
            />
            <div className="finding__body">
              <p className="finding__message">{f.message}</p>
              <div className="finding__actions">
                {f.repair && (
                  <button type="button" className="btn btn--small btn--accent" onClick={() => repair(f.repair!)}>
                    <Icon name="wrench" size={12} />
                    {f.repair.label}
                  </button>
                )}
                {showLocate && f.nodeId && nameOf(f.nodeId) && (
                  <button type="button" className="btn btn--small btn--ghost" onClick={() => store.getState().reveal(f.nodeId!)}>
                    <Icon name="locate" size={12} />
                    Show {nameOf(f.nodeId)}
                  </button>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
