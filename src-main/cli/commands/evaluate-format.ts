/**
 * The text `netwright evaluate` prints: headline scores, a per-class table and the confusion
 * matrix (rows: actual class, columns: predicted), or the error figures of a regression.
 */
import type { Evaluation } from '../../training/trainer/index.js';

const f4 = (n: number) => n.toFixed(4);

function table(rows: string[][], alignRight: (col: number) => boolean): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (alignRight(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** Human-readable report of an evaluation. */
export function formatEvaluation(e: Evaluation): string {
  if (e.task === 'regression') {
    return [`MAE:  ${e.mae.toPrecision(5)}`, `MSE:  ${e.mse.toPrecision(5)}`, `RMSE: ${e.rmse.toPrecision(5)}`].join('\n');
  }
  const lines = [
    `Accuracy: ${(e.accuracy * 100).toFixed(2)}%  (${Math.round(e.accuracy * e.count).toLocaleString('en-US')} of ${e.count.toLocaleString('en-US')})`,
    `Macro average: precision ${f4(e.macro.precision)}, recall ${f4(e.macro.recall)}, F1 ${f4(e.macro.f1)}`,
    '',
    ...table(
      [
        ['Class', 'Precision', 'Recall', 'F1', 'Support'],
        ...e.perClass.map((m) => [m.name, f4(m.precision), f4(m.recall), f4(m.f1), String(m.support)]),
      ],
      (c) => c > 0,
    ),
    '',
    'Confusion matrix (rows: actual class, columns: predicted class)',
    ...table([['', ...e.classNames], ...e.confusion.map((row, i) => [e.classNames[i]!, ...row.map(String)])], (c) => c > 0),
  ];
  return lines.join('\n');
}
