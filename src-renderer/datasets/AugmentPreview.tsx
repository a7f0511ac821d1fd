/**
 * A live preview of the augmentation: one training image and a grid of randomly augmented
 * versions (`dataset:augmentPreview`), asked for once the settings rest for a moment, so a
 * slider drag does not flood the host. "Shuffle" draws new random versions.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { DatasetSettings } from '../../src-shared/graph/document.js';
import type { AugmentationOptions } from '../../src-shared/training/dataset-types.js';
import { useEditor, useServices } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { useDebounced } from './useDebounced.js';

const COUNT = 8;

type Preview = { status: 'loading' } | { status: 'ready'; original: string; images: string[] } | { status: 'failed'; error: string };

export function AugmentPreview({ augmentation }: { augmentation: AugmentationOptions }): ReactElement {
  const { host } = useServices();
  const dataset = useEditor((s) => s.doc.dataset) as DatasetSettings;
  const path = useEditor((s) => s.path);
  const [seed, setSeed] = useState(1);
  const request = useDebounced(JSON.stringify({ dataset, augmentation, seed }), 250);
  const [preview, setPreview] = useState<Preview>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const { dataset: source, augmentation: aug, seed: s } = JSON.parse(request) as { dataset: DatasetSettings; augmentation: AugmentationOptions; seed: number };
    void host.call('dataset:augmentPreview', { source, augmentation: aug, count: COUNT, seed: s, projectPath: path }).then((r) => {
      if (!live) return;
      setPreview(r.ok ? { status: 'ready', original: r.value.original, images: r.value.images } : { status: 'failed', error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [host, request, path]);

  return (
    <div className="augment-preview" aria-busy={preview.status === 'loading'}>
      <div className="augment-preview__head">
        <span className="field__label">Preview</span>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => setSeed(seed + 1)}>
          <Icon name="refresh" size={12} />
          Shuffle
        </button>
      </div>
      {preview.status === 'failed' ? (
        <p className="field__error" role="alert">
          {preview.error}
        </p>
      ) : (
        <div className="augment-preview__grid" role="list" aria-label="Augmented versions of one training image">
          {preview.status === 'ready' && (
            <figure className="augment-preview__original" role="listitem">
              <img src={preview.original} alt="Original training image" />
              <figcaption>original</figcaption>
            </figure>
          )}
          {preview.status === 'ready'
            ? preview.images.map((src, i) => (
                <figure key={i} role="listitem">
                  <img src={src} alt={`Augmented version ${i + 1}`} />
                </figure>
              ))
            : Array.from({ length: COUNT + 1 }, (_, i) => <span key={i} className="thumb-skeleton" aria-hidden="true" />)}
        </div>
      )}
    </div>
  );
}
