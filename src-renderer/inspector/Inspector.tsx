/**
 * The right-hand panel: the selected layer's inspector, a short note for a multi-selection,
 * or, with nothing selected, the model's problems and its summary.
 */
import type { ReactElement } from 'react';
import { useAction, useEditor } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { useDatasetTask } from '../datasets/useDatasetTask.js';
import { getValidation } from '../state/derived.js';
import { FindingsList } from './FindingsList.js';
import { NodeInspector } from './NodeInspector.js';
import { SummaryPanel } from './SummaryPanel.js';

export function Inspector(): ReactElement {
  const selection = useEditor((s) => s.selection);
  const single = selection.nodes.length === 1 ? selection.nodes[0]! : null;
  const singleName = useEditor((s) => (single ? s.doc.nodes.find((n) => n.id === single)?.name : undefined));
  return (
    <aside className="panel inspector" aria-label="Inspector">
      <div className="panel-header">
        <h2>{single ? 'Layer' : selection.nodes.length > 1 ? 'Selection' : 'Model'}</h2>
        {singleName && <span className="panel-header__hint mono">{singleName}</span>}
      </div>
      <div className="inspector__scroll">
        {single ? (
          <NodeInspector key={single} nodeId={single} />
        ) : selection.nodes.length > 1 ? (
          <MultiSelection count={selection.nodes.length} />
        ) : (
          <ModelPanel />
        )}
      </div>
    </aside>
  );
}

function ModelPanel(): ReactElement {
  const doc = useEditor((s) => s.doc);
  const validation = getValidation(doc, useDatasetTask());
  return (
    <div className="model-panel">
      <section aria-labelledby="problems-title">
        <h3 id="problems-title" className="section-title">
          Problems
        </h3>
        <FindingsList findings={validation.findings} emptyText="No problems: the model is ready to train." />
      </section>
      <SummaryPanel />
    </div>
  );
}

function MultiSelection({ count }: { count: number }): ReactElement {
  const duplicate = useAction('edit.duplicate');
  const copy = useAction('edit.copy');
  const remove = useAction('edit.delete');
  return (
    <div className="multi-selection">
      <p>
        <strong>{count} layers</strong> selected. Drag any of them to move the group; copy, duplicate or delete them together.
      </p>
      <div className="inspector-actions">
        <button type="button" className="btn" onClick={copy.run} title={copy.title}>
          Copy
        </button>
        <button type="button" className="btn" onClick={duplicate.run} title={duplicate.title}>
          <Icon name="duplicate" /> Duplicate
        </button>
        <button type="button" className="btn btn--danger" onClick={remove.run} title={remove.title}>
          <Icon name="trash" /> Delete
        </button>
      </div>
    </div>
  );
}
