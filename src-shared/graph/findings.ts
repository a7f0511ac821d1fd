/**
 * A validation finding: what is wrong, where, and (when obvious) the repair as data,
 * so the editor can offer it as one click and the CLI can print it.
 */
import type { FindingCode } from '../errors/codes.js';

export type Severity = 'error' | 'warning' | 'info';

export type Repair =
  /** Insert a new layer of `layerType` on the edge `source → target` (a Flatten before a Dense, say). */
  | { kind: 'insert-layer'; label: string; source: string; target: string; layerType: string; params?: Record<string, unknown> }
  /** Set one parameter of one node. */
  | { kind: 'set-param'; label: string; nodeId: string; param: string; value: number | string | boolean | readonly number[] }
  /** Remove an edge (e.g. one that closes a cycle or is one input too many). */
  | { kind: 'remove-edge'; label: string; edgeId: string }
  /** Give a node a new name (duplicate names). */
  | { kind: 'rename-node'; label: string; nodeId: string; name: string }
  /** Remove a node (e.g. a disconnected one). */
  | { kind: 'remove-node'; label: string; nodeId: string };

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** The node the finding is about, or undefined for whole-graph findings. */
  nodeId?: string;
  edgeId?: string;
  message: string;
  repair?: Repair;
}

/** Builds a finding; keeps call sites short and uniform. */
export function makeFinding(
  code: FindingCode,
  severity: Severity,
  message: string,
  where: { nodeId?: string; edgeId?: string; repair?: Repair } = {},
): Finding {
  const f: Finding = { code, severity, message };
  if (where.nodeId !== undefined) f.nodeId = where.nodeId;
  if (where.edgeId !== undefined) f.edgeId = where.edgeId;
  if (where.repair !== undefined) f.repair = where.repair;
  return f;
}
