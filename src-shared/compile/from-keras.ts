/**
 * Keras / TF.js model JSON → a project document. The file's layer names are kept, edges follow
 * each layer's input order, and positions come from the layered auto-layout. Anything the
 * catalog cannot represent is refused with a message that names the layers involved.
 */
import { KERAS_CLASS_TO_TYPE, getSpec, type LayerType } from '../layers/catalog.js';
import type { Params } from '../layers/types.js';
import { analyzeGraph } from '../graph/analyze.js';
import {
  DEFAULT_TRAINING,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  type GraphEdge,
  type GraphNode,
  type ProjectDocument,
} from '../graph/document.js';
import { layoutGraph } from '../graph/layout.js';
import { parseKerasTopology, type ParsedLayer, type ParsedModel } from './parse-topology.js';
import { checkStructure } from './import-checks.js';

export type ImportResult = { ok: true; doc: ProjectDocument; warnings: string[] } | { ok: false; error: string };

/** Keys that only say where the model's input came from; the Input node carries that now. */
const INPUT_SHAPE_KEYS = ['batch_input_shape', 'batch_shape', 'input_shape'];

/**
 * Imports Keras 2 / Keras 3 `model.to_json()` output or a TF.js `model.json` (weights ignored).
 * `json` is the parsed file (or its text); `opts.name` overrides the model's own name.
 */
export function importKerasModel(json: unknown, opts: { name?: string } = {}): ImportResult {
  const parsed = parseKerasTopology(json);
  if (!parsed.ok) return parsed;
  const model = parsed.model;
  const refused = checkStructure(model, (cls) => KERAS_CLASS_TO_TYPE.has(cls));
  if (refused) return { ok: false, error: refused };

  const warnings: string[] = [];
  const errors: string[] = [];
  const nodes: GraphNode[] = [];
  for (const [i, layer] of model.layers.entries()) {
    const type = KERAS_CLASS_TO_TYPE.get(layer.className)!;
    const params = layerParams(layer, type, warnings);
    if (params.ok) nodes.push({ id: `n${i + 1}`, type, name: layer.name, params: params.params, position: { x: 0, y: 0 } });
    else errors.push(params.error);
  }
  // Every refused option at once, one line per layer, so the model can be fixed in one pass.
  if (errors.length > 0) return { ok: false, error: errors.join('\n') };
  const edges = buildEdges(model, nodes);
  tokensForEmbeddings(nodes, edges);
  warnings.push(...outputWarnings(model, edges, nodes));

  const positions = layoutGraph(nodes, edges);
  for (const n of nodes) n.position = positions.get(n.id)!;
  const doc: ProjectDocument = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name: opts.name ?? model.name ?? 'Imported model',
    nodes,
    edges,
    dataset: null,
    training: { ...DEFAULT_TRAINING },
    runs: [],
    importedFrom: model.origin,
  };
  // The import is faithful to the file; problems our analysis sees are worth saying up front.
  for (const f of analyzeGraph(doc).findings) if (f.severity === 'error') warnings.push(`After import: ${f.message}`);
  return { ok: true, doc, warnings };
}

function layerParams(layer: ParsedLayer, type: LayerType, warnings: string[]): { ok: true; params: Params } | { ok: false; error: string } {
  const config = { ...layer.config };
  if (type !== 'Input') for (const k of INPUT_SHAPE_KEYS) delete config[k];
  const result = getSpec(type).keras.fromKeras({ class_name: layer.className, config });
  const where = (msg: string) => {
    const prefix = `${layer.className}:`;
    return `${layer.className} "${layer.name}": ${msg.startsWith(prefix) ? msg.slice(prefix.length).trimStart() : msg}`;
  };
  if (!result.ok) return { ok: false, error: where(result.error) };
  for (const w of result.warnings ?? []) warnings.push(where(w));
  return { ok: true, params: result.params };
}

/** One edge per input tensor, `targetIndex` = position in the layer's call. */
function buildEdges(model: ParsedModel, nodes: GraphNode[]): GraphEdge[] {
  const idOf = new Map(nodes.map((n) => [n.name, n.id]));
  const edges: GraphEdge[] = [];
  for (const [i, layer] of model.layers.entries()) {
    for (const [k, ref] of (layer.calls[0] ?? []).entries()) {
      edges.push({ id: `e${edges.length + 1}`, source: idOf.get(ref.layer)!, target: nodes[i]!.id, targetIndex: k });
    }
  }
  return edges;
}

/**
 * tfjs and Keras 2 Sequential models give an Embedding's implicit input the float32 dtype,
 * which reads as a feature vector; an Input that feeds an Embedding holds token ids.
 */
function tokensForEmbeddings(nodes: GraphNode[], edges: GraphEdge[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of edges) {
    const source = byId.get(e.source)!;
    if (byId.get(e.target)!.type === 'Embedding' && source.type === 'Input' && source.params.dataKind === 'vector') {
      source.params = { ...source.params, dataKind: 'tokens' };
    }
  }
}

/** The document's outputs are the layers nothing consumes; say where that differs from the file. */
function outputWarnings(model: ParsedModel, edges: GraphEdge[], nodes: GraphNode[]): string[] {
  const consumed = new Set(edges.map((e) => e.source));
  const declared = new Set(model.outputs.map((o) => o.layer));
  const out: string[] = [];
  for (const n of nodes) {
    if (declared.has(n.name) && consumed.has(n.id)) {
      out.push(
        `Layer "${n.name}" is a model output that also feeds other layers; here only layers without outgoing connections are outputs, so it is not an output any more`,
      );
    } else if (!declared.has(n.name) && !consumed.has(n.id) && n.type !== 'Input') {
      out.push(`Layer "${n.name}" is not used by the model's outputs in the file; here it becomes an extra output`);
    }
  }
  return out;
}
