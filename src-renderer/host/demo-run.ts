/**
 * DEMO ONLY. A simulated training run for the in-memory host (demo mode, component tests): it
 * trains nothing. On a timer it emits the TrainerEvents a real trainer would (started, throttled
 * batches, epochs, finished), with a falling loss, a rising accuracy and the chosen learning-rate
 * schedule, and honours pause, resume and stop. A learning rate far too high ends in the trainer's
 * NaN-loss error, so the error path can be seen without a backend. Never used against a real server.
 */
import type { DatasetInspection, TrainingEstimate } from '../../src-shared/ipc/contract-training.js';
import type { EpochMetrics, TrainerEvent, TrainSettings } from '../../src-shared/training/protocol.js';
import { mulberry32 } from '../../src-shared/training/random.js';
import { scheduledRate } from '../training/schedule-math.js';

export interface DemoRunPlan {
  runId: string;
  settings: TrainSettings;
  data: DatasetInspection;
  params: number;
  layers: number;
  /** Milliseconds between simulated batch events. */
  tickMs: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A demo run: `play()` starts the timer; `control` pauses, resumes or stops it. */
export class DemoRun {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private epoch = 1;
  private batch = 0;
  private paused = false;
  private done = false;
  private readonly history: EpochMetrics[] = [];
  private readonly rnd: () => number;
  private readonly bpe: number;
  private readonly perTick: number;
  private readonly classification: boolean;
  private elapsed = 0;
  /** Learning done so far (epochs weighted by how fast the learning rate lets the loss fall). */
  private progress = 0;
  private epochLoss: number[] = [];
  private best = Infinity;
  private bestEpoch: number | null = null;

  constructor(
    private readonly plan: DemoRunPlan,
    private readonly emit: (event: TrainerEvent) => void,
  ) {
    this.rnd = mulberry32(plan.settings.seed);
    this.bpe = Math.max(1, Math.ceil(sum(plan.data.counts.train) / plan.settings.batchSize));
    // About 4 seconds per simulated epoch, whatever its size.
    this.perTick = Math.max(1, Math.round(this.bpe / (4000 / plan.tickMs)));
    this.classification = plan.data.task === 'classification';
  }

  play(): void {
    const { runId, data } = this.plan;
    const report = { kind: data.kind, task: data.task, classNames: data.classNames, sampleShape: data.sampleShape, skipped: data.skipped };
    const counts = { train: sum(data.counts.train), validation: sum(data.counts.validation), test: sum(data.counts.test) };
    this.emit({ type: 'log', runId, level: 'info', message: 'Demo mode: this run is simulated in the page; connect the app to a backend to train for real.' });
    this.emit({
      type: 'started',
      runId,
      backend: {
        backend: 'wasm',
        device: 'cpu',
        notUsed: [
          { backend: 'tfjs-node-gpu', why: 'Demo mode: no trainer process is running, so no GPU is used (the numbers are simulated).' },
          { backend: 'tfjs-node', why: 'Demo mode: the native CPU backend needs the desktop app or `netwright serve`.' },
        ],
        threads: 4,
      },
      dataset: { ...report, counts },
      params: this.plan.params,
      batchesPerEpoch: this.bpe,
    });
    this.schedule();
  }

  control(command: 'pause' | 'resume' | 'stop'): void {
    if (this.done) return;
    const runId = this.plan.runId;
    if (command === 'pause' && !this.paused) {
      this.paused = true;
      this.clear();
      this.emit({ type: 'state', runId, state: 'paused' });
    } else if (command === 'resume' && this.paused) {
      this.paused = false;
      this.emit({ type: 'state', runId, state: 'running' });
      this.schedule();
    } else if (command === 'stop') {
      this.emit({ type: 'state', runId, state: 'stopping' });
      this.finish('stopped');
    }
  }

  private schedule(): void {
    this.clear();
    this.timer = setTimeout(() => this.tick(), this.plan.tickMs);
  }

  private clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * The simulated "true" training loss after `progress` units of learning: a fast first drop and
   * a slow tail. Progress grows faster with a larger learning rate, so a lower rate learns slower
   * (and a schedule's decay slows learning down, as it does for real).
   */
  private lossAt(progress: number): number {
    const floor = this.classification ? 0.025 : 0.6;
    const start = this.classification ? Math.log(Math.max(2, this.plan.data.classNames.length)) : 6;
    return floor + (start - floor) * (0.62 * Math.exp(-7 * progress) + 0.38 * Math.exp(-0.75 * progress));
  }

  /** Accuracy falls from the loss's distance to its floor: chance level at the start, about 99% at the floor. */
  private accuracyFor(loss: number): number {
    const classes = Math.max(2, this.plan.data.classNames.length);
    const start = Math.log(classes);
    const u = Math.min(1, Math.max(0, (loss - 0.025) / (start - 0.025)));
    return 0.99 - (0.99 - 1 / classes) * u ** 0.75;
  }

  private tick(): void {
    const { runId, settings, tickMs } = this.plan;
    const lr = scheduledRate(settings, this.epoch - 1);
    const step = Math.min(this.bpe, this.batch + this.perTick) - this.batch;
    this.batch += step;
    this.elapsed += tickMs / 1000;
    this.progress += (step / this.bpe) * Math.min(1.6, Math.max(0.2, Math.log10(lr * 1e4) * 0.55));
    const noise = 1 + (this.rnd() - 0.5) * 0.18;
    const loss = lr > 0.5 && this.batch > this.bpe * 0.05 ? Number.NaN : this.lossAt(this.progress) * noise;
    if (!Number.isFinite(loss)) {
      this.done = true;
      this.clear();
      this.emit({
        type: 'error',
        runId,
        code: 'NAN_LOSS',
        message: `The loss became NaN at epoch ${this.epoch}, batch ${this.batch} (learning rate ${lr}): the weights diverged.`,
        epoch: this.epoch,
        batch: this.batch,
      });
      return;
    }
    this.epochLoss.push(loss);
    const running = sum(this.epochLoss) / this.epochLoss.length;
    const samples = settings.batchSize * this.perTick;
    this.emit({
      type: 'batch',
      runId,
      epoch: this.epoch,
      batch: this.batch,
      batchesPerEpoch: this.bpe,
      loss: running,
      accuracy: this.classification ? this.accuracyFor(running) : null,
      samplesPerSecond: (samples / tickMs) * 1000 * (0.92 + this.rnd() * 0.16),
    });
    if (this.batch >= this.bpe) this.endEpoch(running, lr);
    if (!this.done && !this.paused) this.schedule();
  }

  private endEpoch(loss: number, lr: number): void {
    const { runId, settings } = this.plan;
    const overfit = 0.012 * Math.max(0, this.epoch - 3) ** 1.4;
    const valLoss = loss * (1.04 + (this.rnd() - 0.5) * 0.06) + overfit;
    const metrics: EpochMetrics = {
      epoch: this.epoch,
      loss,
      valLoss,
      accuracy: this.classification ? this.accuracyFor(loss) : null,
      valAccuracy: this.classification ? this.accuracyFor(valLoss) : null,
      mae: this.classification ? null : Math.sqrt(loss) * 0.8,
      valMae: this.classification ? null : Math.sqrt(valLoss) * 0.8,
      learningRate: lr,
    };
    this.history.push(metrics);
    const isBest = valLoss < this.best;
    if (isBest) {
      this.best = valLoss;
      this.bestEpoch = this.epoch;
    }
    const eta = (this.elapsed / this.epoch) * (settings.epochs - this.epoch);
    this.emit({
      type: 'epoch',
      runId,
      epochs: settings.epochs,
      metrics,
      samplesPerSecond: (sum(this.plan.data.counts.train) / this.elapsed) * this.epoch,
      elapsedSeconds: this.elapsed,
      etaSeconds: eta,
      numTensors: 24 + this.plan.layers * 6,
      memoryBytes: this.plan.params * 16 + settings.batchSize * 65_536,
      isBest,
    });
    const patience = settings.earlyStopping?.patience;
    if (patience !== undefined && this.bestEpoch !== null && this.epoch - this.bestEpoch >= patience) return this.finish('early-stopped');
    if (this.epoch >= settings.epochs) return this.finish('completed');
    this.epoch += 1;
    this.batch = 0;
    this.epochLoss = [];
  }

  private finish(reason: 'completed' | 'stopped' | 'early-stopped'): void {
    this.done = true;
    this.clear();
    const last = this.history[this.history.length - 1];
    const test = last ? { loss: last.valLoss ?? last.loss, accuracy: last.valAccuracy, mae: last.valMae } : null;
    this.emit({
      type: 'finished',
      runId: this.plan.runId,
      reason,
      history: [...this.history],
      bestEpoch: this.bestEpoch,
      test,
      seconds: this.elapsed,
      outDir: null,
    });
  }
}

/** The demo estimate: counts from the model summary, a time from a pretend 1.5 GMAC/s throughput. */
export function demoEstimate(settings: TrainSettings, data: DatasetInspection, params: number, macs: number, activationBytes: number): TrainingEstimate {
  const samples = sum(data.counts.train);
  const optimizerSlots = settings.optimizer === 'adam' ? 2 : settings.optimizer === 'sgd' && !settings.momentum ? 0 : 1;
  return {
    params,
    macsPerSample: macs,
    memoryBytes: params * 4 * (2 + optimizerSlots) + activationBytes * settings.batchSize * 2,
    batchesPerEpoch: Math.ceil(samples / settings.batchSize),
    samplesPerEpoch: samples,
    // Forward and backward pass ≈ 3× the forward multiply-adds.
    secondsPerEpoch: (samples * Math.max(1, macs) * 3) / 1.5e9,
    backend: 'wasm (demo estimate)',
  };
}
