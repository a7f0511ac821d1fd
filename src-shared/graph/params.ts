/**
 * Checks a node's parameter values against its catalog spec (type, range, options),
 * so layer shape rules can trust the values they read.
 */
import type { ParamSpec, ParamValue, Params } from '../layers/types.js';
import { makeFinding, type Finding } from './findings.js';
import { assertNever } from '../util/assert-never.js';

/** Describes what a parameter accepts, for messages and the inspector. */
export function describeParam(spec: ParamSpec): string {
  switch (spec.kind) {
    case 'int':
      return `an integer${range(spec.min, spec.max)}`;
    case 'float':
      return `a number${spec.minExclusive ? ` > ${spec.min}` : range(spec.min, undefined)}${spec.max !== undefined ? ` and ≤ ${spec.max}` : ''}`;
    case 'bool':
      return 'true or false';
    case 'enum':
      return `one of ${spec.options.map((o) => `"${o}"`).join(', ')}`;
    case 'ints': {
      const len = spec.length !== undefined ? `${spec.length} ` : '';
      const extra = [spec.allowMinusOne ? 'one may be -1' : '', spec.allowNull ? 'null for unknown' : ''].filter(Boolean);
      return `a list of ${len}integers ≥ ${spec.min ?? 1}${extra.length ? ` (${extra.join('; ')})` : ''}`;
    }
    default:
      return assertNever(spec);
  }
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return '';
}

/** True when `value` is acceptable for `spec`. */
export function isValidParam(spec: ParamSpec, value: ParamValue | undefined): boolean {
  switch (spec.kind) {
    case 'int':
      return typeof value === 'number' && Number.isInteger(value) && inRange(value, spec.min, spec.max, false);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) && inRange(value, spec.min, spec.max, spec.minExclusive ?? false);
    case 'bool':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value);
    case 'ints': {
      if (!Array.isArray(value)) return false;
      const list = value as readonly (number | null)[];
      if (spec.length !== undefined && list.length !== spec.length) return false;
      if (spec.minLength !== undefined && list.length < spec.minLength) return false;
      if (spec.maxLength !== undefined && list.length > spec.maxLength) return false;
      let minusOnes = 0;
      for (const v of list) {
        if (v === null) {
          if (!spec.allowNull) return false;
          continue;
        }
        if (!Number.isInteger(v)) return false;
        if (v === -1 && spec.allowMinusOne) {
          minusOnes += 1;
          continue;
        }
        if (v < (spec.min ?? 1)) return false;
      }
      return minusOnes <= 1;
    }
    default:
      return assertNever(spec);
  }
}

function inRange(v: number, min: number | undefined, max: number | undefined, minExclusive: boolean): boolean {
  if (min !== undefined && (minExclusive ? v <= min : v < min)) return false;
  return max === undefined || v <= max;
}

/** One PARAM_INVALID finding per bad or missing value, naming layer, parameter, value and what is allowed. */
export function checkParams(
  node: { id: string; name: string; type: string },
  specs: Record<string, ParamSpec>,
  params: Params,
): Finding[] {
  const findings: Finding[] = [];
  for (const [key, spec] of Object.entries(specs)) {
    const value = params[key];
    if (isValidParam(spec, value)) continue;
    const shown = value === undefined ? 'missing' : JSON.stringify(value);
    findings.push(
      makeFinding(
        'PARAM_INVALID',
        'error',
        `${node.type} "${node.name}": ${spec.label} (${key}) must be ${describeParam(spec)} but is ${shown}`,
        {
          nodeId: node.id,
          repair: { kind: 'set-param', label: `Reset ${spec.label} to ${JSON.stringify(spec.default)}`, nodeId: node.id, param: key, value: spec.default },
        },
      ),
    );
  }
  return findings;
}
