/**
 * A small BMP decoder, because sharp 0.34's prebuilt libvips reads no BMP at all (its
 * ImageMagick loader is not compiled in). Covers what real datasets contain: uncompressed 1/4/8-bit
 * palette, 16-bit (5-5-5 or bitfields), 24-bit and 32-bit (plain or bitfields), bottom-up or top-down.
 * RLE-compressed and embedded JPEG/PNG BMPs are rejected with a clear reason.
 */

/** Decoded pixels: RGB, top row first, 3 bytes per pixel (alpha is dropped). */
export interface DecodedBmp {
  width: number;
  height: number;
  data: Uint8Array;
}

/** True when the bytes start like a BMP file. */
export function isBmp(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x42 && bytes[1] === 0x4d;
}

const MAX_PIXELS = 100_000_000;

/** Decodes a BMP or throws an Error whose message says what is wrong with the file. */
export function decodeBmp(bytes: Uint8Array): DecodedBmp {
  if (!isBmp(bytes)) throw new Error('not a BMP file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (end: number, what: string): void => {
    if (end > bytes.length) throw new Error(`truncated BMP: ${what} ends after the end of the file`);
  };
  need(18, 'file header');
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  need(14 + headerSize, 'image header');
  const core = headerSize === 12;
  if (!core && headerSize < 40) throw new Error(`unsupported BMP header size ${headerSize}`);
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bpp = view.getUint16(core ? 24 : 28, true);
  const compression = core ? 0 : view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) throw new Error(`unreasonable BMP size ${width}×${height}`);
  if (compression === 1 || compression === 2) throw new Error('RLE-compressed BMP is not supported; re-save it as PNG');
  if (compression === 4 || compression === 5) throw new Error('BMP with an embedded JPEG/PNG is not supported; re-save it as PNG');
  if (compression !== 0 && compression !== 3 && compression !== 6) throw new Error(`unknown BMP compression ${compression}`);

  // Channel masks: defaults for plain files, explicit for BI_BITFIELDS (after a 40-byte header or inside V4/V5).
  let masks = bpp === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0x00ff00, 0x0000ff];
  if (compression === 3 || compression === 6) {
    need(54 + 12, 'colour masks');
    masks = [view.getUint32(54, true), view.getUint32(58, true), view.getUint32(62, true)];
  }

  let palette: Uint8Array | undefined;
  if (bpp <= 8) {
    if (bpp !== 1 && bpp !== 4 && bpp !== 8) throw new Error(`unsupported BMP bit depth ${bpp}`);
    const declared = core ? 0 : view.getUint32(46, true);
    const colours = declared > 0 ? Math.min(declared, 1 << bpp) : 1 << bpp;
    const entry = core ? 3 : 4;
    const start = 14 + headerSize;
    need(start + colours * entry, 'palette');
    palette = new Uint8Array(256 * 3);
    for (let i = 0; i < colours; i++) {
      palette[i * 3] = bytes[start + i * entry + 2] as number;
      palette[i * 3 + 1] = bytes[start + i * entry + 1] as number;
      palette[i * 3 + 2] = bytes[start + i * entry] as number;
    }
  } else if (bpp !== 16 && bpp !== 24 && bpp !== 32) {
    throw new Error(`unsupported BMP bit depth ${bpp}`);
  }

  const stride = Math.ceil((width * bpp) / 32) * 4;
  need(dataOffset + stride * (height - 1) + Math.ceil((width * bpp) / 8), 'pixel data');
  const out = new Uint8Array(width * height * 3);
  const fields = masks.map(maskField);
  for (let row = 0; row < height; row++) {
    const src = dataOffset + (topDown ? row : height - 1 - row) * stride;
    for (let x = 0; x < width; x++) {
      const o = (row * width + x) * 3;
      if (palette) {
        const bitPos = x * bpp;
        const byte = bytes[src + (bitPos >> 3)] as number;
        const index = (byte >> (8 - bpp - (bitPos & 7))) & ((1 << bpp) - 1);
        out[o] = palette[index * 3] as number;
        out[o + 1] = palette[index * 3 + 1] as number;
        out[o + 2] = palette[index * 3 + 2] as number;
      } else if (bpp === 24 && compression === 0) {
        out[o] = bytes[src + x * 3 + 2] as number;
        out[o + 1] = bytes[src + x * 3 + 1] as number;
        out[o + 2] = bytes[src + x * 3] as number;
      } else {
        const value =
          bpp === 16 ? view.getUint16(src + x * 2, true) : bpp === 24 ? readUint24(bytes, src + x * 3) : view.getUint32(src + x * 4, true);
        for (let c = 0; c < 3; c++) out[o + c] = extract(value, fields[c]!);
      }
    }
  }
  return { width, height, data: out };
}

interface MaskField {
  shift: number;
  max: number;
}

function maskField(mask: number): MaskField {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

function extract(value: number, field: MaskField): number {
  if (field.max === 0) return 0;
  // Scale any field width (5 bits, 8 bits, 10 bits) to 0..255.
  return Math.round((((value >>> field.shift) & field.max) * 255) / field.max);
}

function readUint24(bytes: Uint8Array, at: number): number {
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16);
}
