/**
 * Document edits as pure functions: (document, arguments) → new document. The store applies
 * them and decides what the history records; nothing here knows about React or React Flow.
 * An edit that changes nothing returns the same document object, so callers can skip it.
 */
import { getSpec, type LayerType } from '../../src-shared/layers/catalog.js';
import { withDefaults } from '../../src-shared/layers/common.js';
import type { ParamValue, Params } from '../../src-shared/layers/types.js';
import type { GraphEdge, GraphNode, ProjectDocument } from '../../src-shared/graph/document.js';
import { layoutGraph, LAYOUT_X_SPACING, LAYOUT_Y_SPACING } from '../../src-shared/graph/layout.js';
import { nextId, toSnakeCase, uniqueName } from './names.js';

export { applyRepair } from './repair-edits.js';
export { copyNodes, duplicateNodes, pasteClipboard, type Clipboard } from './clipboard-edits.js';

export interface XY {
  x: number;
  y: number;
}

/** Result of an edit that creates nodes: the new document and the new node ids (to select them). */
export interface CreatedNodes {
  doc: ProjectDocument;
  ids: string[];
}

/** Adds a layer with the catalog's defaults and a fresh Keras-style name (`dense_1`). */
export function addNode(doc: ProjectDocument, type: LayerType, position: XY, opts: { name?: string; params?: Params } = {}): CreatedNodes {
  const id = nextId(
    'n',
    doc.nodes.map((n) => n.id),
  );
  const taken = new Set(doc.nodes.map((n) => n.name));
  const name = opts.name && !taken.has(opts.name) ? opts.name : uniqueName(toSnakeCase(type), taken);
  const node: GraphNode = { id, type, name, params: withDefaults(getSpec(type).params, opts.params), position: { ...position } };
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, ids: [id] };
}

/**
 * Click-to-add: puts the layer one row below `anchorId` (or below the whole graph) and, when
 * there is an anchor and the layer takes inputs, connects anchor → new layer.
 */
export function appendNode(doc: ProjectDocument, type: LayerType, anchorId: string | null): CreatedNodes {
  const anchor = anchorId ? doc.nodes.find((n) => n.id === anchorId) : undefined;
  const below: XY = anchor
    ? { x: anchor.position.x, y: anchor.position.y + LAYOUT_Y_SPACING }
    : doc.nodes.length === 0
      ? { x: 0, y: 0 }
      : { x: Math.min(...doc.nodes.map((n) => n.position.x)), y: Math.max(...doc.nodes.map((n) => n.position.y)) + LAYOUT_Y_SPACING };
  const added = addNode(doc, type, findFreeSpot(doc, below));
  const id = added.ids[0]!;
  if (!anchor || getSpec(type).arity.max === 0) return added;
  return { doc: connect(added.doc, { source: anchor.id, target: id }), ids: [id] };
}

/** Moves right in layout steps until no card sits at the spot (cards are ~190×80). */
export function findFreeSpot(doc: ProjectDocument, wanted: XY): XY {
  const spot = { ...wanted };
  const busy = () => doc.nodes.some((n) => Math.abs(n.position.x - spot.x) < 200 && Math.abs(n.position.y - spot.y) < 80);
  for (let i = 0; i < 50 && busy(); i++) spot.x += LAYOUT_X_SPACING;
  return spot;
}

/** Sets node positions; positions equal to the current ones leave the document as it is. */
export function moveNodes(doc: ProjectDocument, moves: ReadonlyMap<string, XY>): ProjectDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const to = moves.get(n.id);
    if (!to || (to.x === n.position.x && to.y === n.position.y)) return n;
    changed = true;
    return { ...n, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...doc, nodes } : doc;
}

/** The lowest input slot of `target` that no edge uses. */
export function nextFreeSlot(doc: ProjectDocument, target: string): number {
  const used = new Set(doc.edges.filter((e) => e.target === target).map((e) => e.targetIndex));
  let slot = 0;
  while (used.has(slot)) slot += 1;
  return slot;
}

/**
 * Connects `source` → `target`. Without a slot the next free one is used; a slot beyond the
 * layer's arity, or one already taken, is replaced (dropping a wire on an occupied input swaps it).
 */
export function connect(doc: ProjectDocument, c: { source: string; target: string; targetIndex?: number }): ProjectDocument {
  const target = doc.nodes.find((n) => n.id === c.target);
  if (!target || !doc.nodes.some((n) => n.id === c.source) || c.source === c.target) return doc;
  const { max } = getSpec(target.type).arity;
  if (max === 0) return doc;
  let slot = c.targetIndex ?? nextFreeSlot(doc, c.target);
  if (slot >= max) slot = max - 1;
  const existing = doc.edges.find((e) => e.target === c.target && e.targetIndex === slot);
  if (existing?.source === c.source) return doc;
  const edge: GraphEdge = {
    id: nextId(
      'e',
      doc.edges.map((e) => e.id),
    ),
    source: c.source,
    target: c.target,
    targetIndex: slot,
  };
  const kept = existing ? doc.edges.filter((e) => e !== existing) : doc.edges;
  return { ...doc, edges: [...kept, edge] };
}

/** Removes edges by id. */
export function disconnect(doc: ProjectDocument, edgeIds: Iterable<string>): ProjectDocument {
  const drop = new Set(edgeIds);
  const edges = doc.edges.filter((e) => !drop.has(e.id));
  return edges.length === doc.edges.length ? doc : { ...doc, edges };
}

/** Removes nodes (with every edge touching them) and edges. */
export function deleteElements(doc: ProjectDocument, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): ProjectDocument {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return doc;
  const keptNodes = doc.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = doc.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
  if (keptNodes.length === doc.nodes.length && keptEdges.length === doc.edges.length) return doc;
  return { ...doc, nodes: keptNodes, edges: keptEdges };
}

/** Sets one parameter; an equal value (arrays compared by element) changes nothing. */
export function setParam(doc: ProjectDocument, nodeId: string, key: string, value: ParamValue): ProjectDocument {
  return updateNode(doc, nodeId, (n) => (sameValue(n.params[key], value) ? n : { ...n, params: { ...n.params, [key]: value } }));
}

/** Renames a layer (the caller checks the name with `checkLayerName`; duplicates are reported by validation). */
export function renameNode(doc: ProjectDocument, nodeId: string, name: string): ProjectDocument {
  return updateNode(doc, nodeId, (n) => (n.name === name ? n : { ...n, name }));
}

/** Renames the project (the model name in summaries and exports). */
export function renameProject(doc: ProjectDocument, name: string): ProjectDocument {
  return doc.name === name ? doc : { ...doc, name };
}

/** Lays the graph out top to bottom with the core's layered layout. */
export function autoLayout(doc: ProjectDocument): ProjectDocument {
  const positions = layoutGraph(doc.nodes, doc.edges);
  return moveNodes(doc, positions);
}

/**
 * Puts a new layer on the wire `source → target`: source → new → target, keeping the target's
 * input slot. Nodes below the insertion point move down a row to make room.
 */
export function insertLayerOnEdge(
  doc: ProjectDocument,
  source: string,
  target: string,
  type: LayerType,
  params: Params = {},
): CreatedNodes {
  const edge = doc.edges.find((e) => e.source === source && e.target === target);
  const from = doc.nodes.find((n) => n.id === source);
  const to = doc.nodes.find((n) => n.id === target);
  if (!edge || !from || !to) return { doc, ids: [] };
  const shifted = shiftBelow(doc, to.position.y, LAYOUT_Y_SPACING);
  const at = { x: to.position.x, y: to.position.y };
  const added = addNode(shifted, type, at, { params });
  const id = added.ids[0]!;
  const rewired = added.doc.edges.filter((e) => e.id !== edge.id);
  const e1: GraphEdge = { id: edge.id, source, target: id, targetIndex: 0 };
  const e2: GraphEdge = {
    id: nextId(
      'e',
      added.doc.edges.map((e) => e.id),
    ),
    source: id,
    target,
    targetIndex: edge.targetIndex,
  };
  return { doc: { ...added.doc, edges: [...rewired, e1, e2] }, ids: [id] };
}

function shiftBelow(doc: ProjectDocument, fromY: number, dy: number): ProjectDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.position.y >= fromY ? { ...n, position: { x: n.position.x, y: n.position.y + dy } } : n)),
  };
}

function updateNode(doc: ProjectDocument, nodeId: string, f: (n: GraphNode) => GraphNode): ProjectDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    if (n.id !== nodeId) return n;
    const next = f(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

function sameValue(a: ParamValue | undefined, b: ParamValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
