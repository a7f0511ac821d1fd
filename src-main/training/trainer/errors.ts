/**
 * Errors the trainer reports with a protocol error code, and the mapping from anything thrown
 * (tfjs, the dataset layer, the file system) to the code the host shows the user.
 */
import type { ErrorCode } from '../../../src-shared/training/protocol.js';
import { DatasetError } from '../../datasets/index.js';

/** A failure with a user-facing message and the protocol code it is reported under. */
export class TrainerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly epoch?: number,
    readonly batch?: number,
  ) {
    super(message);
    this.name = 'TrainerError';
  }
}

// tfjs-node says "OOM when allocating", wasm "could not allocate memory" / "Aborted(OOM)", V8
// "Array buffer allocation failed": all mean the same to a user.
const OUT_OF_MEMORY = /\bOOM\b|out of memory|allocat(e|ion) (memory|failed)|Array buffer allocation failed|Invalid typed array length/i;

/** The protocol code and message for anything a run threw. */
export function classifyError(error: unknown): { code: ErrorCode; message: string; epoch?: number; batch?: number } {
  if (error instanceof TrainerError) {
    const out: { code: ErrorCode; message: string; epoch?: number; batch?: number } = { code: error.code, message: error.message };
    if (error.epoch !== undefined) out.epoch = error.epoch;
    if (error.batch !== undefined) out.batch = error.batch;
    return out;
  }
  if (error instanceof DatasetError) return { code: 'DATA', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  if (OUT_OF_MEMORY.test(message)) {
    return { code: 'OUT_OF_MEMORY', message: `Ran out of memory (${message}). Try a smaller batch size or a smaller model.` };
  }
  return { code: 'INTERNAL', message: error instanceof Error && error.stack ? firstLines(error.stack, 6) : message };
}

function firstLines(text: string, n: number): string {
  return text.split('\n').slice(0, n).join('\n');
}
