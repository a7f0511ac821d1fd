/** The run's latest messages (trainer logs, warnings, the error), newest last. */
import type { ReactElement } from 'react';
import type { RunLogEntry } from '../state/training-store.js';

export function RunLog({ logs }: { logs: readonly RunLogEntry[] }): ReactElement {
  const shown = logs.slice(-8);
  return (
    <section className="card run-log" aria-labelledby="run-log-title">
      <div className="card__head">
        <h3 id="run-log-title" className="card__title">
          Messages
        </h3>
        <span className="card__hint">{logs.length === 0 ? 'none yet' : `${logs.length}`}</span>
      </div>
      {shown.length === 0 ? (
        <p className="card__empty">Warnings and notes from the trainer appear here.</p>
      ) : (
        <ol className="run-log__list">
          {shown.map((l, i) => (
            <li key={`${l.at}-${i}`} className={`run-log__item run-log__item--${l.level}`}>
              {l.message}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
