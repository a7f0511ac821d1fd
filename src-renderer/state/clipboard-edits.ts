/**
 * Copy, paste and duplicate. The clipboard is plain JSON (nodes plus the edges between them),
 * so it can also travel through the system clipboard between windows.
 */
import type { GraphEdge, GraphNode, ProjectDocument } from '../../src-shared/graph/document.js';
import { freeName, nextId } from './names.js';
import type { CreatedNodes, XY } from './document-edits.js';

export const CLIPBOARD_FORMAT = 'netwright-clipboard';

export interface Clipboard {
  format: typeof CLIPBOARD_FORMAT;
  nodes: GraphNode[];
  /** Only edges whose both ends were copied: a pasted group keeps its inner wiring. */
  edges: GraphEdge[];
}

/** The selected nodes and the edges among them, or null when nothing is selected. */
export function copyNodes(doc: ProjectDocument, nodeIds: Iterable<string>): Clipboard | null {
  const ids = new Set(nodeIds);
  const nodes = doc.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return structuredClone({ format: CLIPBOARD_FORMAT, nodes, edges });
}

/** Reads clipboard JSON from outside (system clipboard); null when it is not ours. */
export function parseClipboard(text: string): Clipboard | null {
  try {
    const value = JSON.parse(text) as Partial<Clipboard>;
    if (value.format !== CLIPBOARD_FORMAT || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) return null;
    return value as Clipboard;
  } catch {
    return null;
  }
}

/**
 * Adds a copy of the clipboard shifted by `offset`: fresh ids, names kept when free and
 * otherwise numbered on (`dense_1` → `dense_2`), inner edges rewired to the copies.
 */
export function pasteClipboard(doc: ProjectDocument, clip: Clipboard, offset: XY = { x: 40, y: 40 }): CreatedNodes {
  const nodeIds = doc.nodes.map((n) => n.id);
  const edgeIds = doc.edges.map((e) => e.id);
  const taken = new Set(doc.nodes.map((n) => n.name));
  const idMap = new Map<string, string>();
  const nodes: GraphNode[] = clip.nodes.map((n) => {
    const id = nextId('n', nodeIds);
    nodeIds.push(id);
    idMap.set(n.id, id);
    const name = freeName(n.name, taken);
    taken.add(name);
    return { ...structuredClone(n), id, name, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges: GraphEdge[] = [];
  for (const e of clip.edges) {
    const source = idMap.get(e.source);
    const target = idMap.get(e.target);
    if (!source || !target) continue;
    const id = nextId('e', edgeIds);
    edgeIds.push(id);
    edges.push({ id, source, target, targetIndex: e.targetIndex });
  }
  return { doc: { ...doc, nodes: [...doc.nodes, ...nodes], edges: [...doc.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}

/** Copy + paste in one step, slightly offset so the copies are visible next to the originals. */
export function duplicateNodes(doc: ProjectDocument, nodeIds: Iterable<string>): CreatedNodes {
  const clip = copyNodes(doc, nodeIds);
  return clip ? pasteClipboard(doc, clip, { x: 40, y: 40 }) : { doc, ids: [] };
}
