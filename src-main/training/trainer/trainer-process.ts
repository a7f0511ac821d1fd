/**
 * The trainer process's message loop: say 'ready', run one 'start', route pause/resume/stop to
 * the run, and exit(0) once the final event ('finished' or 'error') has been handed over.
 * One process = one run; a second 'start' is refused with a warning.
 */
import type { TrainerEvent } from '../../../src-shared/training/protocol.js';
import type { Channel } from './channel.js';
import { TrainingControl } from './control.js';
import { runTraining } from './run-training.js';
import { parseCommand } from './validate-command.js';

/** Serves the host over `channel`; `exit` ends the process (injected so tests can observe it). */
export function serveTrainer(channel: Channel, exit: (code: number) => void): void {
  const control = new TrainingControl();
  let runId: string | null = null;
  let ending = false;

  const finish = async (event: TrainerEvent, code: number): Promise<void> => {
    if (ending) return;
    ending = true;
    await channel.send(event);
    exit(code);
  };

  process.on('uncaughtException', (error) => {
    void finish({ type: 'error', runId: runId ?? '', code: 'INTERNAL', message: `Trainer crashed: ${error.stack ?? error.message}` }, 1);
  });
  process.on('unhandledRejection', (reason) => {
    void finish(
      {
        type: 'error',
        runId: runId ?? '',
        code: 'INTERNAL',
        message: `Trainer crashed: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
      },
      1,
    );
  });
  // Nobody is left to report to: stop at once (the host treats its own restart as a new run).
  channel.onDisconnect(() => exit(0));

  channel.onMessage((message) => {
    const parsed = parseCommand(message);
    if (!parsed.ok) {
      // A broken start leaves nothing to run; a broken message during a run must not end the run.
      if (runId === null) void finish({ type: 'error', runId: '', code: 'BAD_COMMAND', message: parsed.error }, 0);
      else void channel.send({ type: 'log', runId, level: 'warning', message: `Ignored a message from the host. ${parsed.error}` });
      return;
    }
    const command = parsed.command;
    switch (command.type) {
      case 'start': {
        if (runId !== null) {
          void channel.send({
            type: 'log',
            runId,
            level: 'warning',
            message: `Ignored a second start (run "${command.runId}"): a trainer process runs one training.`,
          });
          return;
        }
        runId = command.runId;
        const emit = (event: TrainerEvent): void => {
          if (event.type === 'finished' || event.type === 'error') return; // sent by finish() below, then exit
          void channel.send(event);
        };
        void runTraining(command, emit, control).then(({ final }) => finish(final, 0));
        return;
      }
      case 'pause':
        control.pause();
        return;
      case 'resume':
        control.resume();
        return;
      case 'stop':
        if (runId === null) exit(0);
        else control.stop();
        return;
    }
  });
  void channel.send({ type: 'ready', pid: process.pid });
}
