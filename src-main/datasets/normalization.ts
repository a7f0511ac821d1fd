/**
 * Turns stored bytes into model inputs. Per-channel statistics come from the train split only,
 * so validation and test numbers never leak into preprocessing.
 */
import type { Normalization, NormalizationKind } from '../../src-shared/training/dataset-types.js';

/** Accumulates per-channel byte histograms of HWC images; exact and cheap for any dataset size. */
export class ChannelStats {
  private readonly histogram: Float64Array;

  constructor(readonly channels: number) {
    this.histogram = new Float64Array(channels * 256);
  }

  /** Adds one (or more, concatenated) HWC byte images. */
  add(pixels: Uint8Array): void {
    const { channels, histogram } = this;
    for (let i = 0; i < pixels.length; i++) histogram[(i % channels) * 256 + (pixels[i] as number)]! += 1;
  }

  /** Mean and (population) standard deviation per channel, on the [0, 1] scale. */
  result(): { mean: number[]; std: number[] } {
    const mean: number[] = [];
    const std: number[] = [];
    for (let c = 0; c < this.channels; c++) {
      let n = 0;
      let sum = 0;
      let sumSq = 0;
      for (let v = 0; v < 256; v++) {
        const k = this.histogram[c * 256 + v] as number;
        const x = v / 255;
        n += k;
        sum += k * x;
        sumSq += k * x * x;
      }
      const m = n > 0 ? sum / n : 0;
      mean.push(m);
      std.push(n > 0 ? Math.sqrt(Math.max(0, sumSq / n - m * m)) : 1);
    }
    return { mean, std };
  }
}

/** Builds the normalization record; a flat channel (std ≈ 0) divides by 1 rather than blowing up. */
export function makeNormalization(kind: NormalizationKind, channels: number, stats?: ChannelStats): Normalization {
  if (kind === 'unit' || !stats) return { kind: 'unit', mean: Array(channels).fill(0), std: Array(channels).fill(1) };
  const { mean, std } = stats.result();
  return { kind, mean, std: std.map((s) => (s < 1e-6 ? 1 : s)) };
}

/** One lookup table per channel: byte value → normalized float. */
export function byteLookup(norm: Normalization): Float32Array[] {
  return norm.mean.map((m, c) => {
    const s = norm.std[c] ?? 1;
    return Float32Array.from({ length: 256 }, (_, v) => (v / 255 - m) / s);
  });
}

/** Writes normalized floats for HWC bytes into `out` at `offset`. */
export function bytesToFloats(pixels: Uint8Array, lookup: Float32Array[], out: Float32Array, offset = 0): void {
  const channels = lookup.length;
  for (let i = 0; i < pixels.length; i++) out[offset + i] = (lookup[i % channels] as Float32Array)[pixels[i] as number] as number;
}

/** Standardizes [0, 1] HWC floats in place (used after augmentation, which works on the [0, 1] scale). */
export function normalizeUnitFloats(values: Float32Array, norm: Normalization): void {
  if (norm.kind === 'unit') return;
  const channels = norm.mean.length;
  for (let i = 0; i < values.length; i++) {
    const c = i % channels;
    values[i] = ((values[i] as number) - (norm.mean[c] as number)) / (norm.std[c] as number);
  }
}
