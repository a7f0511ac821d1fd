/** A user mistake the CLI reports as one line and a non-zero exit, never as a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2 for usage mistakes, 1 for everything else (bad file, invalid model). */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
