/**
 * `Conv2DBackpropFilter` kernels for the cpu and wasm backends.
 *
 * Both the `Conv2D` gradient and the fused conv's custom gradient call this one kernel, so
 * registering it here (instead of overriding a gradient) covers tf.layers conv layers with and
 * without a fused activation. The wasm backend has no such kernel at all, so without this no CNN
 * trains on wasm; the stock cpu kernel is so slow (≈0.02 GFLOP/s) that it is most of a CNN step.
 *
 * Two strategies, chosen by measurement on this machine (2 cores, wasm SIMD, one thread):
 * - JS loops (conv2d-filter-loops.ts), about 6 GFLOP/s: used on cpu always, and on wasm when
 *   the layer has fewer than 4 input channels (the first layer of an image model), where
 *   XNNPACK gets little work per output and the loops win (1.4 ms vs 2.6 ms, 64×28×28×1→8).
 * - On wasm otherwise, the gradient as one forward convolution that XNNPACK runs at ~15+ GFLOP/s:
 *   dW = conv(x as [ci, H, W, n], dy as filter [oh, ow, n, co], dilation = stride), then
 *   transposed back to [kh, kw, ci, co]. 2–2.5x faster than the loops for ci ≥ 4.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import { conv2dFilterGrad, type FilterGradGeometry } from './conv2d-filter-loops.js';
import { rawBackend, readF32 } from './tensor-data.js';

interface FilterGradAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/** Below this many input channels the JS loops beat XNNPACK on wasm (see the module comment). */
const WASM_LOOPS_MAX_IN_CHANNELS = 3;

function geometry(xShape: number[], attrs: FilterGradAttrs): { geo: FilterGradGeometry; info: tf.backend_util.Conv2DInfo } {
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const geo: FilterGradGeometry = {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
  return { geo, info };
}

function byLoops(x: TensorInfo, dy: TensorInfo, backend: unknown, attrs: FilterGradAttrs): TensorInfo {
  const { geo } = geometry(x.shape, attrs);
  const raw = rawBackend(backend);
  return raw.output([...attrs.filterShape], 'float32', (out) => {
    conv2dFilterGrad(readF32(raw, x), readF32(raw, dy), out as Float32Array, geo);
  });
}

/**
 * dW as a forward convolution of transposed tensors (runs tfjs ops, so XNNPACK does the work on
 * wasm). Ops called inside a kernel are not recorded on the gradient tape (the engine only
 * records at kernel depth 0), and the engine accepts a Tensor as a kernel's output.
 */
export function filterGradByForwardConv(x: tf.Tensor4D, dy: tf.Tensor4D, attrs: FilterGradAttrs): tf.Tensor4D {
  const { geo } = geometry(x.shape, attrs);
  const { filterHeight: KH, filterWidth: KW, strideHeight: sH, strideWidth: sW } = geo;
  return tf.tidy(() => {
    // Rows the transposed conv must see: exactly (oh−1)·s + k. Pad explicitly (never negative);
    // a 'valid' conv whose stride skips trailing rows yields extra output rows, cut off below.
    const bottom = Math.max(0, (geo.outHeight - 1) * sH + KH - geo.padTop - geo.inHeight);
    const right = Math.max(0, (geo.outWidth - 1) * sW + KW - geo.padLeft - geo.inWidth);
    const xT = tf.transpose(x, [3, 1, 2, 0]); // [ci, H, W, n]: batch becomes channels
    const f = tf.transpose(dy, [1, 2, 0, 3]); // [oh, ow, n, co]: dy becomes the filter
    const pad: tf.backend_util.ExplicitPadding = [
      [0, 0],
      [geo.padTop, bottom],
      [geo.padLeft, right],
      [0, 0],
    ];
    let r = tf.conv2d(xT, f, 1, pad, 'NHWC', [sH, sW]); // [ci, ≥kh, ≥kw, co]
    if (r.shape[1] !== KH || r.shape[2] !== KW) r = tf.slice(r, [0, 0, 0, 0], [-1, KH, KW, -1]);
    return tf.transpose(r, [1, 2, 0, 3]);
  });
}

/** The cpu kernel; NCHW (never produced by tf.layers in Node) still goes to the stock kernel. */
export function cpuConv2dFilterGradConfig(stock: KernelConfig | undefined): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const a = attrs as unknown as FilterGradAttrs;
    if (a.dataFormat === 'NCHW') {
      if (!stock) throw new Error('Conv2DBackpropFilter: NCHW is not supported');
      return stock.kernelFunc({ inputs, backend, attrs: attrs as NamedAttrMap });
    }
    return byLoops(inputs.x!, inputs.dy!, backend, a);
  };
  return { kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', kernelFunc };
}

/** The wasm kernel (the wasm backend has none of its own). */
export function wasmConv2dFilterGradConfig(): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const a = attrs as unknown as FilterGradAttrs;
    if (a.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported (as for Conv2D)');
    const x = inputs.x!;
    const dy = inputs.dy!;
    const inChannels = x.shape[3] ?? 0;
    // Ops need real Tensors; the engine passes them, but a direct kernel call might not.
    if (inChannels <= WASM_LOOPS_MAX_IN_CHANNELS || !(x instanceof tf.Tensor) || !(dy instanceof tf.Tensor)) {
      return byLoops(x, dy, backend, a);
    }
    return filterGradByForwardConv(x as tf.Tensor4D, dy as tf.Tensor4D, a);
  };
  return { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc };
}
