/**
 * `UnsortedSegmentSum` as a scatter-add loop, for the wasm and cpu backends.
 *
 * It is the Gather gradient, i.e. the Embedding layer's weight gradient. The wasm backend has
 * no such kernel, so no Embedding model trains there. The stock cpu kernel builds a mask over
 * all of x for every segment (O(vocabulary × tokens × width)), hopeless for a real vocabulary;
 * this loop is O(tokens × width) and sums rows in input order, as the stock kernel does.
 */
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { rawBackend } from './tensor-data.js';

function segmentSum(x: TensorInfo, segmentIds: TensorInfo, numSegments: number, backend: unknown): TensorInfo {
  const raw = rawBackend(backend);
  const segRank = segmentIds.shape.length;
  const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
  const inner = x.shape.slice(segRank);
  const width = inner.reduce((a, b) => a * b, 1);
  const dtype = x.dtype === 'int32' ? 'int32' : 'float32';
  return raw.output([numSegments, ...inner], dtype, (out) => {
    const xs = raw.read(x);
    const ids = raw.read(segmentIds);
    for (let r = 0; r < rows; r++) {
      const id = ids[r]!;
      // TensorFlow drops out-of-range ids (negative ids mean "no segment"); so do we.
      if (id < 0 || id >= numSegments) continue;
      const src = r * width;
      const dst = id * width;
      for (let j = 0; j < width; j++) out[dst + j] = out[dst + j]! + xs[src + j]!;
    }
  });
}

/** The UnsortedSegmentSum kernel config for `backendName` ('cpu' or 'wasm'). */
export function segmentSumConfig(backendName: 'cpu' | 'wasm'): KernelConfig {
  const kernelFunc: KernelFunc = ({ inputs, backend, attrs }) => {
    const numSegments = Number((attrs as { numSegments: number }).numSegments);
    return segmentSum(inputs.x!, inputs.segmentIds!, numSegments, backend);
  };
  return { kernelName: 'UnsortedSegmentSum', backendName, kernelFunc };
}
