/**
 * A deterministic layered layout for the canvas: used when importing a model (the file has
 * no positions) and by the editor's "auto-layout". Data flows top to bottom.
 *
 * Layers come from longest-path layering (a node sits one row below its deepest input), so
 * every edge points strictly downward. Within a row nodes are ordered by the barycenter of
 * their neighbours in the row above (then below), which untangles branches such as ResNet
 * shortcuts; ties keep document order, so the same graph always gets the same picture.
 */
import type { GraphEdge, GraphNode } from './document.js';
import { buildTopology } from './topology.js';

/** Horizontal distance between neighbouring nodes in a row (node cards are ~180px wide). */
export const LAYOUT_X_SPACING = 220;
/** Vertical distance between rows. */
export const LAYOUT_Y_SPACING = 110;

/** Top-left canvas position per node id. */
export function layoutGraph(
  nodes: readonly Pick<GraphNode, 'id'>[],
  edges: readonly Pick<GraphEdge, 'id' | 'source' | 'target' | 'targetIndex'>[],
): Map<string, { x: number; y: number }> {
  const rows = orderRows(assignRows(nodes, edges), nodes, edges);
  const widest = Math.max(0, ...rows.map((r) => r.length));
  const positions = new Map<string, { x: number; y: number }>();
  rows.forEach((row, depth) => {
    // Centre every row under the widest one so the picture is symmetric and x ≥ 0.
    const offset = ((widest - row.length) / 2) * LAYOUT_X_SPACING;
    row.forEach((id, i) => positions.set(id, { x: offset + i * LAYOUT_X_SPACING, y: depth * LAYOUT_Y_SPACING }));
  });
  return positions;
}

/** Row index per node: longest path from a source. Nodes on a cycle go below everything else. */
function assignRows(
  nodes: readonly Pick<GraphNode, 'id'>[],
  edges: readonly Pick<GraphEdge, 'id' | 'source' | 'target' | 'targetIndex'>[],
): Map<string, number> {
  const topo = buildTopology(nodes as GraphNode[], edges as GraphEdge[]);
  const row = new Map<string, number>();
  for (const id of topo.order) {
    let depth = 0;
    for (const e of topo.incoming.get(id)!) depth = Math.max(depth, (row.get(e.source) ?? 0) + 1);
    row.set(id, depth);
  }
  // Kahn's order leaves out cycles and whatever hangs below them; stack those one per row.
  let next = Math.max(-1, ...row.values()) + 1;
  for (const n of nodes) if (!row.has(n.id)) row.set(n.id, next++);
  return row;
}

/** Groups nodes into rows and orders each row by barycenter sweeps (down, up, down). */
function orderRows(
  rowOf: Map<string, number>,
  nodes: readonly Pick<GraphNode, 'id'>[],
  edges: readonly Pick<GraphEdge, 'source' | 'target'>[],
): string[][] {
  const docIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const rowCount = Math.max(-1, ...rowOf.values()) + 1;
  const rows: string[][] = Array.from({ length: rowCount }, () => []);
  for (const n of nodes) rows[rowOf.get(n.id)!]!.push(n.id);

  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  for (const n of nodes) {
    up.set(n.id, []);
    down.set(n.id, []);
  }
  for (const e of edges) {
    if (!docIndex.has(e.source) || !docIndex.has(e.target)) continue;
    up.get(e.target)!.push(e.source);
    down.get(e.source)!.push(e.target);
  }

  // Each row is ordered against the row before it in the sweep direction.
  const sweep = (downward: boolean, neighbours: Map<string, string[]>) => {
    for (let i = 1; i < rowCount; i++) {
      const slot = slotsOf(rows);
      const row = rows[downward ? i : rowCount - 1 - i]!;
      // A node with no neighbours on that side keeps its current slot.
      const key = new Map(row.map((id) => [id, barycenter(neighbours.get(id)!, slot) ?? slot.get(id)!]));
      row.sort((a, b) => key.get(a)! - key.get(b)! || docIndex.get(a)! - docIndex.get(b)!);
    }
  };
  sweep(true, up);
  sweep(false, down);
  sweep(true, up);
  return rows;
}

/** Each node's position within its row, relative to the row's centre (rows have different widths). */
function slotsOf(rows: string[][]): Map<string, number> {
  const slot = new Map<string, number>();
  for (const row of rows) row.forEach((id, i) => slot.set(id, i - (row.length - 1) / 2));
  return slot;
}

function barycenter(neighbours: readonly string[], slot: Map<string, number>): number | null {
  const known = neighbours.map((id) => slot.get(id)).filter((s): s is number => s !== undefined);
  if (known.length === 0) return null;
  return known.reduce((a, b) => a + b, 0) / known.length;
}
