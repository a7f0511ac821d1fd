/** `util.parseArgs` with usage mistakes turned into one-line CLI errors (exit code 2). */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing with positionals: unknown flags and missing values are usage errors. */
export function parseOptions<T extends OptionSpecs>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    // Node's messages span lines ("ambiguous" explains `--lr=-1` on the third); keep them on one.
    throw new CliError((e as Error).message.split('\n').join(' '), 2);
  }
}
