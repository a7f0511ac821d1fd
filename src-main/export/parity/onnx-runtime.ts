/**
 * Runs an exported ONNX file in onnxruntime-node (an independent runtime: Microsoft's C++ kernels,
 * not tfjs) on the held-out samples.
 */
import type { Predictions, SampleSet } from './compare.js';

/** The first output of `file` for `samples`, fed to its first input. */
export async function predictWithOnnxRuntime(file: string, samples: SampleSet): Promise<Predictions> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(file, { graphOptimizationLevel: 'all', intraOpNumThreads: 2 });
  try {
    const feedName = session.inputNames[0]!;
    const type = samples.x instanceof Int32Array ? 'int32' : 'float32';
    const feed = { [feedName]: new ort.Tensor(type, samples.x, [samples.count, ...samples.shape]) };
    const result = await session.run(feed);
    const out = result[session.outputNames[0]!]!;
    const data = Float32Array.from(out.data as Float32Array);
    return { data, count: samples.count, units: samples.count === 0 ? 0 : data.length / samples.count };
  } finally {
    await session.release();
  }
}
