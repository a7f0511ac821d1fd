import { describe, expect, it } from 'vitest';
import { LAYOUT_X_SPACING, LAYOUT_Y_SPACING, layoutGraph } from '../../../../src-shared/graph/layout.js';

type E = { id: string; source: string; target: string; targetIndex: number };
const nodes = (...ids: string[]) => ids.map((id) => ({ id }));
const edges = (...pairs: [string, string][]): E[] => pairs.map(([source, target], i) => ({ id: `e${i}`, source, target, targetIndex: 0 }));

/** Node cards are at most ~180×60, so positions closer than that overlap. */
function overlapping(pos: Map<string, { x: number; y: number }>): string[] {
  const list = [...pos];
  const bad: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const [a, p] = list[i]!;
      const [b, q] = list[j]!;
      if (Math.abs(p.x - q.x) < 200 && Math.abs(p.y - q.y) < 80) bad.push(`${a}/${b}`);
    }
  return bad;
}

// A ResNet-like graph: a stem, two residual blocks (one with a projection shortcut), a head.
const resNodes = nodes('in', 'stem', 'a1', 'a2', 'proj', 'add1', 'b1', 'b2', 'add2', 'head', 'lonely');
const resEdges = edges(
  ['in', 'stem'],
  ['stem', 'a1'],
  ['a1', 'a2'],
  ['stem', 'proj'],
  ['proj', 'add1'],
  ['a2', 'add1'],
  ['add1', 'b1'],
  ['b1', 'b2'],
  ['add1', 'add2'],
  ['b2', 'add2'],
  ['add2', 'head'],
);

describe('layoutGraph', () => {
  it('stacks a chain straight down, one row per layer', () => {
    const pos = layoutGraph(nodes('a', 'b', 'c'), edges(['a', 'b'], ['b', 'c']));
    expect([...pos.values()]).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: LAYOUT_Y_SPACING },
      { x: 0, y: 2 * LAYOUT_Y_SPACING },
    ]);
  });

  it('puts a node one row below its deepest input (longest path)', () => {
    const pos = layoutGraph(resNodes, resEdges);
    expect(pos.get('a1')!.y).toBe(2 * LAYOUT_Y_SPACING);
    expect(pos.get('proj')!.y).toBe(2 * LAYOUT_Y_SPACING);
    expect(pos.get('add1')!.y).toBe(4 * LAYOUT_Y_SPACING); // after a2, not after proj
    expect(pos.get('head')!.y).toBe(8 * LAYOUT_Y_SPACING);
  });

  it('points every edge downward and overlaps no two nodes', () => {
    const pos = layoutGraph(resNodes, resEdges);
    expect(pos.size).toBe(resNodes.length);
    for (const e of resEdges) expect(pos.get(e.target)!.y, `${e.source}→${e.target}`).toBeGreaterThan(pos.get(e.source)!.y);
    expect(overlapping(pos)).toEqual([]);
  });

  it('spaces a row 220px apart and centres it under the widest row', () => {
    // in → (l, m, r) → out
    const pos = layoutGraph(
      nodes('in', 'l', 'm', 'r', 'out'),
      edges(['in', 'l'], ['in', 'm'], ['in', 'r'], ['l', 'out'], ['m', 'out'], ['r', 'out']),
    );
    const row = ['l', 'm', 'r'].map((id) => pos.get(id)!.x);
    expect(row).toEqual([0, LAYOUT_X_SPACING, 2 * LAYOUT_X_SPACING]);
    expect(pos.get('in')!.x).toBe(LAYOUT_X_SPACING);
    expect(pos.get('out')!.x).toBe(LAYOUT_X_SPACING);
  });

  it('orders a row by the barycenter of its inputs, untangling crossed branches', () => {
    // Two parallel chains whose second rows are listed in the opposite order in the document.
    const ns = nodes('a', 'b', 'b2', 'a2');
    const pos = layoutGraph(ns, edges(['a', 'a2'], ['b', 'b2']));
    expect(pos.get('a')!.x).toBeLessThan(pos.get('b')!.x);
    expect(pos.get('a2')!.x).toBeLessThan(pos.get('b2')!.x);
  });

  it('is deterministic: same input, same output, independent of edge order', () => {
    const first = layoutGraph(resNodes, resEdges);
    const again = layoutGraph(resNodes, resEdges);
    const shuffled = layoutGraph(resNodes, [...resEdges].reverse());
    expect([...again]).toEqual([...first]);
    expect([...shuffled]).toEqual([...first]);
  });

  it('still places every node when the graph has a cycle', () => {
    const pos = layoutGraph(nodes('a', 'b', 'c'), edges(['a', 'b'], ['b', 'c'], ['c', 'b']));
    expect(pos.size).toBe(3);
    expect(overlapping(pos)).toEqual([]);
  });

  it('returns an empty map for an empty graph', () => {
    expect(layoutGraph([], []).size).toBe(0);
  });
});
