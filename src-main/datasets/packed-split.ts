/**
 * One split of an image dataset stored on disk as fixed-size records (`<split>.u8`, one
 * height·width·channels byte record per image) plus a label file (`<split>.labels`, Int32 LE).
 * Batches are read by offset, so memory stays at one batch however large the dataset is.
 */
import { open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Batch, BatchOptions, Normalization, SplitName } from '../../src-shared/training/dataset-types.js';
import { hasAugmentation } from './augment.js';
import { augmentBatch, batchIndices, epochOrder, type BatchSource } from './batch-source.js';
import { byteLookup, bytesToFloats, makeNormalization, normalizeUnitFloats } from './normalization.js';

/** I/O counters, so tests (and curious users) can see that reads stay batch-sized. */
export interface ReadStats {
  reads: number;
  bytesRead: number;
  /** Largest buffer allocated for one batch's records. */
  maxBufferBytes: number;
}

const WRITE_CHUNK = 4 * 1024 * 1024;

/** Appends records to a split file in large writes; call `close` to flush and write the labels. */
export class SplitPackWriter {
  private buffer: Uint8Array;
  private used = 0;
  private readonly labels: number[] = [];

  private constructor(
    private readonly handle: FileHandle,
    private readonly labelsFile: string,
    private readonly recordBytes: number,
  ) {
    this.buffer = new Uint8Array(Math.max(recordBytes, Math.floor(WRITE_CHUNK / recordBytes) * recordBytes));
  }

  /** Starts `<dir>/<split>.u8` (truncating any old one). */
  static async create(dir: string, split: SplitName, recordBytes: number): Promise<SplitPackWriter> {
    const handle = await open(path.join(dir, `${split}.u8`), 'w');
    return new SplitPackWriter(handle, path.join(dir, `${split}.labels`), recordBytes);
  }

  /** Adds one image (exactly recordBytes bytes) and its class index. */
  async append(pixels: Uint8Array, label: number): Promise<void> {
    if (pixels.length !== this.recordBytes) throw new RangeError(`record has ${pixels.length} bytes, expected ${this.recordBytes}`);
    if (this.used + pixels.length > this.buffer.length) await this.flush();
    this.buffer.set(pixels, this.used);
    this.used += pixels.length;
    this.labels.push(label);
  }

  /** Flushes pending records, writes the label file and closes. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.handle.close();
    }
    const labels = Int32Array.from(this.labels);
    await writeFile(this.labelsFile, new Uint8Array(labels.buffer));
  }

  private async flush(): Promise<void> {
    if (this.used > 0) await this.handle.write(this.buffer, 0, this.used);
    this.used = 0;
  }
}

/** A split read back from its pack files; implements BatchSource with bounded memory. */
export class PackedSplit implements BatchSource {
  readonly stats: ReadStats = { reads: 0, bytesRead: 0, maxBufferBytes: 0 };
  readonly count: number;
  private readonly recordBytes: number;

  private constructor(
    readonly split: SplitName,
    private readonly file: string,
    readonly labels: Int32Array,
    readonly sampleShape: readonly [number, number, number],
    readonly normalization: Normalization,
  ) {
    this.count = labels.length;
    this.recordBytes = sampleShape[0] * sampleShape[1] * sampleShape[2];
  }

  /** Opens `<dir>/<split>.u8`; labels (4 bytes per image) are the only thing read up front. */
  static async open(
    dir: string,
    split: SplitName,
    sampleShape: [number, number, number],
    normalization: Normalization,
  ): Promise<PackedSplit> {
    const raw = await readFile(path.join(dir, `${split}.labels`));
    const labels = new Int32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    return new PackedSplit(split, path.join(dir, `${split}.u8`), labels, sampleShape, normalization);
  }

  /** Yields normalized batches; augmentation (train only) runs on [0, 1] values before standardization. */
  async *batches(options: BatchOptions): AsyncGenerator<Batch> {
    if (this.count === 0) return;
    const handle = await open(this.file, 'r');
    const augmenting = this.split === 'train' && hasAugmentation(options.augment);
    const lookup = byteLookup(augmenting ? makeNormalization('unit', this.sampleShape[2]) : this.normalization);
    try {
      let batchNumber = 0;
      for (const indices of batchIndices(epochOrder(this.count, options), options)) {
        const bytes = await this.readRecords(handle, indices);
        const x = new Float32Array(bytes.length);
        bytesToFloats(bytes, lookup, x);
        if (augmenting) {
          augmentBatch(x, indices.length, this.split, this.sampleShape, options, batchNumber);
          normalizeUnitFloats(x, this.normalization);
        }
        batchNumber++;
        yield { x, y: Int32Array.from(indices, (i) => this.labels[i] as number), count: indices.length };
      }
    } finally {
      await handle.close();
    }
  }

  /** Reads the whole split into memory (for splits that fit, e.g. validation sets). */
  async loadAll(): Promise<{ x: Float32Array; y: Int32Array }> {
    const x = new Float32Array(this.count * this.recordBytes);
    const y = new Int32Array(this.count);
    let row = 0;
    for await (const batch of this.batches({ batchSize: 1024 })) {
      x.set(batch.x, row * this.recordBytes);
      y.set(batch.y, row);
      row += batch.count;
    }
    return { x, y };
  }

  /** Reads records `indices` (any order) into one buffer in that order, merging runs of neighbours into single reads. */
  private async readRecords(handle: FileHandle, indices: Int32Array): Promise<Uint8Array> {
    const rb = this.recordBytes;
    const out = new Uint8Array(indices.length * rb);
    this.stats.maxBufferBytes = Math.max(this.stats.maxBufferBytes, out.length);
    // Visit positions sorted by record index so neighbouring records become one read.
    const order = Array.from(indices.keys()).sort((a, b) => (indices[a] as number) - (indices[b] as number));
    let k = 0;
    while (k < order.length) {
      let end = k + 1;
      // A run continues while record indices are consecutive and the output slots are too.
      while (
        end < order.length &&
        (indices[order[end]!] as number) === (indices[order[end - 1]!] as number) + 1 &&
        order[end] === order[end - 1]! + 1
      ) {
        end++;
      }
      const first = order[k]!;
      const length = (end - k) * rb;
      const { bytesRead } = await handle.read(out, first * rb, length, (indices[first] as number) * rb);
      if (bytesRead !== length) throw new Error(`${this.file} is shorter than its index says (cache damaged; delete the cache folder)`);
      this.stats.reads++;
      this.stats.bytesRead += bytesRead;
      k = end;
    }
    return out;
  }
}
