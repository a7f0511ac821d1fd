/**
 * ModelGraph → ONNX (opset 17) bytes. Inputs and outputs keep the app's layout (NHWC images,
 * batch-first sequences); inside, tensors follow the shared layout plan (layout.ts), with one
 * Transpose wherever a tensor changes layout, shared by all consumers that need it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { asLayerError, requireEntry, UnsupportedLayerError } from '../errors.js';
import { planLayouts, toChannelsFirst, toChannelsLast, type Layout } from '../layout.js';
import type { GraphLayer, ModelGraph } from '../model-graph.js';
import { attr, OnnxBuilder, OPSET, type ValueSpec } from './builder.js';
import { ONNX_LAYERS } from './table.js';

/** Builds the serialized ONNX model; throws UnsupportedLayerError naming the first layer ONNX cannot express. */
export function buildOnnxModel(graph: ModelGraph): Uint8Array {
  const b = new OnnxBuilder();
  const plan = planLayouts(graph);
  const byName = new Map(graph.layers.map((l) => [l.name, l]));
  const rank = (name: string) => byName.get(name)!.outputShape.length + 1;
  /** layer name → its tensor in the plan's layout; `${name}|${layout}` → converted copies. */
  const tensors = new Map<string, string>();
  const converted = new Map<string, string>();
  const inLayout = (name: string, want: Layout): string => {
    const have = plan.get(name)!.output;
    const r = rank(name);
    if (have === want || r < 3) return tensors.get(name)!;
    const key = `${name}|${want}`;
    if (!converted.has(key)) {
      const perm = want === 'cf' ? toChannelsFirst(r) : toChannelsLast(r);
      converted.set(key, b.op('Transpose', [tensors.get(name)!], `${name}/${want === 'cf' ? 'to_nchw' : 'to_nhwc'}`, { perm: attr.ints(perm) }));
    }
    return converted.get(key)!;
  };

  const inputs: ValueSpec[] = [];
  for (const name of graph.inputs) {
    const layer = byName.get(name)!;
    tensors.set(name, b.reserve(name));
    inputs.push({ name, dtype: layer.config.dtype === 'int32' ? 'int32' : 'float32', dims: dims(layer) });
  }
  const outputs = new Set(graph.outputs);
  for (const layer of graph.layers) {
    if (layer.className === 'InputLayer') continue;
    if (layer.type === null) throw new UnsupportedLayerError('onnx', layer.name, layer.className, 'it is not a layer type Netwright knows');
    const { emit } = requireEntry('onnx', ONNX_LAYERS[layer.type], { name: layer.name, type: layer.className });
    const { input, output } = plan.get(layer.name)!;
    // An output that ends channels-first gets an internal name; the final Transpose takes the layer's name.
    const out = outputs.has(layer.name) && output === 'cf' ? b.fresh(`${layer.name}/nchw`) : b.reserve(layer.name);
    const ins = layer.inputs.map((n) => inLayout(n, input));
    asLayerError('onnx', layer, () => emit({ b, layer, inputs: ins, layout: input, out }));
    tensors.set(layer.name, out);
  }
  for (const name of graph.outputs) {
    if (plan.get(name)!.output === 'cf' && rank(name) >= 3) {
      b.op('Transpose', [tensors.get(name)!], `${name}/to_nhwc`, { perm: attr.ints(toChannelsLast(rank(name))) }, b.reserve(name));
    }
  }
  const outSpecs: ValueSpec[] = graph.outputs.map((name) => ({ name, dtype: 'float32', dims: dims(byName.get(name)!) }));
  return b.finish(graph.name, inputs, outSpecs, `Exported by Netwright from a tfjs model (opset ${OPSET}); inputs and outputs in the app's layout (NHWC / batch-first).`);
}

/** Batch-first dims in Keras order; the batch and unknown sizes are symbolic. */
function dims(layer: GraphLayer): (number | string)[] {
  return ['N', ...layer.outputShape.map((d, i) => d ?? `${layer.name}_d${i + 1}`)];
}

/** Writes `model.onnx` into `dir` and returns its path. */
export async function exportOnnx(graph: ModelGraph, dir: string): Promise<string> {
  const file = path.join(dir, 'model.onnx');
  await writeFile(file, buildOnnxModel(graph));
  return file;
}
