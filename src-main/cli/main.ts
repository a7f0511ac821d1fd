/**
 * The `netwright` command line: the same services the app uses, for scripts and CI.
 * User mistakes end as one line on stderr and a non-zero exit; only bugs print a stack.
 */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import { processIo, type CliIo } from './io.js';
import { runSummary } from './commands/summary.js';
import { runValidate } from './commands/validate.js';
import { runTemplates } from './commands/templates.js';

const USAGE = `Usage: netwright <command> [options]

Commands:
  summary <file|template> [--json]    Layer table: output shapes, parameters, multiply-adds, memory
  validate <file|template> [--json]   Check wiring, shapes and parameters; print findings and fixes
  templates                           List the bundled example projects

<file> is a Netwright project (.nwproj), a Keras model.to_json() file, or a TF.js model.json.
Options:
  -h, --help     Show this help
  -v, --version  Show the version`;

type Command = (args: string[], io: CliIo) => Promise<number>;

function oneFile(name: string, run: (file: string, opts: { json: boolean }, io: CliIo) => Promise<number>): Command {
  return async (args, io) => {
    const { values, positionals } = parse(args, { json: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new CliError(`${name} takes one file, got ${positionals.length}. Usage: netwright ${name} <file> [--json]`, 2);
    return run(positionals[0]!, { json: values.json === true }, io);
  };
}

const COMMANDS: Record<string, Command> = {
  summary: oneFile('summary', runSummary),
  validate: oneFile('validate', runValidate),
  templates: async (_args, io) => runTemplates(io),
};

function parse(args: string[], options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message.split('\n')[0]}`, 2);
  }
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '-v' || name === '--version') {
    io.out(await readVersion());
    return 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new CliError(`unknown command "${name}". Run "netwright --help" for the list.`, 2);
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`netwright: ${e.message}`);
      return e.exitCode;
    }
    throw e;
  }
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
