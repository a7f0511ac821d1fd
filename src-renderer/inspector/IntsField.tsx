/**
 * Editors for "ints" parameters: fixed-length lists (kernel 3×3, padding top/bottom/left/right)
 * get one small number field per dimension; variable ones (Input shape, Reshape target) get a
 * comma-separated field where "?" or an empty entry means unknown (when the spec allows it).
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { ParamSpec, ParamValue } from '../../src-shared/layers/types.js';
import { NumberInput } from './NumberInput.js';

type IntsSpec = Extract<ParamSpec, { kind: 'ints' }>;

const DIM_NAMES: Record<number, string[]> = { 2: ['height', 'width'], 4: ['top', 'bottom', 'left', 'right'] };

export interface IntsFieldProps {
  id: string;
  spec: IntsSpec;
  value: ParamValue | undefined;
  invalid: boolean;
  describedBy: string;
  /** The parsed list, or a parse error to show instead of committing. */
  onCommit(value: (number | null)[], parseError?: string): void;
}

/** `"28, 28, 1"` → [28, 28, 1]; `"?, 16"` → [null, 16]. */
export function parseIntList(text: string, allowNull: boolean): (number | null)[] | string {
  const parts = text.split(/[,×x\s]+/).filter((p, i, all) => p !== '' || (allowNull && all.length > 1));
  if (parts.length === 0) return 'Enter at least one number.';
  const out: (number | null)[] = [];
  for (const p of parts) {
    if (p === '?' || p === '') {
      if (!allowNull) return '"?" (unknown) is not allowed here.';
      out.push(null);
      continue;
    }
    const n = Number(p);
    if (!Number.isInteger(n)) return `"${p}" is not a whole number.`;
    out.push(n);
  }
  return out;
}

export function IntsField({ id, spec, value, invalid, describedBy, onCommit }: IntsFieldProps): ReactElement {
  const list = Array.isArray(value) ? (value as readonly (number | null)[]) : [];
  if (spec.length !== undefined) {
    const names = DIM_NAMES[spec.length] ?? list.map((_, i) => `${i + 1}`);
    return (
      <div className="ints-field" role="group" aria-label={spec.label}>
        {Array.from({ length: spec.length }, (_, i) => (
          <NumberInput
            key={i}
            id={i === 0 ? id : `${id}-${i}`}
            label={`${spec.label} ${names[i] ?? i + 1}`}
            value={list[i] ?? undefined}
            step={1}
            min={spec.allowMinusOne ? -1 : (spec.min ?? 1)}
            max={undefined}
            invalid={invalid}
            describedBy={describedBy}
            onCommit={(text) => {
              const n = Number(text);
              if (text.trim() === '' || !Number.isInteger(n))
                return onCommit([...list], `${spec.label} ${names[i]}: enter a whole number.`);
              onCommit(list.map((v, j) => (j === i ? n : v)));
            }}
          />
        ))}
      </div>
    );
  }
  return (
    <ListText id={id} list={list} allowNull={spec.allowNull ?? false} invalid={invalid} describedBy={describedBy} onCommit={onCommit} />
  );
}

function ListText(p: {
  id: string;
  list: readonly (number | null)[];
  allowNull: boolean;
  invalid: boolean;
  describedBy: string;
  onCommit: IntsFieldProps['onCommit'];
}): ReactElement {
  const shown = p.list.map((d) => (d === null ? '?' : String(d))).join(', ');
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    if (draft === shown) return;
    const parsed = parseIntList(draft, p.allowNull);
    if (typeof parsed === 'string') p.onCommit([...p.list], parsed);
    else p.onCommit(parsed);
  };
  return (
    <input
      id={p.id}
      type="text"
      className="mono"
      value={draft}
      spellCheck={false}
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
