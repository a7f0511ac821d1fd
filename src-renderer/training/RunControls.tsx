/**
 * Start, Pause, Resume and Stop. Start is disabled, with the reason beside it, while the model
 * cannot be trained (no dataset, model errors); Stop waits for the run's id and is pressed once.
 */
import { useMemo, type ReactElement } from 'react';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { isActive } from '../state/training-store.js';
import { controlTraining, startBlocker, startTraining } from './training-commands.js';

/** Why training cannot start now, recomputed when the document or the dataset inspection changes. */
export function useStartBlocker(): string | null {
  const services = useServices();
  const doc = useEditor((s) => s.doc);
  const dataset = useTraining((s) => s.dataset);
  // doc and dataset stand for what startBlocker reads from the stores.
  return useMemo(() => startBlocker(services), [services, doc, dataset]);
}

export function RunControls(): ReactElement {
  const services = useServices();
  const status = useTraining((s) => s.run?.status);
  const hasRun = useTraining((s) => s.run !== null && s.run.id !== null);
  const blocker = useStartBlocker();
  const active = isActive(status);
  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      {!active && (
        <button
          type="button"
          className="btn btn--accent"
          disabled={blocker !== null}
          title={blocker ?? 'Start a run with these settings'}
          onClick={() => void startTraining(services)}
        >
          <Icon name="play" size={14} />
          {hasRun ? 'Train again' : 'Start training'}
        </button>
      )}
      {status === 'running' && (
        <button type="button" className="btn" onClick={() => void controlTraining(services, 'pause')}>
          <Icon name="pause" size={14} />
          Pause
        </button>
      )}
      {status === 'paused' && (
        <button type="button" className="btn btn--accent" onClick={() => void controlTraining(services, 'resume')}>
          <Icon name="play" size={14} />
          Resume
        </button>
      )}
      {active && (
        <button
          type="button"
          className="btn btn--danger"
          disabled={status === 'starting' || status === 'stopping'}
          title="Stop after the current batch; the epochs so far are kept"
          onClick={() => void controlTraining(services, 'stop')}
        >
          <Icon name="stop" size={13} />
          {status === 'stopping' ? 'Stopping…' : 'Stop'}
        </button>
      )}
    </div>
  );
}
