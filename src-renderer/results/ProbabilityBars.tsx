/**
 * The model's top-k answer for one image as horizontal bars, most probable first. The list is
 * sorted here too, whatever order the host sent, because the order is the message.
 */
import type { ReactElement } from 'react';
import { pct } from './format.js';

export interface Probability {
  className: string;
  probability: number;
}

export function ProbabilityBars({ top }: { top: readonly Probability[] }): ReactElement {
  const sorted = [...top].sort((a, b) => b.probability - a.probability);
  return (
    <ol className="prob-bars" aria-label="Top predictions">
      {sorted.map((p, i) => (
        <li key={p.className} className={i === 0 ? 'is-top' : undefined} aria-label={`${p.className}: ${pct(p.probability)}`}>
          <span className="prob-bars__name" aria-hidden="true">
            {p.className}
          </span>
          <span className="prob-bars__track" aria-hidden="true">
            <span className="prob-bars__fill" style={{ width: `${Math.max(0.5, p.probability * 100)}%` }} />
          </span>
          <span className="prob-bars__value" aria-hidden="true">
            {pct(p.probability)}
          </span>
        </li>
      ))}
    </ol>
  );
}
