/**
 * A number field that commits on Enter or leaving the field (one undo step per value, not per
 * keystroke), and follows outside changes such as undo or a repair. Escape restores the value.
 */
import { useEffect, useState, type ReactElement } from 'react';

export interface NumberInputProps {
  id: string;
  value: number | undefined;
  step: number | 'any';
  min: number | undefined;
  max: number | undefined;
  invalid: boolean;
  describedBy: string;
  label?: string;
  onCommit(text: string): void;
}

export function NumberInput(p: NumberInputProps): ReactElement {
  const shown = p.value === undefined ? '' : String(p.value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => draft !== shown && p.onCommit(draft);
  return (
    <input
      id={p.id}
      type="number"
      inputMode="decimal"
      value={draft}
      step={p.step}
      {...(p.min !== undefined ? { min: p.min } : {})}
      {...(p.max !== undefined ? { max: p.max } : {})}
      {...(p.label ? { 'aria-label': p.label } : {})}
      aria-invalid={p.invalid}
      aria-describedby={p.describedBy}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(shown);
      }}
    />
  );
}
