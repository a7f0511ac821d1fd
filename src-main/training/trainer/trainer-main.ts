/**
 * Entry point of a trainer process: `child_process.fork` (plain Node, `--import tsx` from
 * sources) or Electron's `utilityProcess.fork`. It speaks the protocol of
 * src-shared/training/protocol.ts and nothing else; see trainer-process.ts.
 */
import { processChannel } from './channel.js';
import { serveTrainer } from './trainer-process.js';

const channel = processChannel();
if (channel) {
  serveTrainer(channel, (code) => process.exit(code));
} else {
  process.stderr.write(
    'trainer-main runs as a child of the Netwright training host (child_process.fork or utilityProcess), which sends it commands.\n',
  );
  process.exitCode = 2;
}
