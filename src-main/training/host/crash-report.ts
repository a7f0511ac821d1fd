/**
 * Turns "the trainer process ended without saying goodbye" into one message a user can act on:
 * out of memory or crashed, by which signal or exit code, at what point of the run, with the last
 * lines the trainer wrote to stderr.
 */
import type { ErrorCode } from '../../../src-shared/training/protocol.js';
import type { TrainerExit } from './spawner.js';

/** How far the run had got when the process ended (from the events seen so far). */
export interface RunProgress {
  started: boolean;
  epoch: number | null;
  epochs: number | null;
  batch: number | null;
  batchesPerEpoch: number | null;
}

export interface CrashReport {
  code: Extract<ErrorCode, 'OUT_OF_MEMORY' | 'CRASHED'>;
  message: string;
}

// V8: "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory";
// wasm and typed arrays: "Array buffer allocation failed", "Out of memory", "Aborted(OOM)".
const OOM_PATTERN =
  /heap out of memory|Reached heap limit|Array buffer allocation failed|\bOut of memory\b|Aborted\(OOM\)|Cannot enlarge memory/i;

/** True when the stderr tail shows the process died for lack of memory. */
export function looksOutOfMemory(stderrTail: string): boolean {
  return OOM_PATTERN.test(stderrTail);
}

/** "during epoch 2 (batch 14/125)", "while loading the data", … */
export function describeWhen(p: RunProgress): string {
  if (!p.started) return 'before training started (while starting up or loading the data)';
  if (p.epoch === null) return 'at the start of training';
  const of = p.epochs ? `/${p.epochs}` : '';
  const batch = p.batch !== null ? ` (batch ${p.batch}${p.batchesPerEpoch ? `/${p.batchesPerEpoch}` : ''})` : '';
  return `during epoch ${p.epoch}${of}${batch}`;
}

/** Keeps the last `limit` characters of a stream, cut at a line start when possible. */
export class TextTail {
  private text = '';
  constructor(private readonly limit = 4000) {}
  push(chunk: string): void {
    this.text += chunk;
    if (this.text.length > this.limit * 2) this.text = this.text.slice(-this.limit);
  }
  toString(): string {
    const t = this.text.length > this.limit ? this.text.slice(-this.limit) : this.text;
    const nl = t.indexOf('\n');
    return (this.text.length > this.limit && nl >= 0 ? t.slice(nl + 1) : t).trimEnd();
  }
}

// Stack frames, native frames, V8's GC trace ("[123:0x5b] 812 ms: Mark-Compact …") and section banners.
const NOISE = /^\s*(at |\d+: 0x|<--- |----- )|^\[\d+:0x[0-9a-f]+\]/;

/** The last few meaningful stderr lines, for the end of a crash message. */
export function lastLines(tail: string, count = 6): string[] {
  const lines = tail
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !NOISE.test(l));
  return lines.slice(-count);
}

export interface CrashContext {
  exit: TrainerExit;
  progress: RunProgress;
  stderrTail: string;
  /** The host killed it on purpose: the watchdog or an explicit kill(). */
  killedBecause?: string;
  heapLimitMb?: number;
}

/** The error the host reports when the trainer ends without a 'finished' or 'error' event. */
export function describeCrash(ctx: CrashContext): CrashReport {
  const when = describeWhen(ctx.progress);
  const how = ctx.exit.signal ? `was killed (${ctx.exit.signal})` : `exited with code ${ctx.exit.code ?? 'unknown'}`;
  const details = lastLines(ctx.stderrTail);
  const suffix = details.length > 0 ? `\nLast trainer output:\n  ${details.join('\n  ')}` : '';
  if (ctx.killedBecause) {
    return { code: 'CRASHED', message: `The trainer process ${how} ${when}: ${ctx.killedBecause}.${suffix}` };
  }
  if (looksOutOfMemory(ctx.stderrTail)) {
    const limit = ctx.heapLimitMb !== undefined ? ` (JavaScript heap limit ${ctx.heapLimitMb} MB)` : '';
    return {
      code: 'OUT_OF_MEMORY',
      message: `The trainer ran out of memory${limit} ${when} and ${how}. Try a smaller batch size, smaller images or a smaller model.${suffix}`,
    };
  }
  // A SIGKILL nobody asked for on Linux is most often the kernel's out-of-memory killer.
  const hint = ctx.exit.signal === 'SIGKILL' ? ' If you did not end it yourself, the system may have run out of memory.' : '';
  return { code: 'CRASHED', message: `The trainer process ${how} ${when}.${hint}${suffix}` };
}
