/**
 * Graph structure queries shared by validation, inference, compile and layout:
 * incoming edges in input order, and a topological order that reports cycles.
 */
import type { GraphEdge, GraphNode } from './document.js';

export interface Topology {
  /** Incoming edges per node id, sorted by targetIndex (then edge id, for determinism). */
  incoming: Map<string, GraphEdge[]>;
  outgoing: Map<string, GraphEdge[]>;
  /** Node ids in topological order; nodes on or after a cycle are missing. */
  order: string[];
  /** Node ids that sit on a cycle (empty when the graph is acyclic). */
  cyclic: string[];
}

export function buildTopology(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Topology {
  const ids = new Set(nodes.map((n) => n.id));
  const incoming = new Map<string, GraphEdge[]>();
  const outgoing = new Map<string, GraphEdge[]>();
  for (const n of nodes) {
    incoming.set(n.id, []);
    outgoing.set(n.id, []);
  }
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    incoming.get(e.target)!.push(e);
    outgoing.get(e.source)!.push(e);
  }
  for (const list of incoming.values()) {
    list.sort((a, b) => a.targetIndex - b.targetIndex || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  // Kahn's algorithm in document order, so the same graph always yields the same order.
  const indegree = new Map<string, number>();
  for (const n of nodes) indegree.set(n.id, incoming.get(n.id)!.length);
  const ready = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of outgoing.get(id)!) {
      const left = indegree.get(e.target)! - 1;
      indegree.set(e.target, left);
      if (left === 0) ready.push(e.target);
    }
  }
  const placed = new Set(order);
  const unplaced = nodes.filter((n) => !placed.has(n.id)).map((n) => n.id);
  return { incoming, outgoing, order, cyclic: findCycleMembers(unplaced, outgoing) };
}

/** Among nodes Kahn could not place, keep those that can reach themselves (the cycle, not its downstream). */
function findCycleMembers(unplaced: string[], outgoing: Map<string, GraphEdge[]>): string[] {
  const candidates = new Set(unplaced);
  return unplaced.filter((start) => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const e of outgoing.get(id) ?? []) {
        if (e.target === start) return true;
        if (candidates.has(e.target) && !seen.has(e.target)) {
          seen.add(e.target);
          stack.push(e.target);
        }
      }
    }
    return false;
  });
}

/** True if adding `source → target` would close a cycle (used while the user drags a connection). */
export function wouldCreateCycle(edges: readonly GraphEdge[], source: string, target: string): boolean {
  if (source === target) return true;
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const stack = [target];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === source) return true;
    for (const next of out.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}
