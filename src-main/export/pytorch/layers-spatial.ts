/**
 * PyTorch code for convolutions, pooling, padding, cropping and upsampling. Convolutions and
 * local pooling get channels-first input (layout.ts). Keras 'same' padding is TensorFlow's, with
 * the odd pixel at the end (weights-util.ts samePadding); PyTorch's own padding is symmetric, so
 * uneven pads are written as an explicit F.pad.
 */
import { inlineAct } from '../activations.js';
import { knownShape, type GraphLayer } from '../model-graph.js';
import { intList, spatialPads } from '../weights-util.js';
import { kerasArray, onlyInput, py, pyAct, pyStr, pyTuple, type TorchCode, type TorchEmitter, type TorchLayerContext } from './context.js';
import { kernelFacts } from './layers-core.js';

interface Geometry {
  kernel: number[];
  strides: number[];
  /** Symmetric pads PyTorch can apply itself, or null when they must go in an F.pad. */
  symmetric: number[] | null;
  /** F.pad's argument: pads for the LAST axis first: (left, right, top, bottom). */
  fpad: number[];
}

function geometry(layer: GraphLayer, rank: number, kernel: number[]): Geometry {
  const dilation = intList(layer.config.dilation_rate ?? 1, rank);
  if (dilation.some((d) => d !== 1)) throw new Error(`dilation ${dilation.join('×')} does not export`);
  const strides = intList(layer.config.strides, rank, kernel);
  const sizes = layer.config.padding === 'same' ? knownShape(layer, layer.inputShapes[0]!).slice(0, rank) : kernel.map(() => 0);
  const { begin, end } = spatialPads(layer.config.padding, sizes, kernel, strides);
  // F.pad lists the last axis first: (W begin, W end, H begin, H end).
  const fpad = begin.map((b, i) => [b, end[i]!]).reverse().flat();
  return { kernel, strides, symmetric: begin.every((b, i) => b === end[i]) ? begin : null, fpad };
}

/** The input expression with uneven padding applied (value = the pad value, e.g. -inf for max pooling). */
function padded(g: Geometry, x: string, value?: string): string {
  if (g.symmetric || g.fpad.every((p) => p === 0)) return x;
  return `F.pad(${x}, ${pyTuple(g.fpad)}${value ? `, value=${value}` : ''})`;
}

const comment = (g: Geometry): string => (g.symmetric || g.fpad.every((p) => p === 0) ? '' : "  # TF 'same': the extra pixel goes at the end");

/** Conv2D / Conv1D: Keras kernels [kh, kw, in, out] / [k, in, out] → PyTorch [out, in, kh, kw] / [out, in, k]. */
export function torchConv(rank: 1 | 2): TorchEmitter {
  return (ctx) => {
    const { layer, attr } = ctx;
    const k = layer.weights.get('kernel')!.shape;
    const [cin, cout] = [k[rank]!, k[rank + 1]!];
    const g = geometry(layer, rank, k.slice(0, rank));
    const bias = layer.config.use_bias !== false;
    const pad = g.symmetric && g.symmetric.some((p) => p > 0) ? `, padding=${pyTuple(g.symmetric)}` : '';
    return {
      init: [`self.${attr} = nn.Conv${rank}d(${cin}, ${cout}, kernel_size=${pyTuple(g.kernel)}, stride=${pyTuple(g.strides)}${pad}, bias=${bias ? 'True' : 'False'})`],
      forward: [`${ctx.out} = ${pyAct(inlineAct(layer), `self.${attr}(${padded(g, onlyInput(ctx))})`, 1)}${comment(g)}`],
      load: [
        `state[${pyStr(`${attr}.weight`)}] = ${kerasArray(layer, 'kernel')}.permute(${rank === 2 ? '3, 2, 0, 1' : '2, 1, 0'})  # Keras ${rank === 2 ? 'HWIO → OIHW' : '[k, in, out] → [out, in, k]'}`,
        ...(bias ? [`state[${pyStr(`${attr}.bias`)}] = ${kerasArray(layer, 'bias')}`] : []),
      ],
      ...kernelFacts(layer, `self.${attr}.weight`),
    };
  };
}

/** A grouped conv (groups = C) for Keras's depthwise kernel [kh, kw, C, M]: output channel c·M + m reads channel c. */
function depthwise(ctx: TorchLayerContext, attr: string, withBias: boolean): { code: TorchCode; g: Geometry; channels: number } {
  const { layer } = ctx;
  const [kh, kw, c, m] = layer.weights.get('depthwise_kernel')!.shape as [number, number, number, number];
  const g = geometry(layer, 2, [kh, kw]);
  const pad = g.symmetric && g.symmetric.some((p) => p > 0) ? `, padding=${pyTuple(g.symmetric)}` : '';
  const code: TorchCode = {
    init: [`self.${attr} = nn.Conv2d(${c}, ${c * m}, kernel_size=${pyTuple(g.kernel)}, stride=${pyTuple(g.strides)}${pad}, groups=${c}, bias=${withBias ? 'True' : 'False'})`],
    forward: [],
    load: [`state[${pyStr(`${attr}.weight`)}] = ${kerasArray(layer, 'depthwise_kernel')}.permute(2, 3, 0, 1).reshape(${c * m}, 1, ${kh}, ${kw})  # [kh, kw, C, M] → [C·M, 1, kh, kw]`],
  };
  return { code, g, channels: c * m };
}

export const torchDepthwise: TorchEmitter = (ctx) => {
  const bias = ctx.layer.config.use_bias !== false;
  const { code, g } = depthwise(ctx, ctx.attr, bias);
  code.forward.push(`${ctx.out} = ${pyAct(inlineAct(ctx.layer), `self.${ctx.attr}(${padded(g, onlyInput(ctx))})`, 1)}${comment(g)}`);
  if (bias) code.load.push(`state[${pyStr(`${ctx.attr}.bias`)}] = ${kerasArray(ctx.layer, 'bias')}`);
  return code;
};

/** SeparableConv2D = depthwise (strides, padding, no bias) then a 1×1 pointwise conv with the bias. */
export const torchSeparable: TorchEmitter = (ctx) => {
  const { layer } = ctx;
  const bias = layer.config.use_bias !== false;
  const [dwAttr, pwAttr] = [ctx.claim('depthwise'), ctx.claim('pointwise')];
  const { code, g, channels } = depthwise(ctx, dwAttr, false);
  const filters = layer.weights.get('pointwise_kernel')!.shape[3]!;
  code.init.push(`self.${pwAttr} = nn.Conv2d(${channels}, ${filters}, kernel_size=1, bias=${bias ? 'True' : 'False'})`);
  code.forward.push(`${ctx.out} = ${pyAct(inlineAct(layer), `self.${pwAttr}(self.${dwAttr}(${padded(g, onlyInput(ctx))}))`, 1)}${comment(g)}`);
  code.load.push(`state[${pyStr(`${pwAttr}.weight`)}] = ${kerasArray(layer, 'pointwise_kernel')}.permute(3, 2, 0, 1)  # [1, 1, in, out] → [out, in, 1, 1]`);
  if (bias) code.load.push(`state[${pyStr(`${pwAttr}.bias`)}] = ${kerasArray(layer, 'bias')}`);
  return code;
};

/** Max pooling pads with −inf (never chosen); average pooling divides by the in-bounds count, as TF does. */
export function torchPool(kind: 'max' | 'average', rank: 1 | 2): TorchEmitter {
  return (ctx) => {
    const pool = intList(ctx.layer.config.pool_size, rank);
    const g = geometry(ctx.layer, rank, pool);
    const x = onlyInput(ctx);
    const args = `${pyTuple(g.kernel)}, ${pyTuple(g.strides)}`;
    const uneven = g.fpad.some((p) => p > 0);
    let expr: string;
    if (kind === 'max') expr = `F.max_pool${rank}d(${uneven ? `F.pad(${x}, ${pyTuple(g.fpad)}, value=float("-inf"))` : x}, ${args})`;
    else if (!uneven) expr = `F.avg_pool${rank}d(${x}, ${args})`;
    else {
      ctx.useHelper('avgPoolExcludingPadding');
      expr = `avg_pool_excluding_padding(${x}, F.avg_pool${rank}d, ${args}, ${pyTuple(g.fpad)})`;
    }
    return { init: [], forward: [`${ctx.out} = ${expr}`], load: [] };
  };
}

export function torchGlobalPool(kind: 'max' | 'average'): TorchEmitter {
  return (ctx) => {
    const rank = ctx.layer.inputShapes[0]!.length + 1;
    const first = ctx.layout === 'cf' ? 2 : 1;
    const dims = Array.from({ length: rank - 2 }, (_, i) => first + i);
    const keep = ctx.layer.config.keepdims === true ? 'True' : 'False';
    const fn = kind === 'max' ? 'amax' : 'mean';
    return { init: [], forward: [`${ctx.out} = ${onlyInput(ctx)}.${fn}(dim=${pyTuple(dims)}, keepdim=${keep})`], load: [] };
  };
}

function sides(value: unknown): [number, number, number, number] {
  if (typeof value === 'number') return [value, value, value, value];
  const [h, w] = value as [number | number[], number | number[]];
  const pair = (v: number | number[]): [number, number] => (typeof v === 'number' ? [v, v] : [v[0]!, v[1]!]);
  return [...pair(h), ...pair(w)];
}

export const torchZeroPad: TorchEmitter = (ctx) => {
  const [t, b, l, r] = sides(ctx.layer.config.padding);
  const pads = ctx.layout === 'cf' ? [l, r, t, b] : [0, 0, l, r, t, b];
  return { init: [], forward: [`${ctx.out} = F.pad(${onlyInput(ctx)}, ${pyTuple(pads)})`], load: [] };
};

export const torchCrop: TorchEmitter = (ctx) => {
  const [t, b, l, r] = sides(ctx.layer.config.cropping);
  const range = (start: number, cut: number) => `${start > 0 ? py(start) : ''}:${cut > 0 ? py(-cut) : ''}`;
  const index = ctx.layout === 'cf' ? `:, :, ${range(t, b)}, ${range(l, r)}` : `:, ${range(t, b)}, ${range(l, r)}, :`;
  return { init: [], forward: [`${ctx.out} = ${onlyInput(ctx)}[${index}]`], load: [] };
};

/** Nearest: each pixel repeated (exact, unlike a float scale factor); bilinear: tfjs's asymmetric sampling. */
export const torchUpSampling: TorchEmitter = (ctx) => {
  const [sh, sw] = intList(ctx.layer.config.size, 2) as [number, number];
  const x = onlyInput(ctx);
  if (ctx.layer.config.interpolation === 'bilinear') {
    ctx.useHelper('resizeBilinearAsymmetric');
    return { init: [], forward: [`${ctx.out} = resize_bilinear_asymmetric(${x}, ${sh}, ${sw})`], load: [] };
  }
  return { init: [], forward: [`${ctx.out} = ${x}.repeat_interleave(${sh}, dim=2).repeat_interleave(${sw}, dim=3)`], load: [] };
};
