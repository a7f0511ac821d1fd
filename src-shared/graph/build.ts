/**
 * Builds a document from a compact layer list (templates, tests, generated graphs):
 * fills every parameter's default, wires inputs by layer name, and lays the graph out.
 */
import { getSpec, type LayerType } from '../layers/catalog.js';
import { withDefaults } from '../layers/common.js';
import type { Params } from '../layers/types.js';
import { createEmptyDocument, type GraphEdge, type GraphNode, type ProjectDocument } from './document.js';
import { layoutGraph } from './layout.js';

export interface LayerLine {
  type: LayerType;
  name: string;
  params?: Params;
  /** Names of the layers feeding this one, in input order; defaults to the previous line (a chain). */
  inputs?: string[];
}

export function buildDocument(name: string, layers: readonly LayerLine[], base: Partial<ProjectDocument> = {}): ProjectDocument {
  const doc = { ...createEmptyDocument(name), ...base };
  const idOf = new Map<string, string>();
  const nodes: GraphNode[] = layers.map((line, i) => {
    const id = `n${i + 1}`;
    if (idOf.has(line.name)) throw new Error(`buildDocument: duplicate layer name "${line.name}"`);
    idOf.set(line.name, id);
    return { id, type: line.type, name: line.name, params: withDefaults(getSpec(line.type).params, line.params), position: { x: 0, y: 0 } };
  });
  const edges: GraphEdge[] = [];
  layers.forEach((line, i) => {
    const sources = line.inputs ?? (i > 0 && line.type !== 'Input' ? [layers[i - 1]!.name] : []);
    sources.forEach((src, slot) => {
      const source = idOf.get(src);
      if (!source) throw new Error(`buildDocument: "${line.name}" takes input from unknown layer "${src}"`);
      edges.push({ id: `e${edges.length + 1}`, source, target: nodes[i]!.id, targetIndex: slot });
    });
  });
  const positions = layoutGraph(nodes, edges);
  for (const n of nodes) n.position = positions.get(n.id) ?? n.position;
  return { ...doc, nodes, edges };
}
