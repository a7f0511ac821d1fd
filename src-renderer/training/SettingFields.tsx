/**
 * The form controls of the Data and Train settings panels: number, select, checkbox and slider
 * fields with a label, the guidance (first sentence shown, the rest behind "Why?") and, for a
 * refused value, the reason. Number fields commit on Enter or leaving the field, so one typed
 * value is one undo step.
 */
import { useEffect, useId, useState, type ReactElement, type ReactNode } from 'react';
import { NumberInput } from '../inspector/NumberInput.js';

/** Splits guidance into the sentence always shown and the explanation behind "Why?". */
export function splitHelp(help: string): [string, string] {
  const m = /^(.+?[.!?])\s+(.+)$/s.exec(help);
  return m ? [m[1]!, m[2]!] : [help, ''];
}

/** Guidance text: its first sentence, and the rest behind a "Why?" toggle. */
export function Help({ id, text, block }: { id?: string; text: string; block?: boolean }): ReactElement {
  const [open, setOpen] = useState(false);
  const [first, rest] = splitHelp(text);
  return (
    <p id={id} className={`field__help${block ? ' field__help--block' : ''}`}>
      {first}
      {rest && open && <> {rest}</>}
      {rest && (
        <>
          {' '}
          <button type="button" className="help-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Less' : 'Why?'}
          </button>
        </>
      )}
    </p>
  );
}

interface FieldShellProps {
  id: string;
  label: string;
  help?: string | undefined;
  error?: string | null;
  check?: boolean;
  children: ReactNode;
}

function FieldShell({ id, label, help, error, check, children }: FieldShellProps): ReactElement {
  return (
    <div className={`field ${check ? 'field--check' : ''} ${error ? 'is-invalid' : ''}`}>
      {check ? (
        <label htmlFor={id} className="field__check">
          {children}
          <span>{label}</span>
        </label>
      ) : (
        <>
          <label htmlFor={id} className="field__label">
            {label}
          </label>
          {children}
        </>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
      {help && <Help id={`${id}-help`} text={help} />}
    </div>
  );
}

export interface NumberSettingProps {
  label: string;
  value: number | undefined;
  onCommit(value: number): void;
  min?: number;
  max?: number;
  /** Exclusive upper bound (fractions below 1). */
  below?: number;
  integer?: boolean;
  help?: string;
  disabled?: boolean;
}

export function NumberSetting(p: NumberSettingProps): ReactElement {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [p.value]);
  const commit = (text: string) => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) return setError(`${p.label} needs a number.`);
    if (p.integer && !Number.isInteger(n)) return setError(`${p.label} must be a whole number.`);
    if (p.min !== undefined && n < p.min) return setError(`${p.label} must be at least ${p.min}.`);
    if (p.max !== undefined && n > p.max) return setError(`${p.label} must be at most ${p.max}.`);
    if (p.below !== undefined && n >= p.below) return setError(`${p.label} must be below ${p.below}.`);
    setError(null);
    p.onCommit(n);
  };
  return (
    <FieldShell id={id} label={p.label} help={p.help} error={error}>
      <NumberInput
        id={id}
        value={p.value}
        step={p.integer ? 1 : 'any'}
        min={p.min}
        max={p.max ?? p.below}
        invalid={error !== null}
        describedBy={`${error ? `${id}-error ` : ''}${id}-help`}
        onCommit={commit}
      />
    </FieldShell>
  );
}

export function SelectSetting<T extends string>(p: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  help?: string;
}): ReactElement {
  const id = useId();
  return (
    <FieldShell id={id} label={p.label} help={p.help}>
      <select id={id} value={p.value} aria-describedby={`${id}-help`} onChange={(e) => p.onChange(e.target.value as T)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckSetting(p: { label: string; checked: boolean; onChange(checked: boolean): void; help?: string; disabled?: boolean }): ReactElement {
  const id = useId();
  return (
    <FieldShell id={id} label={p.label} help={p.help} check>
      <input id={id} type="checkbox" checked={p.checked} disabled={p.disabled} aria-describedby={`${id}-help`} onChange={(e) => p.onChange(e.target.checked)} />
    </FieldShell>
  );
}

export interface SliderSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format(value: number): string;
  onChange(value: number): void;
  /** A drag is one undo step: the panel opens a gesture on press and closes it on release. */
  onGestureStart?(): void;
  onGestureEnd?(): void;
  help?: string;
  disabled?: boolean;
}

export function SliderSetting(p: SliderSettingProps): ReactElement {
  const id = useId();
  return (
    <div className="field field--slider">
      <div className="field__row">
        <label htmlFor={id} className="field__label">
          {p.label}
        </label>
        <output htmlFor={id} className="field__value">
          {p.format(p.value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        disabled={p.disabled}
        aria-valuetext={p.format(p.value)}
        {...(p.help ? { 'aria-describedby': `${id}-help` } : {})}
        onPointerDown={p.onGestureStart}
        onPointerUp={p.onGestureEnd}
        onBlur={p.onGestureEnd}
        onChange={(e) => p.onChange(Number(e.target.value))}
      />
      {p.help && <Help id={`${id}-help`} text={p.help} />}
    </div>
  );
}

/** A titled group of settings. */
export function SettingSection({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }): ReactElement {
  const id = useId();
  return (
    <section className="settings-section" aria-labelledby={id}>
      <div className="settings-section__head">
        <h3 id={id} className="section-title">
          {title}
        </h3>
        {aside}
      </div>
      {children}
    </section>
  );
}
