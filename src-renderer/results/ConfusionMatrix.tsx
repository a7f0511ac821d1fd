/**
 * The confusion matrix as a heat map that is also a real table: row headers are the actual
 * classes, column headers the predicted ones, and every cell is a button ("actual 4,
 * predicted 9: 3 samples") that opens the samples in it. Shading is the cell's share of its
 * row; correct predictions (the diagonal) and mistakes use different hues. Arrow keys move
 * between cells (one tab stop for the whole grid).
 */
import { useRef, useState, type CSSProperties, type KeyboardEvent, type ReactElement } from 'react';
import { cellShade, rowTotals } from './metrics.js';

export interface Cell {
  actual: number;
  predicted: number;
}

export interface ConfusionMatrixProps {
  classNames: readonly string[];
  confusion: readonly (readonly number[])[];
  selected: Cell | null;
  onSelect(cell: Cell): void;
}

const plural = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'sample' : 'samples'}`;

export function cellLabel(classNames: readonly string[], cell: Cell, count: number): string {
  return `actual ${classNames[cell.actual] ?? cell.actual}, predicted ${classNames[cell.predicted] ?? cell.predicted}: ${plural(count)}`;
}

const KEY_STEPS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function ConfusionMatrix({ classNames, confusion, selected, onSelect }: ConfusionMatrixProps): ReactElement {
  const totals = rowTotals(confusion);
  const n = classNames.length;
  const [focus, setFocus] = useState<Cell>(selected ?? { actual: 0, predicted: 0 });
  const table = useRef<HTMLTableElement>(null);

  const move = (e: KeyboardEvent, from: Cell) => {
    const step = KEY_STEPS[e.key] ?? (e.key === 'Home' ? [0, -n] : e.key === 'End' ? [0, n] : null);
    if (!step) return;
    e.preventDefault();
    const next = {
      actual: Math.max(0, Math.min(n - 1, from.actual + step[0])),
      predicted: Math.max(0, Math.min(n - 1, from.predicted + step[1])),
    };
    setFocus(next);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${next.actual}-${next.predicted}"]`)?.focus();
  };

  return (
    <div className="confusion">
      <div className="confusion__axis confusion__axis--x" aria-hidden="true">
        Predicted class →
      </div>
      <div className="confusion__axis confusion__axis--y" aria-hidden="true">
        Actual class →
      </div>
      <table ref={table} className="confusion__table" aria-label="Confusion matrix: rows are actual classes, columns predicted classes">
        <thead>
          <tr>
            <td className="confusion__corner" />
            {classNames.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {confusion.map((row, actual) => (
            <tr key={actual}>
              <th scope="row">{classNames[actual] ?? actual}</th>
              {row.map((count, predicted) => {
                const cell = { actual, predicted };
                const shade = cellShade(count, totals[actual] ?? 0);
                const isSelected = selected?.actual === actual && selected.predicted === predicted;
                const tone = actual === predicted ? 'hit' : 'miss';
                return (
                  <td key={predicted}>
                    <button
                      type="button"
                      data-cell={`${actual}-${predicted}`}
                      className={`confusion__cell confusion__cell--${tone} ${shade > 0.55 ? 'is-strong' : ''} ${count === 0 ? 'is-zero' : ''}`}
                      style={{ '--shade': `${Math.round(shade * 100)}%` } as CSSProperties}
                      aria-label={cellLabel(classNames, cell, count)}
                      aria-pressed={isSelected}
                      tabIndex={focus.actual === actual && focus.predicted === predicted ? 0 : -1}
                      onFocus={() => setFocus(cell)}
                      onKeyDown={(e) => move(e, cell)}
                      onClick={() => onSelect(cell)}
                    >
                      {count === 0 ? '·' : count.toLocaleString()}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
