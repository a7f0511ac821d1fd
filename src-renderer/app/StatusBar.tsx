/**
 * The bottom bar: whether the model is ready (or how many problems it has), its size, the latest
 * notice (saved, a refused connection, an applied repair), the transport and the zoom level.
 */
import { useEffect, type ReactElement } from 'react';
import { useStore as useFlowStore } from '@xyflow/react';
import { formatCount } from '../../src-shared/graph/summary.js';
import { countText } from '../inspector/FindingsList.js';
import { formatCompact } from '../inspector/SummaryPanel.js';
import { useDatasetTask } from '../datasets/useDatasetTask.js';
import { getSummary, getValidation } from '../state/derived.js';
import { EMPTY_SELECTION } from '../state/store.js';
import { useEditor, useServices } from './editor-context.js';
import { Icon } from './Icon.js';

const NOTICE_MS = 6000;
const MODE_TEXT = { electron: '', browser: 'Browser mode', memory: 'Demo mode: projects stay in this tab' } as const;

export function StatusBar(): ReactElement {
  const { host, store } = useServices();
  const doc = useEditor((s) => s.doc);
  const notice = useEditor((s) => s.notice);
  const zoom = useFlowStore((s) => s.transform[2]);
  const validation = getValidation(doc, useDatasetTask());
  const summary = getSummary(doc);

  useEffect(() => {
    if (!notice) return;
    const t = setTimeout(() => store.getState().dismissNotice(), NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice, store]);

  const problems = validation.errors + validation.warnings;
  const state = validation.errors > 0 ? 'error' : validation.warnings > 0 ? 'warning' : 'ok';
  return (
    <footer className="statusbar">
      <button
        type="button"
        className={`status-pill status-pill--${state}`}
        onClick={() => store.getState().setSelection(EMPTY_SELECTION)}
        title="Show the model's problems and summary"
      >
        <Icon name={state === 'ok' ? 'checkCircle' : state === 'error' ? 'error' : 'warning'} size={14} />
        <span>{problems === 0 ? 'Ready to train' : countText(validation.errors, validation.warnings)}</span>
      </button>
      <span className="statusbar__stats">
        {doc.nodes.length} layer{doc.nodes.length === 1 ? '' : 's'} · {formatCount(summary.totalParams)} params ·{' '}
        {formatCompact(summary.macs)} MACs
      </span>
      <span className={`statusbar__notice ${notice ? `tone-${notice.tone}` : ''}`} role="status" aria-live="polite">
        {notice?.text}
      </span>
      <span className="statusbar__spacer" />
      {MODE_TEXT[host.mode] && <span className="statusbar__mode">{MODE_TEXT[host.mode]}</span>}
      <span className="statusbar__zoom" aria-label="Zoom level">
        {Math.round(zoom * 100)}%
      </span>
    </footer>
  );
}
