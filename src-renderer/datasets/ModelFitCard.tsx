/**
 * Data meets graph: does the model's Input take the data's shape, and does its output give one
 * score per class (or one value per target)? A mismatch comes with its one-click repair: "Use
 * dataset shape" for the Input, the core's OUTPUT_UNITS / OUTPUT_ACTIVATION repairs for the
 * output — the same findings the output node shows on the canvas.
 */
import type { ReactElement } from 'react';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import { useEditor, useServices } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { useRepair } from '../editor/FindingBadge.js';
import { getValidation } from '../state/derived.js';
import { applyDatasetShape, datasetInputShape, inputNode, inputShape } from './dataset-edits.js';
import { taskOfInspection } from './dataset-task.js';

const dims = (shape: readonly (number | null)[]) => shape.map((d) => d ?? '?').join('×');

export function ModelFitCard({ inspection }: { inspection: DatasetInspection }): ReactElement {
  const { store } = useServices();
  const doc = useEditor((s) => s.doc);
  const repair = useRepair();
  const task = taskOfInspection(inspection);
  const validation = getValidation(doc, task);
  const wanted = datasetInputShape(inspection);
  const input = inputNode(doc);
  const have = inputShape(doc) ?? null;
  const inputFits = have !== null && have.join() === wanted.join();
  // Folder images are resized to the Input's height × width, so only a rank or channel mismatch is a problem there.
  const resized = inspection.kind === 'folder' && have?.length === 3 && have[2] === wanted[2];
  const outputFindings = validation.findings.filter((f) => f.code === 'OUTPUT_UNITS' || f.code === 'OUTPUT_ACTIVATION');
  const outId = validation.analysis.outputIds[0];
  const out = outId ? validation.analysis.nodes.get(outId)?.output : undefined;
  const needs = task.task === 'classification' ? `${task.outputs} class scores` : `${task.outputs} value${task.outputs === 1 ? '' : 's'}`;

  const useShape = () => {
    const s = store.getState();
    s.apply(applyDatasetShape(s.doc, wanted));
    s.notify(`Input "${input?.name ?? 'input'}" now takes ${dims(wanted)}`, 'success');
  };
  const show = (nodeId: string) => {
    const s = store.getState();
    s.setWorkspace('design');
    s.reveal(nodeId);
  };

  return (
    <section className="card fit" aria-labelledby="fit-title">
      <div className="card__head">
        <h3 id="fit-title" className="card__title">
          <Icon name="target" size={15} />
          Model fit
        </h3>
        <span className="card__hint">{doc.name}</span>
      </div>
      <div className={`fit__row ${inputFits || resized ? 'is-ok' : 'is-warning'}`}>
        <Icon name={inputFits || resized ? 'checkCircle' : 'warning'} size={16} className="fit__icon" />
        <div className="fit__text">
          <p className="fit__title">Input</p>
          <p>
            {!input
              ? 'The model has no Input layer.'
              : inputFits
                ? `"${input.name}" takes ${dims(wanted)}, the shape of the data.`
                : resized
                  ? `Images (mostly ${dims(wanted)}) are resized to the Input's ${dims(have!)}.`
                  : `The data is ${dims(wanted)} per sample but "${input.name}" takes ${have ? dims(have) : 'an open shape'}.`}
          </p>
        </div>
        {input && !inputFits && (
          <button type="button" className={`btn btn--small ${resized ? '' : 'btn--accent'}`} onClick={useShape}>
            Use dataset shape
          </button>
        )}
      </div>
      <div className={`fit__row ${outputFindings.length === 0 ? 'is-ok' : outputFindings.some((f) => f.severity === 'error') ? 'is-error' : 'is-warning'}`}>
        <Icon name={outputFindings.length === 0 ? 'checkCircle' : outputFindings.some((f) => f.severity === 'error') ? 'error' : 'warning'} size={16} className="fit__icon" />
        <div className="fit__text">
          <p className="fit__title">Output</p>
          {outputFindings.length === 0 ? (
            <p>
              The model outputs {out ? dims(out) : '?'} {task.task === 'classification' ? 'scores' : 'values'}: the data needs {needs}.
            </p>
          ) : (
            outputFindings.map((f, i) => (
              <div key={`${f.code}-${i}`} className="fit__finding">
                <p>{f.message}</p>
                <div className="finding__actions">
                  {f.repair && (
                    <button type="button" className="btn btn--small btn--accent" onClick={() => repair(f.repair!)}>
                      <Icon name="wrench" size={12} />
                      {f.repair.label}
                    </button>
                  )}
                  {f.nodeId && (
                    <button type="button" className="btn btn--small btn--ghost" onClick={() => show(f.nodeId!)}>
                      <Icon name="locate" size={12} />
                      Show in Design
                    </button>
                  )}
                </div>
              </div>
            ))
          )}
        </div>
      </div>
    </section>
  );
}
