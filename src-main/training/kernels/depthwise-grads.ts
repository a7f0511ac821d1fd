/**
 * DepthwiseConv2D gradients (`DepthwiseConv2dNativeBackpropFilter` / `…BackpropInput`) as JS loops.
 *
 * The wasm backend has neither, so DepthwiseConv2D and SeparableConv2D could not train there;
 * the stock cpu ones read every element through `TensorBuffer.get(...)`. These loops visit each
 * (output pixel, filter tap) pair once with the channel loop innermost (contiguous in NHWC) and
 * sum in float64. Filter layout [kh, kw, c, m]; output channel c·M + m (M = channel multiplier).
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { rawBackend, readF32 } from './tensor-data.js';

interface DepthwiseAttrs {
  strides: number | [number, number];
  dilations?: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

type Info = tf.backend_util.Conv2DInfo;

function convInfo(xShape: number[], filterShape: number[], a: DepthwiseAttrs): Info {
  const shape4 = (s: number[]) => s as [number, number, number, number];
  return tf.backend_util.computeConv2DInfo(
    shape4(xShape),
    shape4(filterShape),
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
    true,
  );
}

/**
 * Calls `visit(xi, yi, wBase, count)` once per (filter tap, image, output row), for the run of
 * `count` output pixels whose tap lands inside the image: element offsets of the first x pixel,
 * the first dy pixel and filter[kh, kw, 0, 0]. Successive pixels are `xStep` / C·M apart.
 * Clipping per row keeps bounds checks out of the per-pixel loops.
 */
function forEachRun(i: Info, visit: (xi: number, yi: number, wBase: number, count: number) => void): void {
  const C = i.inChannels;
  const CM = i.outChannels;
  for (let kh = 0; kh < i.filterHeight; kh++) {
    const dh = kh * i.dilationHeight - i.padInfo.top;
    const ohMin = Math.max(0, Math.ceil(-dh / i.strideHeight));
    const ohMax = Math.min(i.outHeight, Math.floor((i.inHeight - 1 - dh) / i.strideHeight) + 1);
    for (let kw = 0; kw < i.filterWidth; kw++) {
      const dw = kw * i.dilationWidth - i.padInfo.left;
      const owMin = Math.max(0, Math.ceil(-dw / i.strideWidth));
      const owMax = Math.min(i.outWidth, Math.floor((i.inWidth - 1 - dw) / i.strideWidth) + 1);
      if (owMax <= owMin) continue;
      const wBase = (kh * i.filterWidth + kw) * CM;
      for (let n = 0; n < i.batchSize; n++) {
        for (let oh = ohMin; oh < ohMax; oh++) {
          const xi = ((n * i.inHeight + oh * i.strideHeight + dh) * i.inWidth + owMin * i.strideWidth + dw) * C;
          visit(xi, ((n * i.outHeight + oh) * i.outWidth + owMin) * CM, wBase, owMax - owMin);
        }
      }
    }
  }
}

function filterGrad(x: TensorInfo, dy: TensorInfo, filterShape: number[], a: DepthwiseAttrs, backend: unknown): TensorInfo {
  const i = convInfo(x.shape, filterShape, a);
  const C = i.inChannels;
  const CM = i.outChannels;
  const M = CM / C;
  const xStep = i.strideWidth * C;
  const raw = rawBackend(backend);
  return raw.output([...filterShape], 'float32', (out) => {
    const xs = readF32(raw, x);
    const g = readF32(raw, dy);
    const acc = new Float64Array(out.length);
    forEachRun(i, (xi, yi, wBase, count) => {
      // Channel outer, pixels inner: each sum stays in a register instead of a read-modify-write
      // of acc per pixel (a store→load chain that made this 3x slower). The run's pixels share
      // a few cache lines, so re-reading them per channel stays in L1.
      for (let c = 0; c < C; c++) {
        for (let o = c * M, end = o + M; o < end; o++) {
          let sum = 0;
          for (let p = 0, xp = xi + c, yp = yi + o; p < count; p++, xp += xStep, yp += CM) sum += xs[xp]! * g[yp]!;
          acc[wBase + o] = acc[wBase + o]! + sum;
        }
      }
    });
    out.set(acc);
  });
}

function inputGrad(dy: TensorInfo, filter: TensorInfo, inputShape: number[], a: DepthwiseAttrs, backend: unknown): TensorInfo {
  const i = convInfo(inputShape, filter.shape, a);
  const C = i.inChannels;
  const CM = i.outChannels;
  const M = CM / C;
  const xStep = i.strideWidth * C;
  const raw = rawBackend(backend);
  return raw.output([...inputShape], 'float32', (out) => {
    const g = readF32(raw, dy);
    const w = readF32(raw, filter);
    // Each dx element sums only kh·kw terms, so float32 is exact enough; accumulating straight
    // into the output halves the memory traffic of a float64 buffer.
    forEachRun(i, (xi, yi, wBase, count) => {
      for (let p = 0; p < count; p++, xi += xStep, yi += CM) {
        if (M === 1) {
          for (let c = 0; c < C; c++) out[xi + c] = out[xi + c]! + g[yi + c]! * w[wBase + c]!;
          continue;
        }
        for (let c = 0; c < C; c++) {
          let s = 0;
          for (let o = c * M, end = o + M; o < end; o++) s += g[yi + o]! * w[wBase + o]!;
          out[xi + c] = out[xi + c]! + s;
        }
      }
    });
  });
}

/** DepthwiseConv2dNativeBackpropFilter for `backendName`. */
export function depthwiseFilterGradConfig(backendName: 'cpu' | 'wasm'): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const a = attrs as unknown as DepthwiseAttrs & { filterShape: number[] };
    return filterGrad(inputs.x!, inputs.dy!, a.filterShape, a, backend);
  };
  return { kernelName: 'DepthwiseConv2dNativeBackpropFilter', backendName, kernelFunc };
}

/** DepthwiseConv2dNativeBackpropInput for `backendName`. */
export function depthwiseInputGradConfig(backendName: 'cpu' | 'wasm'): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const a = attrs as unknown as DepthwiseAttrs & { inputShape: number[] };
    return inputGrad(inputs.dy!, inputs.filter!, a.inputShape, a, backend);
  };
  return { kernelName: 'DepthwiseConv2dNativeBackpropInput', backendName, kernelFunc };
}
