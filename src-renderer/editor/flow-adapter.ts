/**
 * The one adapter from our document to React Flow: nodes and edges are derived from the
 * document, its validation and the selection, never stored. Node `data` holds plain values
 * (texts, counts, findings), never callbacks.
 *
 * For big graphs the adapter keeps every derived object whose inputs did not change, so React
 * Flow skips unchanged nodes (it compares by reference) and memoized node components do not
 * re-render: moving one node out of 500 builds one new node object.
 */
import type { Edge, Node } from '@xyflow/react';
import type { GraphEdge, GraphNode, ProjectDocument } from '../../src-shared/graph/document.js';
import type { Repair, Severity } from '../../src-shared/graph/findings.js';
import type { Validation } from '../../src-shared/graph/validate.js';
import { formatCount } from '../../src-shared/graph/summary.js';
import { getSpec, type LayerType } from '../../src-shared/layers/catalog.js';
import type { LayerCategory } from '../../src-shared/layers/types.js';
import { findingsOf } from '../state/derived.js';
import type { Selection } from '../state/store.js';
import { describeKeyParams, formatDims } from './node-summary.js';

export interface NodeFinding {
  severity: Severity;
  message: string;
  repair?: Repair;
}

export interface LayerNodeData extends Record<string, unknown> {
  name: string;
  type: LayerType;
  /** The catalog's label ("Conv 2D"). */
  label: string;
  category: LayerCategory;
  keyParams: string;
  /** Output shape as `26×26×32`, or null when it cannot be inferred. */
  output: string | null;
  /** Formatted parameter count, or null when unknown. */
  paramCount: string | null;
  severity: 'error' | 'warning' | null;
  findings: readonly NodeFinding[];
  /** Number of target handles: 0 for Input, 1 for most layers, used + 1 free for merges. */
  inputSlots: number;
}

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

export interface ShapeEdgeData extends Record<string, unknown> {
  /** The tensor travelling on the wire (`26×26×32`), or null while unknown. */
  label: string | null;
  severity: 'error' | 'warning' | null;
}

export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

export type Measured = ReadonlyMap<string, { width: number; height: number }>;

export const SOURCE_HANDLE = 'out';
export const targetHandleId = (slot: number): string => `in-${slot}`;
export const slotOfHandle = (handle: string | null | undefined): number | undefined => {
  const m = /^in-(\d+)$/.exec(handle ?? '');
  return m ? Number(m[1]) : undefined;
};

/** Target handles a node shows: merges always offer one free slot beyond the last used one. */
export function countInputSlots(type: LayerType, usedSlots: readonly number[]): number {
  const { min, max } = getSpec(type).arity;
  if (max <= 1) return max;
  const highest = usedSlots.length > 0 ? Math.max(...usedSlots) : -1;
  return Math.min(max, Math.max(min, highest + 2));
}

interface NodeEntry {
  /** Inputs of `data`: when all are the same objects as last time, data cannot have changed. */
  node: GraphNode;
  validation: Validation;
  slots: string;
  key: string;
  data: LayerNodeData;
  rf: LayerFlowNode;
}

export interface FlowAdapter {
  nodes(doc: ProjectDocument, validation: Validation, selection: Selection, measured: Measured): LayerFlowNode[];
  edges(doc: ProjectDocument, validation: Validation, selection: Selection): ShapeFlowEdge[];
}

/** A stateful adapter: one per canvas, so its caches follow that canvas's document. */
export function createFlowAdapter(): FlowAdapter {
  let nodeCache = new Map<string, NodeEntry>();
  let edgeCache = new Map<string, { key: string; rf: ShapeFlowEdge }>();
  let lastNodes: LayerFlowNode[] = [];
  let lastEdges: ShapeFlowEdge[] = [];

  return {
    nodes(doc, validation, selection, measured) {
      const selected = new Set(selection.nodes);
      const slots = new Map<string, number[]>();
      for (const e of doc.edges) slots.set(e.target, [...(slots.get(e.target) ?? []), e.targetIndex]);
      const next = new Map<string, NodeEntry>();
      const out = doc.nodes.map((node) => {
        const prev = nodeCache.get(node.id);
        const used = slots.get(node.id) ?? [];
        const slotKey = used.join(',');
        const unchanged =
          prev &&
          prev.validation === validation &&
          prev.slots === slotKey &&
          prev.node.params === node.params &&
          prev.node.name === node.name &&
          prev.node.type === node.type;
        const derived = unchanged ? { data: prev.data, key: prev.key } : nodeData(node, validation, used, prev);
        const data = derived.data;
        const isSelected = selected.has(node.id);
        const size = measured.get(node.id);
        const p = prev?.rf;
        const reuse =
          p &&
          p.data === data &&
          p.position === node.position &&
          p.selected === isSelected &&
          p.measured?.width === size?.width &&
          p.measured?.height === size?.height;
        const rf: LayerFlowNode = reuse
          ? p
          : {
              id: node.id,
              type: 'layer',
              position: node.position,
              data,
              selected: isSelected,
              ariaLabel: ariaLabelOf(data),
              ...(size ? { measured: { width: size.width, height: size.height } } : {}),
            };
        next.set(node.id, { node, validation, slots: slotKey, key: derived.key, data, rf });
        return rf;
      });
      const before = [...nodeCache.values()].map((e) => e.rf);
      nodeCache = next;
      // The same array when no node changed (selecting a wire, say): React Flow then skips its update.
      return sameItems(out, before) ? lastNodes : (lastNodes = out);
    },

    edges(doc, validation, selection) {
      const selected = new Set(selection.edges);
      const names = new Map(doc.nodes.map((n) => [n.id, n.name]));
      const severities = edgeSeverities(doc.edges, validation);
      const next = new Map<string, { key: string; rf: ShapeFlowEdge }>();
      const out = doc.edges.map((e) => {
        const output = validation.analysis.nodes.get(e.source)?.output;
        const label = output ? formatDims(output) : null;
        const severity = severities.get(e.id) ?? null;
        const isSelected = selected.has(e.id);
        const key = `${e.source}|${e.target}|${e.targetIndex}|${label}|${severity}|${isSelected}|${names.get(e.source)}|${names.get(e.target)}`;
        const prev = edgeCache.get(e.id);
        const rf: ShapeFlowEdge =
          prev && prev.key === key
            ? prev.rf
            : {
                id: e.id,
                type: 'shape',
                source: e.source,
                target: e.target,
                sourceHandle: SOURCE_HANDLE,
                targetHandle: targetHandleId(e.targetIndex),
                selected: isSelected,
                data: { label, severity },
                ariaLabel: `Connection from ${names.get(e.source) ?? e.source} to ${names.get(e.target) ?? e.target}${label ? `, carries ${label}` : ''}`,
              };
        next.set(e.id, { key, rf });
        return rf;
      });
      const before = [...edgeCache.values()].map((e) => e.rf);
      edgeCache = next;
      // Unchanged wires keep the array too: React Flow rebuilds its connection lookup on every new one.
      return sameItems(out, before) ? lastEdges : (lastEdges = out);
    },
  };
}

/**
 * The node's data, reusing the previous object when nothing it shows has changed. The key is
 * built from raw values first, so unchanged nodes cost no formatting (500 nodes per edit).
 */
function nodeData(
  node: GraphNode,
  validation: Validation,
  usedSlots: number[],
  prev: NodeEntry | undefined,
): { data: LayerNodeData; key: string } {
  const analysis = validation.analysis.nodes.get(node.id);
  const found = findingsOf(validation, node.id);
  const counted = analysis?.params;
  const count = counted ? counted.trainable + counted.nonTrainable : null;
  const output = analysis?.output ? formatDims(analysis.output) : null;
  const inputSlots = countInputSlots(node.type, usedSlots);
  const findingsKey = found.map((f) => `${f.severity}:${f.message}:${f.repair ? JSON.stringify(f.repair) : ''}`).join('|');
  const key = `${node.type}|${node.name}|${output}|${count}|${inputSlots}|${findingsKey}`;
  if (prev && prev.key === key && prev.node.params === node.params) return { data: prev.data, key };
  const spec = getSpec(node.type);
  const findings = found.map((f): NodeFinding =>
    f.repair ? { severity: f.severity, message: f.message, repair: f.repair } : { severity: f.severity, message: f.message },
  );
  const data: LayerNodeData = {
    name: node.name,
    type: node.type,
    label: spec.label,
    category: spec.category,
    keyParams: describeKeyParams(node.type, node.params),
    output,
    paramCount: count === null ? null : formatCount(count),
    severity: findings.some((f) => f.severity === 'error') ? 'error' : findings.some((f) => f.severity === 'warning') ? 'warning' : null,
    findings,
    inputSlots,
  };
  // New params that read the same ("128 · relu" after 128 → 128.0) keep the old object.
  const same = prev && prev.key === key && prev.data.keyParams === data.keyParams;
  return { data: same ? prev.data : data, key };
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function ariaLabelOf(d: LayerNodeData): string {
  const problems =
    d.findings.length > 0
      ? `, ${d.findings.length} ${d.severity === 'error' ? 'problem' : 'warning'}${d.findings.length === 1 ? '' : 's'}`
      : '';
  return `${d.label} layer ${d.name}, output ${d.output ?? 'unknown'}, ${d.paramCount ?? 'unknown'} parameters${problems}`;
}

/** Wires a finding points at: an extra or cycle-closing edge, or the edge a missing layer belongs on. */
function edgeSeverities(edges: readonly GraphEdge[], validation: Validation): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  const mark = (id: string | undefined, severity: Severity) => {
    if (id === undefined || severity === 'info') return;
    if (out.get(id) !== 'error') out.set(id, severity);
  };
  for (const f of validation.findings) {
    mark(f.edgeId, f.severity);
    const r = f.repair;
    if (r?.kind === 'remove-edge') mark(r.edgeId, f.severity);
    if (r?.kind === 'insert-layer') mark(edges.find((e) => e.source === r.source && e.target === r.target)?.id, f.severity);
  }
  return out;
}
