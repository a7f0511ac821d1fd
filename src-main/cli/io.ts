/** Where CLI commands write, so tests can run them in-process and read what a user would see. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /**
   * Rewrites one live status line (a progress bar) in place; '' clears it. Present only on an
   * interactive terminal, so pipes, logs and tests get plain lines instead.
   */
  status?(text: string): void;
}

// \r returns to column 0 and ESC[2K clears the line, so a shorter status leaves no leftovers.
const CLEAR_LINE = '\r\x1b[2K';
let statusShown = false;

function withStatusCleared(write: () => void): void {
  if (statusShown) {
    process.stderr.write(CLEAR_LINE);
    statusShown = false;
  }
  write();
}

export const processIo: CliIo = {
  out: (line) => withStatusCleared(() => process.stdout.write(`${line}\n`)),
  err: (line) => withStatusCleared(() => process.stderr.write(`${line}\n`)),
  ...(process.stderr.isTTY
    ? {
        status(text: string) {
          // A pseudo-terminal may report 0 columns; assume a common width then.
          const width = process.stderr.columns || 100;
          process.stderr.write(CLEAR_LINE + text.slice(0, Math.max(10, width - 1)));
          statusShown = text !== '';
        },
      }
    : {}),
};
