/**
 * `netwright doctor [--json]`: which training backends load here, whether a GPU is used (and why
 * not), CPU threads, memory, Node and TensorFlow.js versions — what a user pastes into a bug report.
 * Loaded lazily by the CLI because probing loads tfjs.
 */
import { describeEnvironment, formatEnvironment } from '../../training/backends/describe-environment.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { parseOptions } from '../parse-options.js';

export async function runDoctor(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, { json: { type: 'boolean', default: false } });
  if (positionals.length > 0) throw new CliError('doctor takes no arguments. Usage: netwright doctor [--json]', 2);
  const report = await describeEnvironment();
  const best = report.backends.find((b) => b.available);
  if (values.json) {
    io.out(JSON.stringify({ ...report, bestBackend: best?.backend ?? null }));
    return 0;
  }
  io.out(formatEnvironment(report));
  if (best) {
    // wasm lacks some gradients, so a graph it cannot train falls back to the next one (cpu).
    const fallback = best.backend === 'wasm' ? '; graphs whose gradients wasm lacks train on cpu' : '';
    io.out(`Training runs on: ${best.backend}${fallback}. Each run reports its choice when it starts.`);
  }
  return 0;
}
