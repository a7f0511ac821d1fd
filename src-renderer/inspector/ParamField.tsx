/**
 * One parameter in the inspector with the control its kind calls for: a number field with
 * the spec's range, a select for options, a checkbox, or list fields for "ints". Text entry
 * commits on Enter or leaving the field; a value the spec refuses stays in the field with the
 * reason under it, and the document keeps its last good value.
 */
import { useEffect, useId, useState, type ReactElement } from 'react';
import type { ParamSpec, ParamValue } from '../../src-shared/layers/types.js';
import { IntsField } from './IntsField.js';
import { NumberInput } from './NumberInput.js';
import { useCommitParam } from './useCommitParam.js';

export interface ParamFieldProps {
  nodeId: string;
  paramKey: string;
  spec: ParamSpec;
  value: ParamValue | undefined;
}

export function ParamField({ nodeId, paramKey, spec, value }: ParamFieldProps): ReactElement {
  const id = useId();
  const commit = useCommitParam(nodeId, paramKey, spec);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [value, nodeId]);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const described = error ? `${errorId} ${helpId}` : helpId;
  const run = (v: ParamValue) => setError(commit(v));

  let control: ReactElement;
  switch (spec.kind) {
    case 'bool':
      control = (
        <input id={id} type="checkbox" checked={value === true} aria-describedby={described} onChange={(e) => run(e.target.checked)} />
      );
      break;
    case 'enum':
      control = (
        <select id={id} value={String(value)} aria-describedby={described} onChange={(e) => run(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'int':
    case 'float':
      control = (
        <NumberInput
          id={id}
          value={typeof value === 'number' ? value : undefined}
          step={spec.kind === 'int' ? 1 : 'any'}
          min={spec.min}
          max={spec.max}
          invalid={error !== null}
          describedBy={described}
          onCommit={(text) => setError(text.trim() === '' ? `${spec.label} needs a value.` : commit(Number(text)))}
        />
      );
      break;
    case 'ints':
      control = (
        <IntsField
          id={id}
          spec={spec}
          value={value}
          invalid={error !== null}
          describedBy={described}
          onCommit={(v, parseError) => setError(parseError ?? commit(v))}
        />
      );
      break;
  }

  const isCheck = spec.kind === 'bool';
  return (
    <div className={`field ${isCheck ? 'field--check' : ''} ${error ? 'is-invalid' : ''}`}>
      {isCheck ? (
        <label htmlFor={id} className="field__check">
          {control}
          <span>{spec.label}</span>
        </label>
      ) : (
        <>
          <label htmlFor={id} className="field__label">
            {spec.label}
          </label>
          {control}
        </>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
      <p id={helpId} className="field__help">
        {spec.help}
      </p>
    </div>
  );
}
