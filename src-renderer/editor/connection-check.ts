/**
 * Decides, while the user drags a wire, whether `source → target` may be connected, and if not,
 * says why in words: no cycles, the target's input count, and a trial shape inference with the
 * new input (the same rule validation would run), so a wire that cannot work is refused before
 * it exists.
 */
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { wouldCreateCycle } from '../../src-shared/graph/topology.js';
import type { Validation } from '../../src-shared/graph/validate.js';
import { isValidParam } from '../../src-shared/graph/params.js';
import { getSpec } from '../../src-shared/layers/catalog.js';
import type { Shape } from '../../src-shared/layers/types.js';
import { slotOfHandle } from './flow-adapter.js';

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export interface ProposedConnection {
  source: string;
  target: string;
  targetHandle?: string | null;
}

export function checkConnection(doc: ProjectDocument, validation: Validation, c: ProposedConnection): ConnectionVerdict {
  const source = doc.nodes.find((n) => n.id === c.source);
  const target = doc.nodes.find((n) => n.id === c.target);
  if (!source || !target) return { ok: false, reason: 'That layer no longer exists.' };
  if (source.id === target.id) return { ok: false, reason: `"${target.name}" cannot feed itself.` };
  const spec = getSpec(target.type);
  if (spec.arity.max === 0) return { ok: false, reason: `${target.type} "${target.name}" is where data enters; it takes no inputs.` };

  const incoming = doc.edges.filter((e) => e.target === target.id);
  const slot = slotOfHandle(c.targetHandle) ?? nextFree(incoming.map((e) => e.targetIndex));
  const replaced = incoming.find((e) => e.targetIndex === slot);
  if (replaced?.source === source.id) return { ok: false, reason: `"${source.name}" is already connected there.` };
  if (!replaced && incoming.length >= spec.arity.max) {
    return {
      ok: false,
      reason: `${target.type} "${target.name}" takes ${spec.arity.max} input${spec.arity.max === 1 ? '' : 's'}; drop the wire on an input to replace it.`,
    };
  }
  // A replaced edge leaves the graph, so it cannot be part of a cycle.
  const edges = replaced ? doc.edges.filter((e) => e !== replaced) : doc.edges;
  if (wouldCreateCycle(edges, source.id, target.id)) {
    return {
      ok: false,
      reason: `"${source.name}" → "${target.name}" would make a loop; networks here are acyclic (recurrence lives inside RNN layers).`,
    };
  }
  return trialInference(doc, validation, source.id, target.id, slot, incoming);
}

/** Runs the target's shape rule with the proposed input set; refuses only what would be an error. */
function trialInference(
  doc: ProjectDocument,
  validation: Validation,
  sourceId: string,
  targetId: string,
  slot: number,
  incoming: readonly { source: string; targetIndex: number }[],
): ConnectionVerdict {
  const target = doc.nodes.find((n) => n.id === targetId)!;
  const spec = getSpec(target.type);
  const bySlot = new Map(incoming.map((e) => [e.targetIndex, e.source]));
  bySlot.set(slot, sourceId);
  const sources = [...bySlot].sort(([a], [b]) => a - b).map(([, s]) => s);
  if (sources.length < spec.arity.min) return { ok: true }; // a merge still waiting for its other inputs
  const inputs: Shape[] = [];
  for (const s of sources) {
    const out = validation.analysis.nodes.get(s)?.output;
    if (!out) return { ok: true }; // unknown upstream: validation will speak once it is known
    inputs.push(out);
  }
  if (Object.entries(spec.params).some(([k, p]) => !isValidParam(p, target.params[k]))) return { ok: true };
  const result = spec.inferShape({ nodeId: target.id, name: target.name, inputs, params: target.params });
  return result.ok
    ? { ok: true }
    : { ok: false, reason: result.findings[0]?.message ?? `${target.type} "${target.name}" cannot take that input.` };
}

function nextFree(used: readonly number[]): number {
  let slot = 0;
  while (used.includes(slot)) slot += 1;
  return slot;
}
