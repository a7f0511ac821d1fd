import { describe, expect, it } from 'vitest';
import { describeCrash, looksOutOfMemory, TextTail, type RunProgress } from '../../../../src-main/training/host/crash-report.js';

const midRun: RunProgress = { started: true, epoch: 2, epochs: 5, batch: 14, batchesPerEpoch: 125 };
const V8_OOM = `
<--- Last few GCs --->
[123:0x5b]     812 ms: Mark-Compact 60.1 (63.2) -> 59.8 (63.4) MB, 40.1 / 0.0 ms  (average mu = 0.2) allocation failure
FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
 1: 0xb8d0a3 node::Abort() [node]
 2: 0xa9b7c8  [node]
`;

describe('describeCrash', () => {
  it('names the signal and the epoch, and suspects the OOM killer for an unexplained SIGKILL', () => {
    const r = describeCrash({ exit: { code: null, signal: 'SIGKILL' }, progress: midRun, stderrTail: '' });
    expect(r.code).toBe('CRASHED');
    expect(r.message).toBe(
      'The trainer process was killed (SIGKILL) during epoch 2/5 (batch 14/125). If you did not end it yourself, the system may have run out of memory.',
    );
  });

  it('recognizes V8 heap exhaustion and leaves native stack frames out of the quoted tail', () => {
    const r = describeCrash({
      exit: { code: null, signal: 'SIGABRT' },
      progress: { ...midRun, started: false, epoch: null },
      stderrTail: V8_OOM,
      heapLimitMb: 64,
    });
    expect(r.code).toBe('OUT_OF_MEMORY');
    expect(r.message).toMatch(
      /^The trainer ran out of memory \(JavaScript heap limit 64 MB\) before training started .* and was killed \(SIGABRT\)\. Try a smaller batch size/,
    );
    expect(r.message).toContain('FATAL ERROR: Reached heap limit');
    expect(r.message).not.toContain('node::Abort');
    expect(r.message).not.toContain('Mark-Compact');
  });

  it('reports an exit code when there was no signal', () => {
    const r = describeCrash({
      exit: { code: 134, signal: null },
      progress: { ...midRun, batch: null },
      stderrTail: 'Segmentation fault in libtensorflow\n',
    });
    expect(r).toEqual({
      code: 'CRASHED',
      message: 'The trainer process exited with code 134 during epoch 2/5.\nLast trainer output:\n  Segmentation fault in libtensorflow',
    });
  });

  it('spots wasm and typed-array allocation failures too', () => {
    expect(looksOutOfMemory('RangeError: Array buffer allocation failed')).toBe(true);
    expect(looksOutOfMemory('Aborted(OOM)')).toBe(true);
    expect(looksOutOfMemory('TypeError: x is undefined')).toBe(false);
  });
});

describe('TextTail', () => {
  it('keeps the last characters, starting at a whole line', () => {
    const tail = new TextTail(20);
    for (let i = 0; i < 10; i++) tail.push(`line number ${i}\n`);
    expect(tail.toString()).toBe('line number 9');
  });
});
