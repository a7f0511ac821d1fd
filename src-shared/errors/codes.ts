/**
 * The catalogue of stable finding codes shared by UI, CLI, logs and tests.
 * A code never changes meaning once released; add new ones at the end of their group.
 */
export const FINDING_CODES = {
  // Graph structure
  CYCLE: 'The graph has a cycle; networks here must be acyclic (recurrence lives inside RNN layers).',
  MISSING_INPUT: 'A layer has fewer incoming connections than it needs.',
  TOO_MANY_INPUTS: 'A layer has more incoming connections than it accepts.',
  DISCONNECTED: 'A layer is not connected to any input or to any output.',
  NO_INPUT: 'The graph has no Input layer.',
  NO_OUTPUT: 'The graph has no output layer.',
  DUPLICATE_NAME: 'Two layers share a name; Keras needs unique names.',
  UNKNOWN_LAYER: 'A node names a layer type the catalog does not know.',
  DANGLING_EDGE: 'An edge points at a node that does not exist.',
  // Parameters
  PARAM_INVALID: 'A parameter value is missing, of the wrong type, or out of range.',
  ZERO_INIT: 'All-zero weight initialization keeps every unit identical (symmetry is never broken).',
  TRAINER_UNSUPPORTED: 'The in-app trainer (TensorFlow.js 4.22) cannot train this configuration; exported Keras code can.',
  // Shapes
  RANK_MISMATCH: 'A layer gets a tensor of the wrong rank.',
  SHAPE_MISMATCH: 'Merged tensors have incompatible shapes.',
  KERNEL_TOO_LARGE: 'A kernel or pool window is larger than its (padded) input.',
  NONPOSITIVE_SIZE: 'A layer would produce a zero or negative output size.',
  RESHAPE_SIZE: 'Reshape target size differs from the input size.',
  UNKNOWN_DIM: 'A dimension the layer needs to know is unknown (variable length).',
  // Output / task
  OUTPUT_ACTIVATION: 'The output activation does not suit the task (e.g. a classifier without softmax).',
  OUTPUT_UNITS: 'The output width does not match the number of classes.',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;
