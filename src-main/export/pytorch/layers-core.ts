/**
 * PyTorch code for the layers that are not spatial or recurrent. Keras weights stay in Keras
 * layout in weights.npz; the loader lines transpose them (e.g. Dense kernel [in, out] → Linear
 * weight [out, in]).
 */
import { activationLayerAct, inlineAct } from '../activations.js';
import { MASK_ZERO_REASON } from '../errors.js';
import { isLastAxis, mapAxis } from '../layout.js';
import type { GraphLayer } from '../model-graph.js';
import { kerasArray, onlyInput, py, pyAct, pyFloat, pyStr, type TorchEmitter, type TorchCode } from './context.js';

/** λ of an L2 kernel_regularizer (Keras adds λ·Σw² to the loss), or 0. */
export function kernelL2(layer: GraphLayer): number {
  const reg = layer.config.kernel_regularizer as { config?: { l2?: number } } | null | undefined;
  return Number(reg?.config?.l2 ?? 0);
}

/** The l2/kernels fields for a layer whose Keras kernel is `param`. */
export function kernelFacts(layer: GraphLayer, param: string): Pick<TorchCode, 'l2' | 'kernels'> {
  const factor = kernelL2(layer);
  return { kernels: [param], ...(factor > 0 ? { l2: [{ param, factor }] } : {}) };
}

export const torchDense: TorchEmitter = ({ layer, attr, out, ...ctx }) => {
  const [inFeatures, units] = layer.weights.get('kernel')!.shape as [number, number];
  const bias = layer.config.use_bias !== false;
  return {
    init: [`self.${attr} = nn.Linear(${inFeatures}, ${units}, bias=${bias ? 'True' : 'False'})`],
    forward: [`${out} = ${pyAct(inlineAct(layer), `self.${attr}(${onlyInput({ layer, attr, out, ...ctx })})`)}`],
    load: [
      `state[${pyStr(`${attr}.weight`)}] = ${kerasArray(layer, 'kernel')}.T  # Keras [in, out] → Linear [out, in]`,
      ...(bias ? [`state[${pyStr(`${attr}.bias`)}] = ${kerasArray(layer, 'bias')}`] : []),
    ],
    ...kernelFacts(layer, `self.${attr}.weight`),
  };
};

export const torchActivation: TorchEmitter = (ctx) => ({
  init: [],
  forward: [`${ctx.out} = ${pyAct(activationLayerAct(ctx.layer), onlyInput(ctx))}`],
  load: [],
});

export const torchDropout: TorchEmitter = (ctx) => ({
  init: [`self.${ctx.attr} = nn.Dropout(p=${pyFloat(Number(ctx.layer.config.rate))})  # identity in eval()`],
  forward: [`${ctx.out} = self.${ctx.attr}(${onlyInput(ctx)})`],
  load: [],
});

export const torchFlatten: TorchEmitter = (ctx) => ({
  init: [],
  forward: [`${ctx.out} = torch.flatten(${onlyInput(ctx)}, 1)  # Keras order: the input is channels-last here`],
  load: [],
});

export const torchReshape: TorchEmitter = (ctx) => {
  const x = onlyInput(ctx);
  const target = (ctx.layer.config.target_shape as number[]).map(py).join(', ');
  return { init: [], forward: [`${ctx.out} = ${x}.reshape(${x}.shape[0], ${target})`], load: [] };
};

export const torchRescaling: TorchEmitter = (ctx) => ({
  init: [],
  forward: [`${ctx.out} = ${onlyInput(ctx)} * ${pyFloat(Number(ctx.layer.config.scale))} + ${pyFloat(Number(ctx.layer.config.offset ?? 0))}`],
  load: [],
});

/** gamma/beta loader lines, with Keras's identity values when scale/center are off. */
function affineLoad(layer: GraphLayer, attr: string, channels: number): string[] {
  const gamma = layer.config.scale === false ? `torch.ones(${channels})  # scale=False: γ fixed at 1 in Keras (trainable here)` : kerasArray(layer, 'gamma');
  const beta = layer.config.center === false ? `torch.zeros(${channels})  # center=False: β fixed at 0 in Keras (trainable here)` : kerasArray(layer, 'beta');
  return [`state[${pyStr(`${attr}.weight`)}] = ${gamma}`, `state[${pyStr(`${attr}.bias`)}] = ${beta}`];
}

/**
 * BatchNormalization: nn.BatchNorm1d/2d need the channel on axis 1; otherwise the axis is moved
 * there and back. PyTorch's momentum is the weight of the NEW batch (Keras's is the old average's).
 */
export const torchBatchNorm: TorchEmitter = ({ layer, attr, out, layout, inputs }) => {
  const rank = layer.inputShapes[0]!.length + 1;
  const axis = mapAxis(Number(Array.isArray(layer.config.axis) ? (layer.config.axis as number[])[0] : (layer.config.axis ?? -1)), rank, layout);
  const channels = layer.weights.get('moving_mean')!.shape[0]!;
  const kind = rank === 5 ? 'BatchNorm3d' : rank === 4 ? 'BatchNorm2d' : 'BatchNorm1d'; // by rank: the channel is moved to axis 1
  const momentum = 1 - Number(layer.config.momentum ?? 0.99);
  const x = inputs[0]!;
  const call = axis === 1 || rank === 2 ? `self.${attr}(${x})` : `self.${attr}(${x}.movedim(${axis}, 1)).movedim(1, ${axis})`;
  return {
    init: [`self.${attr} = nn.${kind}(${channels}, eps=${pyFloat(Number(layer.config.epsilon ?? 1e-3))}, momentum=${py(momentum)})`],
    forward: [`${out} = ${call}`],
    load: [
      ...affineLoad(layer, attr, channels),
      `state[${pyStr(`${attr}.running_mean`)}] = ${kerasArray(layer, 'moving_mean')}`,
      `state[${pyStr(`${attr}.running_var`)}] = ${kerasArray(layer, 'moving_variance')}`,
      `state[${pyStr(`${attr}.num_batches_tracked`)}] = torch.tensor(0)`,
    ],
  };
};

export const torchLayerNorm: TorchEmitter = ({ layer, attr, out, inputs }) => {
  const rank = layer.inputShapes[0]!.length + 1;
  if (!isLastAxis(layer.config.axis, rank)) throw new Error(`only the last axis exports, got ${JSON.stringify(layer.config.axis)}`);
  const channels = layer.inputShapes[0]!.at(-1)!;
  return {
    init: [`self.${attr} = nn.LayerNorm(${channels}, eps=${pyFloat(Number(layer.config.epsilon ?? 1e-3))})`],
    forward: [`${out} = self.${attr}(${inputs[0]})`],
    load: affineLoad(layer, attr, channels),
  };
};

export const torchEmbedding: TorchEmitter = (ctx) => {
  const { layer, attr } = ctx;
  if (layer.config.mask_zero === true) throw new Error(MASK_ZERO_REASON);
  const [vocab, dim] = layer.weights.get('embeddings')!.shape as [number, number];
  return {
    init: [`self.${attr} = nn.Embedding(${vocab}, ${dim})`],
    forward: [`${ctx.out} = self.${attr}(${onlyInput(ctx)}.long())`],
    load: [`state[${pyStr(`${attr}.weight`)}] = ${kerasArray(layer, 'embeddings')}`],
  };
};

export const torchConcatenate: TorchEmitter = (ctx) => {
  const dim = mapAxis(Number(ctx.layer.config.axis ?? -1), ctx.layer.outputShape.length + 1, ctx.layout);
  return { init: [], forward: [`${ctx.out} = torch.cat([${ctx.inputs.join(', ')}], dim=${dim})`], load: [] };
};

/** Element-wise merges, written as plain arithmetic. */
export function torchMerge(kind: 'add' | 'subtract' | 'multiply' | 'average' | 'maximum'): TorchEmitter {
  return (ctx) => {
    const xs = ctx.inputs;
    if (kind === 'subtract' && xs.length !== 2) throw new Error('Subtract needs exactly 2 inputs');
    let expr: string;
    if (kind === 'maximum') expr = xs.slice(1).reduce((acc, x) => `torch.maximum(${acc}, ${x})`, xs[0]!);
    else if (kind === 'average') expr = `(${xs.join(' + ')}) / ${xs.length}`;
    else expr = xs.join(kind === 'add' ? ' + ' : kind === 'subtract' ? ' - ' : ' * ');
    return { init: [], forward: [`${ctx.out} = ${expr}`], load: [] };
  };
}
