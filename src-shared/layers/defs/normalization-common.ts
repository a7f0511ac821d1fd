/**
 * What BatchNormalization and LayerNormalization share: the `axis` param (last axis only, but
 * written as Keras 2 saves it) and the shape rule that checks it against the input rank.
 */
import { fail, formatShape, num, ok, warn } from '../common.js';
import type { Finding } from '../../graph/findings.js';
import type { ParamSpec, ResolvedContext, ShapeContext, ShapeResult } from '../types.js';

/**
 * Keras counts the batch as axis 0, so the last per-sample axis of a rank-r input is -1 or r.
 * Keras 2 and TF.js save the resolved positive index (e.g. 3 after a conv), hence the param.
 */
export const AXIS_PARAM: ParamSpec = {
  kind: 'int',
  label: 'Axis',
  help: 'The feature axis that gets its own γ and β: -1 (the last axis). Imported Keras 2 models spell it as a positive index; only the last axis is supported.',
  default: -1,
  min: -1,
};

/** Identity shape, once the axis is the last one and its size is known. */
export function lastAxisShape(ctx: ShapeContext, kind: string): ShapeResult {
  const input = ctx.inputs[0]!;
  const axis = num(ctx.params, 'axis');
  if (axis !== -1 && axis !== input.length) {
    return fail(
      ctx,
      'PARAM_INVALID',
      `${kind} "${ctx.name}" normalizes axis ${axis} of ${formatShape(input)} (Keras counts the batch as axis 0); only the last axis (-1, here also ${input.length}) is supported`,
      { kind: 'set-param', label: 'Set axis to -1', nodeId: ctx.nodeId, param: 'axis', value: -1 },
    );
  }
  if (input.at(-1) === null) {
    return fail(ctx, 'UNKNOWN_DIM', `${kind} "${ctx.name}" needs a known feature count on its last axis but gets ${formatShape(input)}`);
  }
  return ok(input);
}

/** Size of the normalized (last) axis. */
export const featureCount = (ctx: ResolvedContext): number => ctx.inputs[0]!.at(-1) ?? 0;

/**
 * TF.js 4.22 cannot train either layer with center or scale off: its training path reads the
 * missing β/γ variable and throws. Inference and export work, so this is a warning.
 */
export function trainerLint(ctx: ResolvedContext, kind: string): Finding[] {
  const off = (['center', 'scale'] as const).filter((k) => ctx.params[k] === false);
  if (off.length === 0) return [];
  return [
    warn(
      ctx,
      'TRAINER_UNSUPPORTED',
      `${kind} "${ctx.name}" has ${off.map((k) => `${k} off`).join(' and ')}; the in-app trainer (TensorFlow.js 4.22) fails to train that, though exported Keras code trains fine`,
      { kind: 'set-param', label: `Turn ${off[0]} on`, nodeId: ctx.nodeId, param: off[0]!, value: true },
    ),
  ];
}
