/** The layer name field: checked as typed (unique, Keras-safe), committed on Enter or blur. */
import { useEffect, useId, useState, type ReactElement } from 'react';
import { useServices } from '../app/editor-context.js';
import { renameNode } from '../state/document-edits.js';
import { checkLayerName } from '../state/names.js';

export function NameField({ nodeId, name }: { nodeId: string; name: string }): ReactElement {
  const { store } = useServices();
  const id = useId();
  const [draft, setDraft] = useState(name);
  useEffect(() => setDraft(name), [name, nodeId]);
  const others = new Set(
    store
      .getState()
      .doc.nodes.filter((n) => n.id !== nodeId)
      .map((n) => n.name),
  );
  const problem = draft === name ? null : checkLayerName(draft, others);
  const commit = () => {
    if (draft === name || problem) return;
    const s = store.getState();
    s.apply(renameNode(s.doc, nodeId, draft));
  };
  return (
    <div className={`field ${problem ? 'is-invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        Name
      </label>
      <input
        id={id}
        type="text"
        className="mono"
        value={draft}
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(name);
        }}
      />
      {problem && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
