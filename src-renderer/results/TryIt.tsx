/**
 * "Try it": give the trained model an image of your own (choose a file, drop one on the panel,
 * or drag a sample picture from above) and see its top-5 answer next to the input as the model
 * saw it, after resizing and conversion. A file input opens the system's own picker in
 * Electron as well, so there is one path for both.
 */
import { useRef, useState, type DragEvent, type ReactElement } from 'react';
import { Icon } from '../app/Icon.js';
import { Callout } from './Callout.js';
import { ProbabilityBars } from './ProbabilityBars.js';
import { useTryIt } from './useTryIt.js';

/** A picture dragged from the page arrives as a URL; only data URLs are ours to send. */
function droppedDataUrl(e: DragEvent): string | null {
  const url = e.dataTransfer.getData('text/uri-list') || e.dataTransfer.getData('text/plain');
  const first = url.split(/\r?\n/).find((l) => l && !l.startsWith('#'));
  return first?.startsWith('data:image/') ? first : null;
}

export function TryIt({ runDir }: { runDir: string }): ReactElement {
  const { state, tryFile, tryDataUrl } = useTryIt(runDir);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) return void tryFile(file);
    const url = droppedDataUrl(e);
    if (url) void tryDataUrl(url, 'the dropped picture');
  };

  return (
    <section
      className={`card try-it ${over ? 'is-over' : ''}`}
      aria-labelledby="try-it-title"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <div className="card__head">
        <h3 id="try-it-title" className="card__title">
          Try it
        </h3>
        <span className="card__meta">drop an image anywhere on this panel</span>
      </div>
      <div className="try-it__body">
        <div className="try-it__inputs">
          <button type="button" className="try-it__drop" onClick={() => input.current?.click()} aria-describedby="try-it-help">
            {state.status === 'done' || (state.status === 'working' && state.original) ? (
              <img className="try-it__original" src={state.status === 'done' ? state.original : (state.original ?? '')} alt="" />
            ) : (
              <Icon name="import" size={22} />
            )}
            <span className="try-it__drop-label">Choose image…</span>
          </button>
          <input
            ref={input}
            className="visually-hidden"
            type="file"
            accept="image/*"
            aria-label="Image file"
            tabIndex={-1}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void tryFile(file);
              e.target.value = ''; // choosing the same file again must predict again
            }}
          />
          <p id="try-it-help" className="try-it__help muted">
            PNG, JPEG, WebP or SVG; resized and converted to the model’s input.
          </p>
        </div>
        <div className="try-it__result" aria-live="polite">
          {state.status === 'idle' && <p className="muted try-it__placeholder">The model’s five most likely classes appear here.</p>}
          {state.status === 'working' && <p className="muted try-it__placeholder">Predicting {state.name}…</p>}
          {state.status === 'error' && <Callout tone="error" title={state.title} detail={state.message} hint={state.hint} />}
          {state.status === 'done' && (
            <div className="try-it__answer">
              <figure className="try-it__seen">
                <img src={state.input} alt={`${state.name} as the model sees it`} />
                <figcaption>as the model sees it</figcaption>
              </figure>
              <div className="try-it__bars">
                <p className="try-it__verdict">
                  Looks like <strong>{[...state.top].sort((a, b) => b.probability - a.probability)[0]?.className ?? '?'}</strong>
                </p>
                <ProbabilityBars top={state.top} />
              </div>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
