/**
 * One run's page: header, learning curves, then its evaluation — or, for a run that failed or
 * is still going, a clear statement of that and where to go next. Never an empty pane.
 */
import type { ReactElement } from 'react';
import type { StoredRun } from '../../src-shared/ipc/contract-training.js';
import { useServices } from '../app/editor-context.js';
import { Callout } from './Callout.js';
import { RunCurves } from './RunCurves.js';
import { RunHeader } from './RunHeader.js';
import { RunResultsBody } from './RunResultsBody.js';

/** What to try after a failed run, from what its error says. */
export function failureAdvice(error: string | undefined): { hint: string; tab: 'train' | 'data' } {
  const e = (error ?? '').toLowerCase();
  if (/nan|diverg|infinit/.test(e))
    return {
      hint: 'The loss blew up. Lower the learning rate (try ten times smaller), or add BatchNormalization after the dense or convolution layers, then train again.',
      tab: 'train',
    };
  if (/memory|oom|allocat/.test(e))
    return { hint: 'The run ran out of memory. Use a smaller batch size, or fewer filters or units in the largest layers.', tab: 'train' };
  if (/data|file|image|csv|label|class/.test(e))
    return {
      hint: 'The data could not be used as it is. Check the dataset in the Data tab (skipped files and health warnings), then train again.',
      tab: 'data',
    };
  return { hint: 'Check the log of the run in the Train tab, fix what it names, and train again; the settings are kept.', tab: 'train' };
}

export function RunDetails({ run, number }: { run: StoredRun; number: number }): ReactElement {
  const { store } = useServices();
  const advice = failureAdvice(run.error);
  const goTo = (tab: 'train' | 'data') => store.getState().setWorkspace(tab);
  return (
    <section className="results-main__section" aria-label={`Run ${number}`}>
      <RunHeader run={run} number={number} />
      {run.status === 'failed' && (
        <Callout
          tone="error"
          title={`Run ${number} failed${run.history.length > 0 ? ` after ${run.history.length} ${run.history.length === 1 ? 'epoch' : 'epochs'}` : ''}`}
          detail={run.error ?? 'The trainer stopped without saying why.'}
          hint={advice.hint}
          actions={
            <button type="button" className="btn btn--small" onClick={() => goTo(advice.tab)}>
              Open the {advice.tab === 'train' ? 'Train' : 'Data'} tab
            </button>
          }
        />
      )}
      {run.status === 'running' && (
        <Callout
          tone="info"
          title={`Run ${number} is still training`}
          hint="Its confusion matrix and metrics appear here when it finishes. Follow it live in the Train tab."
          actions={
            <button type="button" className="btn btn--small" onClick={() => goTo('train')}>
              Open the Train tab
            </button>
          }
        />
      )}
      <RunCurves run={run} />
      {run.status !== 'failed' && run.status !== 'running' && <RunResultsBody key={run.id} run={run} />}
    </section>
  );
}
