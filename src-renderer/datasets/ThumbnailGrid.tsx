/** A few images of every class, at the resolution the model will see them, to spot mislabelled folders. */
import type { ReactElement } from 'react';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import { formatCount } from '../training/format.js';

export function ThumbnailGrid({ inspection }: { inspection: DatasetInspection }): ReactElement {
  const totals = new Map(inspection.classNames.map((c, i) => [c, (inspection.counts.train[i] ?? 0) + (inspection.counts.validation[i] ?? 0) + (inspection.counts.test[i] ?? 0)]));
  return (
    <ul className="thumbs" aria-label="Sample images per class">
      {inspection.thumbnails.map((t) => (
        <li key={t.className} className="thumbs__row">
          <div className="thumbs__class">
            <span className="thumbs__name">{t.className}</span>
            <span className="thumbs__count">{formatCount(totals.get(t.className) ?? 0)}</span>
          </div>
          <div className="thumbs__images">
            {t.images.map((src, i) => (
              <img key={i} src={src} alt={`${t.className} sample ${i + 1}`} loading="lazy" />
            ))}
            {t.images.length === 0 && <span className="muted">no images</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
