/**
 * The Data workspace: the dataset's settings on the left (source, split, image options and
 * augmentation) and what the import found on the right — counts per class and split, sample
 * images, the model-fit check, health warnings and skipped files. The dataset is inspected when
 * the tab opens and whenever the choice changes.
 */
import type { ReactElement } from 'react';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { formatCount } from '../training/format.js';
import { SettingSection } from '../training/SettingFields.js';
import { SplitFields } from '../training/TrainingSettingsPanel.js';
import { ClassCounts } from './ClassCounts.js';
import { HealthWarnings, SkippedFiles } from './DataReports.js';
import { inspectDataset } from './dataset-commands.js';
import { currentInspection } from './dataset-task.js';
import { ImageSettings } from './ImageSettings.js';
import { ModelFitCard } from './ModelFitCard.js';
import { SourceCard } from './SourceCard.js';
import { ThumbnailGrid } from './ThumbnailGrid.js';
import { useAutoInspect } from './useAutoInspect.js';

export function DataView(): ReactElement {
  useAutoInspect();
  return (
    <div className="data-view">
      <aside className="panel settings-panel" aria-label="Dataset settings">
        <div className="panel-header">
          <h2>Dataset</h2>
          <span className="panel-header__hint">saved with the project</span>
        </div>
        <div className="settings-panel__scroll">
          <SourceCard />
          <SettingSection title="Split">
            <SplitFields />
          </SettingSection>
          <ImageSettings />
        </div>
      </aside>
      <DataSummary />
    </div>
  );
}

function DataSummary(): ReactElement {
  const services = useServices();
  const dataset = useEditor((s) => s.doc.dataset);
  const state = useTraining((s) => s.dataset);
  const inspection = currentInspection(dataset, state);
  const name = !dataset ? 'No dataset' : dataset.kind === 'mnist' ? 'MNIST digits' : (dataset.path.split(/[\\/]/).filter(Boolean).pop() ?? dataset.path);
  const progress = state.progress;
  return (
    <main className="data-summary" aria-label="Dataset summary" aria-busy={state.status === 'loading'}>
      <div className="dash-head">
        <div className="dash-head__main">
          <div className="dash-head__title">
            <h2>{name}</h2>
            {dataset && <span className="kind-chip">{dataset.kind === 'csv' ? 'CSV table' : dataset.kind === 'folder' ? 'Image folder' : 'Built-in'}</span>}
            {dataset && dataset.kind !== 'mnist' && <span className="dash-head__when mono">{dataset.path}</span>}
          </div>
          {state.status === 'loading' && (
            <div className="run-progress">
              <div
                className="run-progress__bar is-active"
                role="progressbar"
                aria-label="Import progress"
                aria-valuemin={0}
                aria-valuemax={progress?.total || 100}
                aria-valuenow={progress?.done ?? 0}
              >
                <span style={{ width: progress && progress.total > 0 ? `${(progress.done / progress.total) * 100}%` : '8%' }} />
              </div>
              <span className="run-progress__text">{progress ? `${progress.phase} ${formatCount(progress.done)} / ${formatCount(progress.total)}` : 'Reading…'}</span>
            </div>
          )}
        </div>
        {dataset && (
          <button type="button" className="btn" disabled={state.status === 'loading'} onClick={() => void inspectDataset(services, { force: true })}>
            <Icon name="refresh" size={14} />
            Import again
          </button>
        )}
      </div>

      {!dataset && <p className="workspace-empty">Choose a dataset on the left: MNIST, a folder of images or a CSV table.</p>}
      {state.status === 'failed' && state.key !== null && (
        <section className="run-error" role="alert">
          <Icon name="error" size={20} className="run-error__icon" />
          <div className="run-error__body">
            <h3>The dataset could not be read</h3>
            <p className="run-error__message">{state.error}</p>
            <p className="run-error__kept">Check the path and the folder layout, then import again. The project is unchanged.</p>
          </div>
        </section>
      )}
      {inspection && <InspectionDetails />}
    </main>
  );
}

function InspectionDetails(): ReactElement {
  const dataset = useEditor((s) => s.doc.dataset);
  const inspection = currentInspection(dataset, useTraining((s) => s.dataset))!;
  const total = (k: 'train' | 'validation' | 'test') => inspection.counts[k].reduce((a, b) => a + b, 0);
  const all = total('train') + total('validation') + total('test');
  const shape = inspection.sampleShape;
  const image = inspection.kind !== 'csv' && shape.length === 3;
  // Folder images come in their own sizes (most common first) and are resized for the model.
  const source = inspection.kind === 'folder' ? inspection.sourceSizes[0] : undefined;
  return (
    <>
      <dl className="metric-grid metric-grid--data">
        <div className="metric">
          <dt>Samples</dt>
          <dd>
            <span className="metric__value">{formatCount(all)}</span>
            <span className="metric__sub">
              {formatCount(total('train'))} / {formatCount(total('validation'))} / {formatCount(total('test'))}
            </span>
          </dd>
        </div>
        <div className="metric">
          <dt>{inspection.task === 'classification' ? 'Classes' : 'Task'}</dt>
          <dd>
            <span className="metric__value">{inspection.task === 'classification' ? inspection.classNames.length : 'Regression'}</span>
            <span className="metric__sub">{inspection.task === 'classification' ? 'classification' : `label ${inspection.columns?.label ?? ''}`}</span>
          </dd>
        </div>
        <div className="metric">
          <dt>{image ? 'Image size' : 'Features'}</dt>
          <dd>
            <span className="metric__value">{image ? `${source?.height ?? shape[0]}×${source?.width ?? shape[1]}` : formatCount(shape[0] ?? 0)}</span>
            <span className="metric__sub">{image ? imageNote(source?.channels ?? shape[2] ?? 1, source ? shape : null) : 'numeric columns'}</span>
          </dd>
        </div>
        <div className="metric">
          <dt>Skipped</dt>
          <dd>
            <span className="metric__value">{formatCount(inspection.skipped.length)}</span>
            <span className="metric__sub">{inspection.health.length} warning{inspection.health.length === 1 ? '' : 's'}</span>
          </dd>
        </div>
      </dl>

      <ModelFitCard inspection={inspection} />

      <section className="card" aria-labelledby="counts-title">
        <div className="card__head">
          <h3 id="counts-title" className="card__title">
            <Icon name="chart" size={15} />
            {inspection.task === 'classification' ? 'Classes and splits' : 'Splits'}
          </h3>
        </div>
        <ClassCounts inspection={inspection} />
      </section>

      {inspection.thumbnails.length > 0 && (
        <section className="card" aria-labelledby="thumbs-title">
          <div className="card__head">
            <h3 id="thumbs-title" className="card__title">
              <Icon name="image" size={15} />
              Samples
            </h3>
            <span className="card__hint">as the model sees them</span>
          </div>
          <ThumbnailGrid inspection={inspection} />
        </section>
      )}

      <div className="data-reports">
        <section className="card" aria-labelledby="health-title">
          <div className="card__head">
            <h3 id="health-title" className="card__title">
              <Icon name="warning" size={15} />
              Health
            </h3>
          </div>
          <HealthWarnings health={inspection.health} />
        </section>
        <section className="card" aria-labelledby="skipped-title">
          <div className="card__head">
            <h3 id="skipped-title" className="card__title">
              <Icon name="file" size={15} />
              Skipped files
            </h3>
            <span className="card__hint">{inspection.skipped.length}</span>
          </div>
          <SkippedFiles skipped={inspection.skipped} root={dataset && dataset.kind !== 'mnist' ? dataset.path : undefined} />
        </section>
      </div>
    </>
  );
}

/** "RGB, 3 channels", plus the size the model sees when images are resized to it. */
function imageNote(channels: number, modelShape: readonly number[] | null): string {
  const kind = channels === 1 ? 'grayscale' : `RGB, ${channels} channels`;
  return modelShape ? `${kind} · model sees ${modelShape.join('×')}` : `${kind}${channels === 1 ? ', 1 channel' : ''}`;
}
