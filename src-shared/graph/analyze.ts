/**
 * Structural checks and shape inference over a whole document: the one pass that the
 * canvas, the summary, validation and the compiler all derive their numbers from.
 */
import { getSpec, isLayerType } from '../layers/catalog.js';
import type { ParamCount, Shape } from '../layers/types.js';
import type { GraphEdge, GraphNode, ProjectDocument } from './document.js';
import { makeFinding, type Finding, type Repair } from './findings.js';
import { checkParams } from './params.js';
import { buildTopology, type Topology } from './topology.js';

export interface NodeAnalysis {
  node: GraphNode;
  /** Shapes arriving at the node, in input order (empty until every upstream shape is known). */
  inputs: Shape[];
  output: Shape | null;
  params: ParamCount | null;
  macs: number;
}

export interface GraphAnalysis {
  topology: Topology;
  nodes: Map<string, NodeAnalysis>;
  findings: Finding[];
  /** Input node ids in document order. */
  inputIds: string[];
  /** Node ids with no outgoing edge (the model's outputs), in document order. */
  outputIds: string[];
}

export function analyzeGraph(doc: Pick<ProjectDocument, 'nodes' | 'edges'>): GraphAnalysis {
  const findings: Finding[] = [];
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const edges = doc.edges.filter((e) => {
    if (byId.has(e.source) && byId.has(e.target)) return true;
    const missing = byId.has(e.source) ? e.target : e.source;
    findings.push(makeFinding('DANGLING_EDGE', 'error', `Connection "${e.id}" points at a layer "${missing}" that does not exist`, {
      edgeId: e.id,
      repair: { kind: 'remove-edge', label: 'Remove the connection', edgeId: e.id },
    }));
    return false;
  });
  const topology = buildTopology(doc.nodes, edges);
  findings.push(...checkStructure(doc.nodes, edges, topology));

  const nodes = new Map<string, NodeAnalysis>();
  for (const node of doc.nodes) nodes.set(node.id, { node, inputs: [], output: null, params: null, macs: 0 });

  const warned = new Map<string, string[]>();
  for (const id of topology.order) {
    const entry = nodes.get(id)!;
    const { node } = entry;
    if (!isLayerType(node.type)) continue;
    const spec = getSpec(node.type);
    const incoming = topology.incoming.get(id)!;
    if (incoming.length < spec.arity.min || incoming.length > spec.arity.max) continue;
    const paramFindings = checkParams(node, spec.params, node.params);
    findings.push(...paramFindings);
    if (paramFindings.length > 0) continue;
    const inputs = incoming.map((e) => nodes.get(e.source)!.output);
    if (inputs.some((s) => s === null)) continue; // an upstream problem is already reported there
    entry.inputs = inputs as Shape[];
    const ctx = { nodeId: id, name: node.name, inputs: entry.inputs, params: node.params };
    const result = spec.inferShape(ctx);
    if (!result.ok) {
      findings.push(...result.findings.map((f) => withRepairSource(f, incoming)));
      continue;
    }
    entry.output = result.shape;
    if (result.findings) {
      // A warning that an upstream layer already raised (Dense after Dense on an image) is the same mistake.
      const upstreamCodes = new Set(incoming.flatMap((e) => warned.get(e.source) ?? []));
      const fresh = result.findings.filter((f) => !upstreamCodes.has(f.code));
      warned.set(id, result.findings.map((f) => f.code));
      findings.push(...fresh.map((f) => withRepairSource(f, incoming)));
    }
    const resolved = { ...ctx, output: result.shape };
    entry.params = spec.countParams(resolved);
    entry.macs = spec.macs(resolved);
    if (spec.lint) findings.push(...spec.lint(resolved));
  }

  const inputIds = doc.nodes.filter((n) => n.type === 'Input').map((n) => n.id);
  const outputIds = doc.nodes.filter((n) => n.type !== 'Input' && topology.outgoing.get(n.id)!.length === 0).map((n) => n.id);
  return { topology, nodes, findings, inputIds, outputIds };
}

/** Layer shape rules do not know their upstream node; an insert-layer repair goes on the first incoming edge. */
function withRepairSource(f: Finding, incoming: GraphEdge[]): Finding {
  const r = f.repair;
  if (r?.kind !== 'insert-layer' || r.source !== '') return f;
  const first = incoming[0];
  if (!first) return { ...f, repair: undefined } as Finding;
  const repair: Repair = { ...r, source: first.source };
  return { ...f, repair };
}

function checkStructure(nodes: readonly GraphNode[], edges: readonly GraphEdge[], topo: Topology): Finding[] {
  const findings: Finding[] = [];
  const seenNames = new Map<string, string>();
  for (const node of nodes) {
    const other = seenNames.get(node.name);
    if (other !== undefined) {
      findings.push(makeFinding('DUPLICATE_NAME', 'error', `Two layers are named "${node.name}"; layer names must be unique`, {
        nodeId: node.id,
        repair: { kind: 'rename-node', label: `Rename to "${node.name}_2"`, nodeId: node.id, name: `${node.name}_2` },
      }));
    } else seenNames.set(node.name, node.id);
    if (!isLayerType(node.type)) {
      findings.push(makeFinding('UNKNOWN_LAYER', 'error', `Layer "${node.name}" has unknown type "${node.type}"`, { nodeId: node.id }));
      continue;
    }
    const spec = getSpec(node.type);
    const n = topo.incoming.get(node.id)!.length;
    if (n < spec.arity.min) {
      const need = spec.arity.min === spec.arity.max ? `${spec.arity.min}` : `at least ${spec.arity.min}`;
      findings.push(makeFinding('MISSING_INPUT', 'error', `${node.type} "${node.name}" needs ${need} input${spec.arity.min === 1 ? '' : 's'} but has ${n}`, { nodeId: node.id }));
    } else if (n > spec.arity.max) {
      const extra = topo.incoming.get(node.id)![n - 1]!;
      const allowed = spec.arity.max === 0 ? 'no inputs' : `${spec.arity.max} input${spec.arity.max === 1 ? '' : 's'}`;
      findings.push(makeFinding('TOO_MANY_INPUTS', 'error', `${node.type} "${node.name}" takes ${allowed} but has ${n}; merge branches with Concatenate or Add`, {
        nodeId: node.id,
        repair: { kind: 'remove-edge', label: 'Remove the extra connection', edgeId: extra.id },
      }));
    }
  }
  if (topo.cyclic.length > 0) {
    const names = topo.cyclic.map((id) => `"${nodes.find((n) => n.id === id)!.name}"`);
    const closing = edges.find((e) => topo.cyclic.includes(e.source) && topo.cyclic.includes(e.target));
    for (const id of topo.cyclic) {
      findings.push(makeFinding('CYCLE', 'error', `Layers ${names.join(' → ')} form a cycle; use an RNN layer for recurrence`, {
        nodeId: id,
        ...(closing ? { repair: { kind: 'remove-edge' as const, label: 'Remove the connection that closes the cycle', edgeId: closing.id } } : {}),
      }));
    }
  }
  findings.push(...checkReachability(nodes, topo));
  return findings;
}

function checkReachability(nodes: readonly GraphNode[], topo: Topology): Finding[] {
  if (nodes.length === 0) return [makeFinding('NO_INPUT', 'error', 'The network is empty; add an Input layer')];
  const findings: Finding[] = [];
  const inputs = nodes.filter((n) => n.type === 'Input');
  if (inputs.length === 0) findings.push(makeFinding('NO_INPUT', 'error', 'The network has no Input layer; every model starts with one'));
  const fed = walk(inputs.map((n) => n.id), (id) => topo.outgoing.get(id)!.map((e) => e.target));
  const lonely = nodes.filter((n) => topo.incoming.get(n.id)!.length === 0 && topo.outgoing.get(n.id)!.length === 0);
  const hasOutput = nodes.some((n) => n.type !== 'Input' && fed.has(n.id) && topo.outgoing.get(n.id)!.length === 0);
  if (inputs.length > 0 && !hasOutput) {
    findings.push(makeFinding('NO_OUTPUT', 'error', 'No layer is connected after the Input, so the network has no output'));
  }
  for (const n of lonely) {
    if (n.type === 'Input' && nodes.length === 1) continue;
    findings.push(makeFinding('DISCONNECTED', 'warning', `${n.type} "${n.name}" is not connected to anything and will be left out`, {
      nodeId: n.id,
      repair: { kind: 'remove-node', label: `Delete "${n.name}"`, nodeId: n.id },
    }));
  }
  for (const n of nodes) {
    if (n.type === 'Input' || fed.has(n.id) || lonely.includes(n)) continue;
    findings.push(makeFinding('DISCONNECTED', 'warning', `${n.type} "${n.name}" is not fed by any Input and will be left out`, { nodeId: n.id }));
  }
  return findings;
}

function walk(start: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set(start);
  const stack = [...start];
  while (stack.length > 0) {
    for (const id of next(stack.pop()!)) {
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(id);
    }
  }
  return seen;
}

