/**
 * What `netwright train` shows while a run streams events: a live bar on a terminal (epoch x/y,
 * batch bar, loss/acc, samples/s, ETA), one plain line per epoch otherwise, or every event as a
 * JSON line with --json (for scripts and CI logs).
 */
import type { EpochMetrics, TrainerEvent } from '../../src-shared/training/protocol.js';
import type { CliIo } from './io.js';

export interface ProgressOptions {
  json: boolean;
  batchSize: number;
  epochs: number;
}

const BAR_WIDTH = 24;

/** "1:05", "1:02:03": short enough for a status line. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const num = (n: number | null) => (n === null ? '–' : Math.abs(n) >= 1000 ? n.toExponential(3) : n.toFixed(4));

/** "loss 0.3123 · acc 0.9112 · val_loss … · val_acc …", skipping what the task does not have. */
export function formatMetrics(m: EpochMetrics): string {
  const parts = [`loss ${num(m.loss)}`];
  if (m.accuracy !== null) parts.push(`acc ${num(m.accuracy)}`);
  if (m.mae !== null) parts.push(`mae ${num(m.mae)}`);
  if (m.valLoss !== null) parts.push(`val_loss ${num(m.valLoss)}`);
  if (m.valAccuracy !== null) parts.push(`val_acc ${num(m.valAccuracy)}`);
  if (m.valMae !== null) parts.push(`val_mae ${num(m.valMae)}`);
  return parts.join(' · ');
}

/** `[██████░░░░]` for done/total. */
export function formatBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

/** Returns the event handler that renders a run's progress to `io`. */
export function createProgressPrinter(io: CliIo, options: ProgressOptions): (event: TrainerEvent) => void {
  if (options.json) return (event) => io.out(JSON.stringify(event));
  let epochs = options.epochs;
  return (event) => {
    switch (event.type) {
      case 'ready':
        break;
      case 'data-progress': {
        const p = event.progress;
        io.status?.(`Preparing data: ${p.phase} ${formatBar(p.done, p.total)} ${int(p.done)}/${int(p.total)}`);
        break;
      }
      case 'started': {
        const b = event.backend;
        const d = event.dataset;
        io.out(`Backend: ${b.backend} on the ${b.device.toUpperCase()}, ${b.threads} thread${b.threads === 1 ? '' : 's'}`);
        for (const n of b.notUsed) io.out(`  ${n.backend} not used: ${n.why}`);
        const classes = d.task === 'classification' ? `, ${d.classNames.length} classes` : '';
        io.out(
          `Data: ${d.kind} (${d.task}${classes}, sample shape [${d.sampleShape.join(', ')}]): ${int(d.counts.train)} train, ${int(d.counts.validation)} validation, ${int(d.counts.test)} test`,
        );
        if (d.skipped.length > 0)
          io.err(`warning: ${d.skipped.length} file(s) skipped, e.g. ${d.skipped[0]!.path}: ${d.skipped[0]!.reason}`);
        io.out(`Model: ${int(event.params)} parameters; ${event.batchesPerEpoch} batches of ${options.batchSize} per epoch`);
        break;
      }
      case 'batch': {
        if (!io.status) break;
        const remainingBatches = (epochs - event.epoch) * event.batchesPerEpoch + (event.batchesPerEpoch - event.batch);
        const eta = event.samplesPerSecond > 0 ? (remainingBatches * options.batchSize) / event.samplesPerSecond : NaN;
        const acc = event.accuracy !== null ? ` acc ${num(event.accuracy)}` : '';
        io.status(
          `Epoch ${event.epoch}/${epochs} ${formatBar(event.batch, event.batchesPerEpoch)} ${event.batch}/${event.batchesPerEpoch} loss ${num(event.loss)}${acc} · ${int(event.samplesPerSecond)} samples/s · ETA ${formatDuration(eta)}`,
        );
        break;
      }
      case 'epoch':
        epochs = event.epochs;
        io.out(
          `Epoch ${event.metrics.epoch}/${event.epochs}  ${formatMetrics(event.metrics)} · ${int(event.samplesPerSecond)} samples/s · ${formatDuration(event.elapsedSeconds)} elapsed${event.metrics.epoch < event.epochs ? ` · ETA ${formatDuration(event.etaSeconds)}` : ''}${event.isBest ? ' · best' : ''}`,
        );
        break;
      case 'state':
        io.out(event.state === 'paused' ? 'Paused.' : event.state === 'running' ? 'Resumed.' : 'Stopping after this batch…');
        break;
      case 'log':
        if (event.level === 'warning') io.err(`warning: ${event.message}`);
        else io.out(event.message);
        break;
      case 'finished': {
        io.status?.('');
        const reason =
          event.reason === 'completed' ? 'Finished' : event.reason === 'stopped' ? 'Stopped' : 'Stopped early (no validation improvement)';
        const best = event.bestEpoch !== null ? `; best epoch ${event.bestEpoch}` : '';
        io.out(
          `${reason} after ${event.history.length} epoch${event.history.length === 1 ? '' : 's'} in ${formatDuration(event.seconds)}${best}.`,
        );
        if (event.test) {
          const t = event.test;
          io.out(
            `Test: loss ${num(t.loss)}${t.accuracy !== null ? ` · accuracy ${(t.accuracy * 100).toFixed(2)}%` : ''}${t.mae !== null ? ` · mae ${num(t.mae)}` : ''}`,
          );
        }
        if (event.outDir) io.out(`Saved to ${event.outDir}`);
        break;
      }
      case 'error':
        io.status?.('');
        break;
      default: {
        // Compile-time exhaustiveness; at run time a newer trainer's extra event is simply not shown.
        const unknownEvent: never = event;
        void unknownEvent;
      }
    }
  };
}
