/**
 * Where the data comes from: built-in MNIST, an image folder or a CSV table, and for a table
 * its label column and task. The choice is a recorded edit of `doc.dataset`; switching kinds
 * keeps the path typed for the other kind out of the document until it is confirmed.
 */
import { useState, type ReactElement } from 'react';
import type { DatasetSettings } from '../../src-shared/graph/document.js';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import { Icon, type IconName } from '../app/Icon.js';
import { SelectSetting } from '../training/SettingFields.js';
import { setDataset } from './dataset-edits.js';
import { PathPicker } from './PathPicker.js';

type Kind = DatasetSettings['kind'];

const KINDS: readonly { kind: Kind; label: string; icon: IconName; help: string }[] = [
  { kind: 'mnist', label: 'MNIST digits', icon: 'database', help: '70,000 handwritten digits, 28×28 grayscale, 10 classes' },
  { kind: 'folder', label: 'Image folder', icon: 'image', help: 'Your images, one sub-folder per class' },
  { kind: 'csv', label: 'CSV table', icon: 'table', help: 'Rows of numbers; classification or regression' },
];

export function SourceCard(): ReactElement {
  const { store } = useServices();
  const dataset = useEditor((s) => s.doc.dataset);
  const columns = useTraining((s) => s.dataset.inspection?.columns);
  // The kind picked but not yet confirmed with a path (folder and CSV need one).
  const [pending, setPending] = useState<Kind | null>(null);
  const kind = pending ?? dataset?.kind ?? null;
  const apply = (next: DatasetSettings | null) => {
    const s = store.getState();
    s.apply(setDataset(s.doc, next));
    setPending(null);
  };

  return (
    <section className="settings-section" aria-labelledby="source-title">
      <h3 id="source-title" className="section-title">
        Source
      </h3>
      <div className="source-kinds" role="radiogroup" aria-labelledby="source-title">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            role="radio"
            aria-checked={kind === k.kind}
            className={`source-kind ${kind === k.kind ? 'is-selected' : ''}`}
            onClick={() => (k.kind === 'mnist' ? apply({ kind: 'mnist' }) : setPending(dataset?.kind === k.kind ? null : k.kind))}
          >
            <Icon name={k.icon} size={18} />
            <span className="source-kind__text">
              <span className="source-kind__label">{k.label}</span>
              <span className="source-kind__help">{k.help}</span>
            </span>
          </button>
        ))}
      </div>
      {(kind === 'folder' || kind === 'csv') && (
        <PathPicker
          key={kind}
          kind={kind}
          value={dataset?.kind === kind ? dataset.path : ''}
          onChoose={(path) => apply(kind === 'folder' ? { ...(dataset?.kind === 'folder' ? dataset : {}), kind: 'folder', path } : { kind: 'csv', path })}
        />
      )}
      {pending && <p className="field__help">Choose the {pending === 'folder' ? 'folder' : 'file'} to switch to it; the current dataset stays until then.</p>}
      {dataset?.kind === 'csv' && !pending && (
        <div className="field-pair">
          <SelectSetting
            label="Label column"
            value={dataset.labelColumn ?? ''}
            options={[{ value: '', label: 'Last column' }, ...(columns ? [...columns.features, columns.label] : []).map((c) => ({ value: c, label: c }))]}
            onChange={(labelColumn) => apply({ kind: 'csv', path: dataset.path, ...(labelColumn ? { labelColumn } : {}), ...(dataset.task ? { task: dataset.task } : {}) })}
          />
          <SelectSetting
            label="Task"
            value={dataset.task ?? 'auto'}
            options={[
              { value: 'auto', label: 'Detect' },
              { value: 'classification', label: 'Classification' },
              { value: 'regression', label: 'Regression' },
            ]}
            onChange={(task) => apply({ kind: 'csv', path: dataset.path, ...(dataset.labelColumn ? { labelColumn: dataset.labelColumn } : {}), ...(task !== 'auto' ? { task } : {}) })}
          />
        </div>
      )}
    </section>
  );
}
