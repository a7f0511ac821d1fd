/**
 * The `netwright` command line: the same services the app uses, for scripts and CI.
 * User mistakes end as one line on stderr and a non-zero exit; only bugs print a stack.
 */
import { CliError } from './cli-error.js';
import { processIo, type CliIo } from './io.js';
import { parseOptions } from './parse-options.js';
import { runSummary } from './commands/summary.js';
import { runValidate } from './commands/validate.js';
import { runTemplates } from './commands/templates.js';
import { runTrain } from './commands/train.js';

const USAGE = `Usage: netwright <command> [options]

Commands:
  summary <file|template> [--json]    Layer table: output shapes, parameters, multiply-adds, memory
  validate <file|template> [--json]   Check wiring, shapes and parameters; print findings and fixes
  templates                           List the bundled example projects
  train <file|template> [options]     Train in a separate trainer process; saves the model and history
      --data mnist|<folder>|<file.csv>  Dataset (default: the project's own, its path relative to the project file)
      --epochs N  --batch N  --lr X  --seed N
      --optimizer sgd|adam|rmsprop|adagrad
      --backend tfjs-node-gpu|tfjs-node|wasm|cpu   (default: the fastest that can train the model)
      --out DIR                         Where the run is saved (default runs/<project>-<time>)
      --json                            One JSON event per line instead of a progress bar
  evaluate <run-dir|model.json> [--data …] [--split test|validation|train|all] [--json]
                                      Accuracy, per-class precision/recall/F1, confusion matrix
  predict <run-dir|model.json> <image|folder>… [--top K] [--json]
                                      Classify image files with a trained run (its preprocessing)
  export <run-dir|model.json> [--format tfjs,onnx,keras,pytorch] [--out DIR] [--samples N] [--json]
                                      TF.js / ONNX / Keras .h5 / PyTorch, each with preprocessing.json and
                                      a parity check in an independent runtime (exit 1 if any fails)
  doctor [--json]                     Backends that load here, GPU use (or why not), threads, memory
  serve [--port N] [--host H] [--open] [--allow DIR]...
                                      The app in a browser: http://127.0.0.1:8420/?token=… (--port 0: any
                                      free port); reads and writes only the current folder and --allow ones

<file> is a Netwright project (.nwproj), a Keras model.to_json() file, or a TF.js model.json.
Options:
  -h, --help     Show this help
  -v, --version  Show the version`;

type Command = (args: string[], io: CliIo) => Promise<number>;

function oneFile(name: string, run: (file: string, opts: { json: boolean }, io: CliIo) => Promise<number>): Command {
  return async (args, io) => {
    const { values, positionals } = parseOptions(args, { json: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new CliError(`${name} takes one file, got ${positionals.length}. Usage: netwright ${name} <file> [--json]`, 2);
    return run(positionals[0]!, { json: values.json === true }, io);
  };
}

const COMMANDS: Record<string, Command> = {
  summary: oneFile('summary', runSummary),
  validate: oneFile('validate', runValidate),
  templates: async (_args, io) => runTemplates(io),
  train: (args, io) => runTrain(args, io),
  // Loaded on demand: both load tfjs, which the other commands never need.
  evaluate: async (args, io) => (await import('./commands/evaluate.js')).runEvaluate(args, io),
  doctor: async (args, io) => (await import('./commands/doctor.js')).runDoctor(args, io),
  predict: async (args, io) => (await import('./commands/predict.js')).runPredict(args, io),
  export: async (args, io) => (await import('./commands/export.js')).runExport(args, io),
  // Loaded on demand: the HTTP server and WebSocket stack are only for this command.
  serve: async (args, io) => (await import('./commands/serve.js')).runServe(args, io),
};

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
