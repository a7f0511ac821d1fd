/**
 * Test helpers for the convolution / pooling / resampling specs: run a spec's shape rule
 * directly (no graph, no catalog) and compare it with what real tfjs builds.
 */
import { expect } from 'vitest';
import { withDefaults } from '../../../../src-shared/layers/common.js';
import type { LayerSpec, Params, ResolvedContext, Shape, ShapeResult } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';

/** The spec's shape rule on one input, with defaults filled in. */
export function infer(spec: LayerSpec, given: Params, input: Shape, name = 'probe'): ShapeResult {
  return spec.inferShape({ nodeId: 'node-1', name, inputs: [input], params: withDefaults(spec.params, given) });
}

/** A resolved context (shape rule must succeed), for countParams / macs / explain / lint. */
export function resolve(spec: LayerSpec, given: Params, input: Shape, name = 'probe'): ResolvedContext {
  const params = withDefaults(spec.params, given);
  const ctx = { nodeId: 'node-1', name, inputs: [input], params };
  const r = spec.inferShape(ctx);
  if (!r.ok) throw new Error(`expected a shape, got: ${r.findings.map((f) => f.message).join('; ')}`);
  return { ...ctx, output: r.shape };
}

/** The single finding of a failing shape rule. */
export function failure(spec: LayerSpec, given: Params, input: Shape, name = 'probe') {
  const r = infer(spec, given, input, name);
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.shape)}`);
  expect(r.findings).toHaveLength(1);
  return r.findings[0]!;
}

/** Our shape and weight counts must equal tfjs's, built from our own Keras JSON. */
export async function expectMatchesTfjs(spec: LayerSpec, given: Params, input: Shape): Promise<void> {
  const ctx = resolve(spec, given, input);
  const ours = { outputShape: [...ctx.output], ...spec.countParams(ctx) };
  const theirs = await tfjsFactsForSpec(spec, given, [input]);
  expect(ours, `${spec.kind} ${JSON.stringify(given)} on ${JSON.stringify(input)}`).toEqual(theirs);
}

/** fromKeras(toKeras(p)) must give back exactly p. */
export function expectRoundTrip(spec: LayerSpec, given: Params): void {
  const params = withDefaults(spec.params, given);
  const back = spec.keras.fromKeras(spec.keras.toKeras(params, { inputShapes: [] }));
  expect(back).toEqual({ ok: true, params });
}
