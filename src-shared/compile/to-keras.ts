/**
 * Document → Keras Functional-API model JSON, loadable by tfjs-layers `tf.models.modelFromJSON`
 * and by Keras's `model_from_json`. The Functional form (rather than Sequential) is always
 * used so that branches and merges compile the same way as chains.
 */
import { getSpec, isLayerType } from '../layers/catalog.js';
import type { Shape } from '../layers/types.js';
import { analyzeGraph, type GraphAnalysis } from '../graph/analyze.js';
import type { GraphNode, ProjectDocument } from '../graph/document.js';
import type { Finding } from '../graph/findings.js';
import {
  TFJS_BACKEND,
  TFJS_LAYERS_VERSION,
  type KerasLayerEntry,
  type KerasModelJson,
  type KerasTensorRef,
  type TfjsModelJson,
} from './keras-json.js';

export type CompileResult =
  /** `findings` are the analysis warnings/infos (e.g. disconnected layers that were left out). */
  { ok: true; model: KerasModelJson; findings: Finding[] } | { ok: false; findings: Finding[] };

/**
 * The class name we write. tfjs 4.22 registers both "Model" (what tfjs itself writes) and
 * "Functional" (what Keras ≥ 2.4 writes); both load. "Functional" is also what Keras 3 writes.
 */
export const FUNCTIONAL_CLASS_NAME = 'Functional';

/** Compiles the document, or refuses with the analysis findings when any of them is an error. */
export function compileToKeras(doc: Pick<ProjectDocument, 'name' | 'nodes' | 'edges'>): CompileResult {
  const analysis = analyzeGraph(doc);
  if (analysis.findings.some((f) => f.severity === 'error')) return { ok: false, findings: analysis.findings };

  const kept = keptNodeIds(analysis);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const layers: KerasLayerEntry[] = [];
  for (const id of analysis.topology.order) {
    if (!kept.has(id)) continue;
    layers.push(layerEntry(byId.get(id)!, analysis, byId));
  }
  const ref = (id: string): KerasTensorRef => [byId.get(id)!.name, 0, 0];
  return {
    ok: true,
    findings: analysis.findings,
    model: {
      class_name: FUNCTIONAL_CLASS_NAME,
      config: {
        name: doc.name,
        layers,
        input_layers: analysis.inputIds.filter((id) => kept.has(id)).map(ref),
        output_layers: analysis.outputIds.filter((id) => kept.has(id)).map(ref),
      },
      keras_version: `tfjs-layers ${TFJS_LAYERS_VERSION}`,
      backend: TFJS_BACKEND,
    },
  };
}

/** Wraps compiled topology as a TF.js `model.json` (no weights: an untrained model's file). */
export function toTfjsModelJson(model: KerasModelJson): TfjsModelJson {
  return {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${TFJS_LAYERS_VERSION}`,
    convertedBy: null,
    modelTopology: model,
    weightsManifest: [],
  };
}

/**
 * Nodes that make it into the model: those fed by an Input with a known shape. In an error-free
 * analysis the rest are exactly the DISCONNECTED warnings (lonely layers, unused Inputs).
 */
function keptNodeIds(analysis: GraphAnalysis): Set<string> {
  const kept = new Set<string>();
  for (const id of analysis.topology.order) {
    const entry = analysis.nodes.get(id)!;
    if (entry.output === null) continue;
    const incoming = analysis.topology.incoming.get(id)!;
    if (entry.node.type === 'Input') {
      if (analysis.topology.outgoing.get(id)!.length > 0) kept.add(id);
    } else if (incoming.length > 0 && incoming.every((e) => kept.has(e.source))) kept.add(id);
  }
  return kept;
}

function layerEntry(node: GraphNode, analysis: GraphAnalysis, byId: Map<string, GraphNode>): KerasLayerEntry {
  if (!isLayerType(node.type)) throw new Error(`unknown layer type ${node.type}`); // analysis already refused it
  const entry = analysis.nodes.get(node.id)!;
  const keras = getSpec(node.type).keras.toKeras(node.params, { inputShapes: entry.inputs });
  const incoming = analysis.topology.incoming.get(node.id)!;
  if (node.type === 'Input') {
    const config = {
      ...keras.config,
      batch_input_shape: [null, ...(entry.output as Shape)],
      dtype: inputDtype(node, analysis, byId, keras.config.dtype),
      sparse: false,
      name: node.name,
    };
    return { class_name: keras.class_name, name: node.name, config, inbound_nodes: [] };
  }
  return {
    class_name: keras.class_name,
    name: node.name,
    config: { ...keras.config, name: node.name, trainable: true, dtype: 'float32' },
    inbound_nodes: [incoming.map((e) => [byId.get(e.source)!.name, 0, 0, {}])],
  };
}

/**
 * Token ids feeding an Embedding must be integers (tfjs's Embedding casts, but Keras documents
 * int32 inputs and the exported training code relies on it); everything else is float32.
 */
function inputDtype(node: GraphNode, analysis: GraphAnalysis, byId: Map<string, GraphNode>, fromSpec: unknown): string {
  if (typeof fromSpec === 'string') return fromSpec;
  const consumers = analysis.topology.outgoing.get(node.id)!.map((e) => byId.get(e.target)!.type);
  return consumers.includes('Embedding') ? 'int32' : 'float32';
}
