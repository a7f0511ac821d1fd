/** Runs the CLI in-process and returns what a user would see on stdout and stderr, and the exit code. */
import { runCli } from '../../../../src-main/cli/main.js';

export async function runCaptured(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
