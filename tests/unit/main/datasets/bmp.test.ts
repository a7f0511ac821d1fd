import { describe, expect, it } from 'vitest';
import { decodeBmp } from '../../../../src-main/datasets/bmp.js';
import { decodeImageBytes } from '../../../../src-main/datasets/decode-image.js';
import { encodeBmp24 } from './image-fixtures.js';

// 3×2 image: red green blue / white black grey. Width 3 makes 24-bit rows need padding.
const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 128, 128, 128]);

/** A BMP with a 40-byte header and the given bit depth, compression, extra (palette/masks) and pixel rows (top-down). */
function bmp(width: number, height: number, bpp: number, compression: number, extra: number[], rows: number[][]): Buffer {
  const stride = Math.ceil((width * bpp) / 32) * 4;
  const offset = 54 + extra.length;
  const out = Buffer.alloc(offset + stride * height);
  out.write('BM', 0, 'ascii');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(offset, 10);
  out.writeUInt32LE(40, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(-height, 22);
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(bpp, 28);
  out.writeUInt32LE(compression, 30);
  Buffer.from(extra).copy(out, 54);
  rows.forEach((row, y) => Buffer.from(row).copy(out, offset + y * stride));
  return out;
}

describe('decodeBmp', () => {
  it('decodes 24-bit bottom-up and top-down files with row padding', () => {
    for (const topDown of [false, true]) {
      const out = decodeBmp(encodeBmp24(3, 2, rgb, topDown));
      expect([out.width, out.height]).toEqual([3, 2]);
      expect(Array.from(out.data)).toEqual(Array.from(rgb));
    }
  });

  it('decodes 32-bit BGRX and bitfield files', () => {
    const plain = decodeBmp(bmp(2, 1, 32, 0, [], [[0, 0, 255, 0, 255, 0, 0, 0]]));
    expect(Array.from(plain.data)).toEqual([255, 0, 0, 0, 0, 255]);
    // BI_BITFIELDS with masks R=0x0000ff00 G=0x00ff0000 B=0xff000000 (an unusual order, to prove masks are honoured).
    const masks = [0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff];
    const fields = decodeBmp(bmp(1, 1, 32, 3, masks, [[0, 10, 20, 30]]));
    expect(Array.from(fields.data)).toEqual([10, 20, 30]);
  });

  it('decodes 16-bit 5-5-5 and 8/4/1-bit palette files', () => {
    const sixteen = decodeBmp(bmp(1, 1, 16, 0, [], [[0x00, 0x7c]])); // 0x7c00 = full red
    expect(Array.from(sixteen.data)).toEqual([255, 0, 0]);
    const palette = [0, 0, 0, 0, 0, 0, 255, 0, 255, 0, 0, 0]; // index 0 black, 1 red, 2 blue (BGRX)
    expect(Array.from(decodeBmp(bmp(3, 1, 8, 0, palette.concat(Array(4 * 253).fill(0)), [[1, 2, 0]])).data)).toEqual([
      255, 0, 0, 0, 0, 255, 0, 0, 0,
    ]);
    expect(Array.from(decodeBmp(bmp(2, 1, 4, 0, palette.concat(Array(4 * 13).fill(0)), [[0x12]])).data)).toEqual([255, 0, 0, 0, 0, 255]);
    expect(Array.from(decodeBmp(bmp(2, 1, 1, 0, palette.slice(0, 8), [[0b01000000]])).data)).toEqual([0, 0, 0, 255, 0, 0]);
  });

  it('explains truncated, compressed and odd files', () => {
    const full = encodeBmp24(3, 2, rgb);
    expect(() => decodeBmp(full.subarray(0, full.length - 10))).toThrow(/truncated BMP: pixel data/);
    expect(() => decodeBmp(full.subarray(0, 20))).toThrow(/truncated BMP/);
    expect(() => decodeBmp(bmp(1, 1, 8, 1, [], [[0]]))).toThrow(/RLE-compressed BMP is not supported/);
    expect(() => decodeBmp(bmp(1, 1, 7, 0, [], [[0]]))).toThrow(/unsupported BMP bit depth 7/);
  });

  it('feeds sharp, so BMPs resize like any other format', async () => {
    const result = await decodeImageBytes(encodeBmp24(3, 2, rgb), { height: 2, width: 3, channels: 3, resize: 'stretch' });
    expect(result.ok && Array.from(result.pixels)).toEqual(Array.from(rgb));
    const small = await decodeImageBytes(encodeBmp24(3, 2, rgb), { height: 4, width: 4, channels: 1, resize: 'pad' });
    expect(small.ok && small.pixels.length).toBe(16);
  });
});
