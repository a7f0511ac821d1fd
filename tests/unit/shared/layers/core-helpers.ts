/**
 * Test helpers for the core / normalization / merge specs: run a spec's rules directly on any
 * number of inputs (no graph, no catalog) and compare them with what real tfjs builds.
 */
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { Finding } from '../../../../src-shared/graph/findings.js';
import type { LayerSpec, Params, ResolvedContext, Shape, ShapeResult } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec, tfjsRunShape, type TfjsProbeOptions } from '../../../helpers/tfjs-reference.js';

export const NODE = 'node-1';

/** The spec's shape rule, with defaults filled in. */
export function inferAll(spec: LayerSpec, given: Params, inputs: readonly Shape[], name = 'probe'): ShapeResult {
  return spec.inferShape({ nodeId: NODE, name, inputs, params: withDefaults(spec.params, given) });
}

/** A resolved context (the shape rule must succeed), for countParams / macs / explain / lint. */
export function resolveAll(spec: LayerSpec, given: Params, inputs: readonly Shape[], name = 'probe'): ResolvedContext {
  const params = withDefaults(spec.params, given);
  const ctx = { nodeId: NODE, name, inputs, params };
  const r = spec.inferShape(ctx);
  if (!r.ok) throw new Error(`expected a shape, got: ${r.findings.map((f) => f.message).join('; ')}`);
  return { ...ctx, output: r.shape };
}

/** The single error finding of a failing shape rule. */
export function failureAll(spec: LayerSpec, given: Params, inputs: readonly Shape[], name = 'probe'): Finding {
  const r = inferAll(spec, given, inputs, name);
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.shape)}`);
  expect(r.findings).toHaveLength(1);
  expect(r.findings[0]!.severity).toBe('error');
  expect(r.findings[0]!.nodeId).toBe(NODE);
  return r.findings[0]!;
}

/** Our output shape and weight counts, in tfjsFacts's form. */
export function ourFacts(spec: LayerSpec, given: Params, inputs: readonly Shape[]) {
  const ctx = resolveAll(spec, given, inputs);
  const counts = spec.countParams(ctx);
  return { outputShape: [...ctx.output], trainable: counts.trainable, nonTrainable: counts.nonTrainable };
}

/** Asserts our shape rule and parameter count equal what tfjs builds from our own Keras JSON. */
export async function expectMatchesTfjs(spec: LayerSpec, given: Params, inputs: readonly Shape[], options?: TfjsProbeOptions) {
  expect(ourFacts(spec, given, inputs)).toEqual(await tfjsFactsForSpec(spec, given, inputs, options));
}

/** Asserts our shape equals the shape tfjs produces when it actually runs the layer. */
export async function expectMatchesTfjsRun(spec: LayerSpec, given: Params, inputs: readonly Shape[], options?: TfjsProbeOptions) {
  expect(ourFacts(spec, given, inputs).outputShape).toEqual(await tfjsRunShape(spec, given, inputs, options));
}

/** fromKeras(toKeras(p)) must give back exactly p (all params, defaults included). */
export function expectRoundTrip(spec: LayerSpec, given: Params, inputs: readonly Shape[] = [[4]]) {
  const params = withDefaults(spec.params, given);
  const keras = spec.keras.toKeras(params, { inputShapes: inputs });
  expect(spec.keras.classNames).toContain(keras.class_name);
  const back = spec.keras.fromKeras(keras);
  expect(back).toMatchObject({ ok: true, params });
  if (back.ok) expect(back.params).toEqual(params);
}

/** fromKeras of a config that must be refused; returns the error text. */
export function importError(spec: LayerSpec, class_name: string, config: Record<string, unknown>): string {
  const r = spec.keras.fromKeras({ class_name, config });
  if (r.ok) throw new Error(`expected import to fail, got ${JSON.stringify(r.params)}`);
  return r.error;
}

/** A formula by label from explain(). */
export function formula(spec: LayerSpec, ctx: ResolvedContext, label: string) {
  const f = spec.explain(ctx).formulas.find((x) => x.label === label);
  if (!f) throw new Error(`no formula "${label}" in ${JSON.stringify(spec.explain(ctx).formulas.map((x) => x.label))}`);
  return f;
}

/** One training step of Input[4] → layer → Dense(1) in tfjs; resolves to the loss or rejects. */
export async function trainOnce(spec: LayerSpec, given: Params): Promise<number> {
  const keras = spec.keras.toKeras(withDefaults(spec.params, given), { inputShapes: [[4]] });
  const topology = {
    class_name: 'Model',
    config: {
      name: 'train',
      layers: [
        {
          class_name: 'InputLayer',
          name: 'in0',
          config: { name: 'in0', batch_input_shape: [null, 4], dtype: 'float32', sparse: false },
          inbound_nodes: [],
        },
        { class_name: keras.class_name, name: 'probe', config: { ...keras.config, name: 'probe' }, inbound_nodes: [[['in0', 0, 0, {}]]] },
        { class_name: 'Dense', name: 'out', config: { name: 'out', units: 1 }, inbound_nodes: [[['probe', 0, 0, {}]]] },
      ],
      input_layers: [['in0', 0, 0]],
      output_layers: [['out', 0, 0]],
    },
  };
  const model = await tf.models.modelFromJSON({ modelTopology: topology } as unknown as tf.io.ModelJSON);
  const xs = tf.randomNormal([8, 4]);
  const ys = tf.zeros([8, 1]);
  try {
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const h = await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    return h.history.loss?.[0] as number;
  } finally {
    tf.dispose([xs, ys]);
    model.dispose();
  }
}

/** A Keras 3 DTypePolicy, as Keras 3 writes `dtype` into every layer config. */
export const K3_DTYPE = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
