/**
 * ONNX emitters for the layers that are not spatial or recurrent: Dense, activations, Dropout,
 * Flatten/Reshape, Rescaling, the two normalizations, Embedding and the merges.
 */
import { activationLayerAct, inlineAct } from '../activations.js';
import { MASK_ZERO_REASON } from '../errors.js';
import { isLastAxis, mapAxis } from '../layout.js';
import { weightOf, type GraphLayer } from '../model-graph.js';
import { attr } from './builder.js';
import { emitAct, only, type OnnxEmitter, type OnnxLayerContext } from './context.js';

/** Dense: Gemm for [N, in] (y = x·W + b), MatMul + Add on longer ranks (Keras applies it to the last axis). */
export const emitDense: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const x = only(ctx);
  const kernel = weightOf(layer, 'kernel');
  const w = b.floats(`${layer.name}/kernel`, kernel.shape, kernel.data);
  const bias = layer.config.use_bias === false ? null : weightOf(layer, 'bias');
  const bName = bias ? b.floats(`${layer.name}/bias`, bias.shape, bias.data) : null;
  let y: string;
  if (layer.inputShapes[0]!.length === 1) y = b.op('Gemm', bName ? [x, w, bName] : [x, w], `${layer.name}/gemm`);
  else {
    y = b.op('MatMul', [x, w], `${layer.name}/matmul`);
    if (bName) y = b.op('Add', [y, bName], `${layer.name}/bias_add`);
  }
  emitAct(b, y, inlineAct(layer), `${layer.name}/act`, ctx.out);
};

/** Activation, ReLU, LeakyReLU, Softmax, ELU layers. */
export const emitActivation: OnnxEmitter = (ctx) => emitAct(ctx.b, only(ctx), activationLayerAct(ctx.layer), ctx.layer.name, ctx.out);

/** Dropout only acts while training: at inference it is the identity. */
export const emitIdentity: OnnxEmitter = (ctx) => void ctx.b.op('Identity', [only(ctx)], ctx.layer.name, {}, ctx.out);

/** Flatten: the input arrives in Keras's (H, W, C) order, so ONNX Flatten(axis=1) matches element for element. */
export const emitFlatten: OnnxEmitter = (ctx) => void ctx.b.op('Flatten', [only(ctx)], ctx.layer.name, { axis: attr.int(1) }, ctx.out);

/** Reshape to [batch, ...target_shape]; ONNX's 0 copies the batch size, -1 is inferred as in Keras. */
export const emitReshape: OnnxEmitter = (ctx) => {
  const target = ctx.layer.config.target_shape as number[];
  const shape = ctx.b.int64s(`${ctx.layer.name}/shape`, [0, ...target]);
  ctx.b.op('Reshape', [only(ctx), shape], ctx.layer.name, {}, ctx.out);
};

/** Rescaling: y = x·scale + offset (tfjs-layers Rescaling.call). */
export const emitRescaling: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const scale = Number(layer.config.scale);
  const offset = Number(layer.config.offset ?? 0);
  const scaled = b.op('Mul', [only(ctx), b.floats(`${layer.name}/scale`, [], [scale])], `${layer.name}/mul`);
  b.op('Add', [scaled, b.floats(`${layer.name}/offset`, [], [offset])], layer.name, {}, ctx.out);
};

/** Gamma and beta, with the identity values Keras uses when `scale` / `center` are off. */
function affine(layer: GraphLayer, channels: number): { gamma: Float32Array; beta: Float32Array } {
  return {
    gamma: layer.config.scale === false ? new Float32Array(channels).fill(1) : weightOf(layer, 'gamma').data,
    beta: layer.config.center === false ? new Float32Array(channels) : weightOf(layer, 'beta').data,
  };
}

/**
 * BatchNormalization in inference form: (x − moving_mean)/√(moving_var + ε)·γ + β. ONNX wants the
 * channel on axis 1; when the normalized axis sits elsewhere, transpose it there and back.
 */
export const emitBatchNorm: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const rank = layer.inputShapes[0]!.length + 1;
  const rawAxis = Array.isArray(layer.config.axis) ? (layer.config.axis as number[])[0]! : Number(layer.config.axis ?? -1);
  if (Array.isArray(layer.config.axis) && layer.config.axis.length !== 1) throw new Error(`BatchNormalization "${layer.name}": several axes do not export`);
  const axis = mapAxis(rawAxis, rank, ctx.layout);
  const mean = weightOf(layer, 'moving_mean');
  const variance = weightOf(layer, 'moving_variance');
  const { gamma, beta } = affine(layer, mean.data.length);
  const c = [mean.data.length];
  const params = [
    b.floats(`${layer.name}/gamma`, c, gamma),
    b.floats(`${layer.name}/beta`, c, beta),
    b.floats(`${layer.name}/moving_mean`, c, mean.data),
    b.floats(`${layer.name}/moving_variance`, c, variance.data),
  ];
  const epsilon = { epsilon: attr.float(Number(layer.config.epsilon ?? 1e-3)) };
  if (axis === 1) {
    b.op('BatchNormalization', [only(ctx), ...params], layer.name, epsilon, ctx.out);
    return;
  }
  const perm = [0, axis, ...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== 0 && i !== axis)];
  const inverse = perm.map((_, i) => perm.indexOf(i));
  const moved = b.op('Transpose', [only(ctx)], `${layer.name}/to_axis1`, { perm: attr.ints(perm) });
  const y = b.op('BatchNormalization', [moved, ...params], `${layer.name}/bn`, epsilon);
  b.op('Transpose', [y], `${layer.name}/back`, { perm: attr.ints(inverse) }, ctx.out);
};

/** LayerNormalization over the last axis: opset-17 LayerNormalization (mean and biased variance, ε inside the root). */
export const emitLayerNorm: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  const rank = layer.inputShapes[0]!.length + 1;
  if (!isLastAxis(layer.config.axis, rank)) throw new Error(`LayerNormalization "${layer.name}": only the last axis exports, got ${JSON.stringify(layer.config.axis)}`);
  const channels = layer.inputShapes[0]!.at(-1)!;
  const { gamma, beta } = affine(layer, channels!);
  const inputs = [only(ctx), b.floats(`${layer.name}/gamma`, [channels!], gamma), b.floats(`${layer.name}/beta`, [channels!], beta)];
  b.op('LayerNormalization', inputs, layer.name, { axis: attr.int(-1), epsilon: attr.float(Number(layer.config.epsilon ?? 1e-3)) }, ctx.out);
};

/** Embedding: a row lookup (Gather) in the [vocabulary, dim] table; tfjs casts ids to int32 first. */
export const emitEmbedding: OnnxEmitter = (ctx) => {
  const { b, layer } = ctx;
  if (layer.config.mask_zero === true) throw new Error(MASK_ZERO_REASON);
  const table = weightOf(layer, 'embeddings');
  const ids = b.op('Cast', [only(ctx)], `${layer.name}/ids`, { to: attr.int(6 /* INT32 */) });
  b.op('Gather', [b.floats(`${layer.name}/embeddings`, table.shape, table.data), ids], layer.name, { axis: attr.int(0) }, ctx.out);
};

/** Concatenate along Keras's axis, mapped to where it sits in the current layout. */
export const emitConcatenate: OnnxEmitter = (ctx) => {
  const rank = ctx.layer.outputShape.length + 1;
  const axis = mapAxis(Number(ctx.layer.config.axis ?? -1), rank, ctx.layout);
  ctx.b.op('Concat', ctx.inputs, ctx.layer.name, { axis: attr.int(axis) }, ctx.out);
};

/** Element-wise merges: Sum, Mean and Max take any number of inputs; Sub is binary; Mul is chained. */
export function emitMerge(op: 'Sum' | 'Sub' | 'Mul' | 'Mean' | 'Max'): OnnxEmitter {
  return (ctx: OnnxLayerContext) => {
    const { b, layer, inputs } = ctx;
    if (op === 'Sub' && inputs.length !== 2) throw new Error(`Subtract "${layer.name}" needs exactly 2 inputs`);
    if (op !== 'Mul' || inputs.length <= 2) {
      b.op(op, inputs, layer.name, {}, ctx.out);
      return;
    }
    let acc = inputs[0]!;
    inputs.slice(1).forEach((x, i) => {
      acc = b.op('Mul', [acc, x], `${layer.name}/mul`, {}, i === inputs.length - 2 ? ctx.out : undefined);
    });
  };
}
