/**
 * Loads model JSON with real tfjs-layers and reads back, per layer, what tfjs computes:
 * the ground truth the compiler and importer are checked against.
 */
import * as tf from '@tensorflow/tfjs';
import type { ProjectDocument } from '../../../../src-shared/graph/document.js';
import { analyzeGraph } from '../../../../src-shared/graph/analyze.js';

export interface LayerFacts {
  outputShape: (number | null)[];
  trainable: number;
  nonTrainable: number;
}

const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b ?? 0), 1), 0);

/** Per-layer facts (batch dim dropped) and the model's countParams(), from `tf.models.modelFromJSON`. */
export async function tfjsLayerFacts(
  modelTopology: unknown,
): Promise<{ layers: Map<string, LayerFacts>; total: number; className: string }> {
  const model = await tf.models.modelFromJSON({ modelTopology } as unknown as tf.io.ModelJSON);
  try {
    const layers = new Map<string, LayerFacts>();
    for (const layer of model.layers) {
      const shape = layer.outputShape as (number | null)[];
      layers.set(layer.name, {
        outputShape: shape.slice(1),
        trainable: size(layer.trainableWeights),
        nonTrainable: size(layer.nonTrainableWeights),
      });
    }
    return { layers, total: model.countParams(), className: model.getClassName() };
  } finally {
    model.dispose();
  }
}

/** The same facts from our own analysis, keyed by layer name (layers without a shape left out). */
export function ourLayerFacts(doc: Pick<ProjectDocument, 'nodes' | 'edges'>): {
  layers: Map<string, LayerFacts>;
  total: number;
  trainable: number;
  nonTrainable: number;
} {
  const analysis = analyzeGraph(doc);
  const layers = new Map<string, LayerFacts>();
  let trainable = 0;
  let nonTrainable = 0;
  for (const { node, output, params } of analysis.nodes.values()) {
    if (output === null || params === null) continue;
    layers.set(node.name, { outputShape: [...output], trainable: params.trainable, nonTrainable: params.nonTrainable });
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
  }
  return { layers, total: trainable + nonTrainable, trainable, nonTrainable };
}
