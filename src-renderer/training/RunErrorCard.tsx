/**
 * A failed run explained: what went wrong in plain words, what to do next (with one-click
 * actions where there is one), and the trainer's own message. Shown in place of nothing: the
 * charts of the epochs that did finish stay below it.
 */
import type { ReactElement } from 'react';
import { useServices } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import type { LiveRun, RunError } from '../state/training-store.js';
import { adviceFor } from './error-advice.js';
import { patchTraining } from './training-edits.js';

export function RunErrorCard({ run, error }: { run: LiveRun; error: RunError }): ReactElement {
  const { store } = useServices();
  const advice = adviceFor(error, run.settings.learningRate);
  const lower = Number((run.settings.learningRate / 10).toPrecision(2));
  const go = (workspace: 'design' | 'data') => store.getState().setWorkspace(workspace);
  const where = error.epoch !== undefined ? ` (epoch ${error.epoch}${error.batch !== undefined ? `, batch ${error.batch}` : ''})` : '';
  return (
    <section className="run-error" role="alert" aria-labelledby="run-error-title">
      <Icon name="error" size={20} className="run-error__icon" />
      <div className="run-error__body">
        <h3 id="run-error-title">
          {advice.title}
          {where}
        </h3>
        <p className="run-error__message">{error.message}</p>
        {advice.steps.length > 0 && (
          <ul className="run-error__steps">
            {advice.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
        <p className="run-error__kept">
          {run.id === null
            ? 'Nothing was changed.'
            : run.history.length > 0
              ? `The ${run.history.length} finished epoch${run.history.length === 1 ? '' : 's'} and your project are kept; the run is listed in Results.`
              : 'Your project is kept; the failed run is listed in Results with this message.'}
        </p>
        <div className="run-error__actions">
          {error.code === 'NAN_LOSS' && (
            <button
              type="button"
              className="btn btn--small"
              onClick={() => {
                const s = store.getState();
                s.apply(patchTraining(s.doc, { learningRate: lower }));
                s.notify(`Learning rate set to ${lower}`, 'success');
              }}
            >
              Use learning rate {lower}
            </button>
          )}
          {(error.code === 'DATA' || error.code === 'NAN_LOSS') && (
            <button type="button" className="btn btn--small" onClick={() => go('data')}>
              Open the Data tab
            </button>
          )}
          {(error.code === 'MODEL' || error.code === 'START') && /Design|model/i.test(error.message) && (
            <button type="button" className="btn btn--small" onClick={() => go('design')}>
              Open the Design tab
            </button>
          )}
          {error.code === 'START' && /Data tab|dataset/i.test(error.message) && (
            <button type="button" className="btn btn--small" onClick={() => go('data')}>
              Open the Data tab
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
