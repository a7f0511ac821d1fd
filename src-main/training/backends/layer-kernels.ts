/**
 * Which tfjs kernels training a layer type runs (forward and backward), so backend selection
 * can check them against a backend's kernel registry before a run starts instead of failing in
 * the first gradient. Compiled from profiling a fit step of each layer on the cpu backend
 * (tests/unit/main/training/backends/layer-kernels.test.ts re-checks it), plus the input-side
 * gradients a first layer skips (e.g. MaxPoolGrad). Keys are catalog layer types.
 */
import * as tf from '@tensorflow/tfjs';

const CONV = ['Conv2D', 'FusedConv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput'];
const DEPTHWISE = [
  'DepthwiseConv2dNative',
  'FusedDepthwiseConv2D',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
];
const MAX_POOL = ['MaxPool', 'MaxPoolGrad'];
const AVG_POOL = ['AvgPool', 'AvgPoolGrad'];
const NORM = ['FusedBatchNorm', 'Rsqrt', 'Tile', 'ZerosLike', 'Mean', 'Square', 'SquaredDifference'];
const RNN = ['Tanh', 'Sigmoid', 'Tile', 'Transpose', 'Unpack', 'Pack', 'Concat', 'SplitV', 'Select', 'ZerosLike', 'BatchMatMul'];
const GATED = [...RNN, 'ClipByValue', 'GreaterEqual', 'LessEqual', 'LogicalAnd', 'Neg'];

/** Kernels every training step runs regardless of layers: losses, metrics, optimizers, activations. */
export const BASE_TRAINING_KERNELS: readonly string[] = [
  'Add',
  'AddN',
  'Sub',
  'Multiply',
  'RealDiv',
  'Neg',
  'Square',
  'Sqrt',
  'Exp',
  'Log',
  'Maximum',
  'Minimum',
  'Sum',
  'Mean',
  'Max',
  'ArgMax',
  'Equal',
  'Cast',
  'Reshape',
  'Identity',
  'Slice',
  'GatherV2',
  'Fill',
  'ClipByValue',
  'Softmax',
  'Relu',
  'Step',
  'Sigmoid',
  'Tanh',
  'Elu',
  'EluGrad',
  'Selu',
  'Softplus',
  'LeakyRelu',
  'Relu6',
  'Greater',
  'Select',
  'Abs',
  'Sign',
  'Pow',
  // the gradient of the loss's clipByValue
  'GreaterEqual',
  'LessEqual',
  'LogicalAnd',
  'ZerosLike',
];

/** Kernels beyond the base set, by catalog layer type. */
export const LAYER_KERNELS: Readonly<Record<string, readonly string[]>> = {
  Input: [],
  Dense: ['_FusedMatMul', 'BatchMatMul'],
  Activation: [],
  Dropout: ['Floor'],
  Flatten: [],
  Reshape: [],
  Rescaling: [],
  BatchNormalization: NORM,
  LayerNormalization: NORM,
  Conv2D: CONV,
  DepthwiseConv2D: DEPTHWISE,
  SeparableConv2D: [...DEPTHWISE, ...CONV],
  Conv1D: [...CONV, 'ExpandDims'],
  MaxPooling2D: MAX_POOL,
  AveragePooling2D: AVG_POOL,
  GlobalAveragePooling2D: [],
  GlobalMaxPooling2D: ['Max'],
  MaxPooling1D: [...MAX_POOL, 'ExpandDims'],
  AveragePooling1D: [...AVG_POOL, 'ExpandDims'],
  GlobalAveragePooling1D: [],
  GlobalMaxPooling1D: ['Max'],
  ZeroPadding2D: ['PadV2'],
  Cropping2D: ['PadV2'],
  UpSampling2D: ['ResizeNearestNeighbor', 'ResizeNearestNeighborGrad', 'ResizeBilinear', 'ResizeBilinearGrad'],
  SimpleRNN: RNN,
  LSTM: GATED,
  GRU: GATED,
  Embedding: ['GatherV2', 'UnsortedSegmentSum', 'Transpose'],
  Concatenate: ['Concat', 'SplitV'],
  Add: ['AddN'],
  Subtract: [],
  Multiply: [],
  Average: ['AddN'],
  Maximum: ['GreaterEqual', 'LogicalNot'],
};

/** Kernels needed to train a graph with these layer types, and the types this table does not know. */
export function kernelsForLayers(layerTypes: readonly string[]): { kernels: string[]; unknownTypes: string[] } {
  const kernels = new Set(BASE_TRAINING_KERNELS);
  const unknownTypes: string[] = [];
  for (const type of new Set(layerTypes)) {
    const needs = LAYER_KERNELS[type];
    if (needs) needs.forEach((k) => kernels.add(k));
    else unknownTypes.push(type);
  }
  return { kernels: [...kernels].sort(), unknownTypes };
}

/** The kernels in `kernels` that have no registration for `backendName`. */
export function missingKernels(kernels: readonly string[], backendName: string): string[] {
  return kernels.filter((k) => !tf.getKernel(k, backendName));
}

/**
 * The kernels a real training step runs, measured with tf.profile on the active backend (run it
 * on cpu, which has every kernel). Scope names of custom-gradient ops ("fusedMatMul__op") are
 * dropped: only names registered as kernels somewhere are returned.
 */
export async function traceKernels(step: () => Promise<unknown> | unknown): Promise<string[]> {
  const info = await tf.profile(async () => {
    await step();
  });
  const active = tf.getBackend();
  return [...new Set(info.kernelNames)].filter((k) => tf.getKernel(k, active) || tf.getKernel(k, 'cpu')).sort();
}
