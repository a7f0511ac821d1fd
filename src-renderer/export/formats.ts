/**
 * The export formats as the dialog presents them, and how one format's outcome reads: passed
 * (written, and its predictions match the app's), written but mismatching, or failed.
 */
import type { FormatExportResult } from '../../src-shared/ipc/contract-training.js';

export type ExportFormat = FormatExportResult['format'];

export interface FormatInfo {
  id: ExportFormat;
  label: string;
  description: string;
}

export const FORMATS: readonly FormatInfo[] = [
  { id: 'tfjs', label: 'TensorFlow.js', description: 'model.json + weight shards, for the browser and Node' },
  { id: 'onnx', label: 'ONNX', description: 'one .onnx file, for onnxruntime on any platform' },
  { id: 'keras', label: 'Keras', description: '.h5 with architecture and weights, for TensorFlow/Keras' },
  { id: 'pytorch', label: 'PyTorch', description: 'a model.py module + state_dict (.pt); needs Python with torch' },
];

export const formatLabel = (id: string): string => FORMATS.find((f) => f.id === id)?.label ?? id;

export type Outcome = 'pass' | 'mismatch' | 'failed';

/**
 * `ok` says the files were written; the parity report's verdict says whether the exported
 * model predicts what the app's model does. A written model that disagrees is not a pass.
 */
export function outcome(result: FormatExportResult): Outcome {
  if (!result.ok) return 'failed';
  return /:\s*fail\b|\bFAIL\b/i.test(result.report) ? 'mismatch' : 'pass';
}

export const OUTCOME_LABEL: Record<Outcome, string> = { pass: 'Passed', mismatch: 'Predictions differ', failed: 'Failed' };
