/**
 * What the import found: health warnings with what the app will do about each, and the files
 * it skipped with the reason, in words a user can act on.
 */
import type { ReactElement } from 'react';
import type { DatasetHealthWarning } from '../../src-shared/ipc/contract-training.js';
import type { SkippedFile } from '../../src-shared/training/dataset-types.js';
import { Icon } from '../app/Icon.js';

const HEALTH_TITLE: Record<DatasetHealthWarning['kind'], string> = {
  'tiny-class': 'Small class',
  imbalance: 'Imbalanced classes',
  duplicates: 'Duplicate images',
  'cross-split-duplicates': 'Same image in two splits',
  'mixed-sizes': 'Mixed image sizes',
  'mixed-channels': 'Mixed colour channels',
  'empty-class': 'Empty class',
};

export function HealthWarnings({ health }: { health: readonly DatasetHealthWarning[] }): ReactElement {
  if (health.length === 0) {
    return (
      <p className="findings-ok" role="status">
        <Icon name="checkCircle" size={16} />
        No problems found: classes are balanced enough and every image could be used.
      </p>
    );
  }
  return (
    <ul className="health" aria-label="Dataset health warnings">
      {health.map((h, i) => (
        <li key={`${h.kind}-${i}`} className="finding health__item">
          <Icon name="warning" size={15} className="finding__icon" />
          <div className="finding__body">
            <p className="health__title">{HEALTH_TITLE[h.kind]}</p>
            <p className="finding__message">{h.message}</p>
            <p className="health__action">
              <strong>What the app will do:</strong> {h.action}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Skipped files, shown relative to the dataset folder (`root`) when inside it; the full path is the tooltip. */
export function SkippedFiles({ skipped, root }: { skipped: readonly SkippedFile[]; root?: string | undefined }): ReactElement {
  const prefix = root ? `${root.replace(/[\\/]+$/, '')}/` : null;
  const shown = (p: string) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p);
  if (skipped.length === 0) return <p className="card__empty">Every file was read.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table data-table--wrap" aria-label="Skipped files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Why it was skipped</th>
          </tr>
        </thead>
        <tbody>
          {skipped.map((f) => (
            <tr key={f.path}>
              <td className="mono" title={f.path}>
                {shown(f.path)}
              </td>
              <td>{f.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
