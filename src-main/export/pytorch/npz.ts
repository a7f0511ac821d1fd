/**
 * NumPy .npy and .npz writing (and .npy reading), by hand: no zip library is installed.
 *
 * .npy (numpy/lib/format.py, version 1.0): "\x93NUMPY", bytes 1 0, a little-endian uint16 header
 * length, then a Python-literal dict {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
 * padded with spaces and a final '\n' so the data starts at a multiple of 64, then C-order data.
 * .npz is a zip of such files named "<key>.npy"; this writes deflated entries (PKWARE APPNOTE
 * 4.3.7 local header, 4.3.12 central directory, 4.3.16 end record; no zip64, so < 4 GB).
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** An array for an .npy file. */
export interface NpyArray {
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array;
}

const DESCR = (a: NpyArray['data']): string => (a instanceof Float32Array ? '<f4' : a instanceof Int32Array ? '<i4' : '|u1');

/** One .npy file's bytes. */
export function encodeNpy(a: NpyArray): Uint8Array {
  const shape = a.shape.length === 1 ? `(${a.shape[0]},)` : `(${a.shape.join(', ')})`;
  let header = `{'descr': '${DESCR(a.data)}', 'fortran_order': False, 'shape': ${shape}, }`;
  const unpadded = 10 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  const out = new Uint8Array(10 + header.length + a.data.byteLength);
  out.set([0x93, ...Buffer.from('NUMPY'), 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(Buffer.from(header, 'latin1'), 10);
  out.set(new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength), 10 + header.length);
  return out;
}

/** Reads a little-endian float32/float64/int32/int64 .npy (what the parity scripts write) as float32. */
export function decodeNpy(bytes: Uint8Array): { shape: number[]; data: Float32Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] !== 0x93 || Buffer.from(bytes.subarray(1, 6)).toString('latin1') !== 'NUMPY') throw new Error('not an .npy file');
  const major = bytes[6]!;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = Buffer.from(bytes.subarray(start, start + headerLength)).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (/'fortran_order':\s*True/.test(header)) throw new Error('.npy in Fortran order is not supported');
  const body = bytes.slice(start + headerLength);
  const count = shape.reduce((a, b) => a * b, 1);
  const readers: Record<string, () => Float32Array> = {
    '<f4': () => new Float32Array(body.buffer, body.byteOffset, count),
    '<f8': () => Float32Array.from(new Float64Array(body.buffer, body.byteOffset, count)),
    '<i4': () => Float32Array.from(new Int32Array(body.buffer, body.byteOffset, count)),
    '<i8': () => Float32Array.from(new BigInt64Array(body.buffer, body.byteOffset, count), Number),
  };
  const read = descr ? readers[descr] : undefined;
  if (!read) throw new Error(`.npy dtype ${descr} is not supported`);
  return { shape, data: Float32Array.from(read()) };
}

/** A zip of `<key>.npy` entries: what numpy.savez_compressed writes and numpy.load reads. */
export function encodeNpz(arrays: Record<string, NpyArray>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [key, array] of Object.entries(arrays)) {
    const name = Buffer.from(`${key}.npy`, 'utf8');
    const raw = encodeNpy(array);
    const packed = deflateRawSync(raw);
    const crc = crc32(raw);
    // Shared fields of both headers: version 2.0, flags (bit 11: UTF-8 names), method 8 (deflate), DOS time 00:00 1980-01-01.
    const common = (v: DataView, at: number) => {
      v.setUint16(at, 20, true);
      v.setUint16(at + 2, 0x0800, true);
      v.setUint16(at + 4, 8, true);
      v.setUint32(at + 6, 0x21 << 16, true);
      v.setUint32(at + 10, crc, true);
      v.setUint32(at + 14, packed.length, true);
      v.setUint32(at + 18, raw.length, true);
      v.setUint16(at + 22, name.length, true);
    };
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    common(lv, 4);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // made by
    common(cv, 6);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  return Buffer.concat([...locals, ...centrals, end]);
}
