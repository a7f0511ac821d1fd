/**
 * One evaluated sample: the input as the model saw it, its true label, the prediction and the
 * model's confidence. Used by the cell drill-down and the "most confident mistakes" gallery.
 */
import type { ReactElement } from 'react';
import type { PredictedSample } from '../../src-shared/ipc/contract-training.js';
import { pct } from './format.js';

export function sampleText(sample: PredictedSample, classNames: readonly string[]): string {
  const name = (i: number) => classNames[i] ?? String(i);
  return `Sample ${sample.index}: actual ${name(sample.actual)}, predicted ${name(sample.predicted)}, ${pct(sample.confidence)} confident`;
}

export function SampleCard({ sample, classNames }: { sample: PredictedSample; classNames: readonly string[] }): ReactElement {
  const name = (i: number) => classNames[i] ?? String(i);
  const wrong = sample.actual !== sample.predicted;
  return (
    <li className={`sample ${wrong ? 'sample--wrong' : 'sample--right'}`} aria-label={sampleText(sample, classNames)}>
      {sample.image ? (
        <img className="sample__image" src={sample.image} alt="" title="Drag onto “Try it” to predict it again" />
      ) : (
        <span className="sample__image sample__image--none">no image</span>
      )}
      <span className="sample__labels" aria-hidden="true">
        <span className="sample__actual" title="Actual class">
          {name(sample.actual)}
        </span>
        <span className="sample__arrow">→</span>
        <span className="sample__predicted" title="Predicted class">
          {name(sample.predicted)}
        </span>
      </span>
      <span className="sample__confidence" aria-hidden="true">
        <span className="sample__bar" style={{ width: pct(sample.confidence, 0) }} />
        <span className="sample__pct">{pct(sample.confidence, 0)}</span>
      </span>
    </li>
  );
}
