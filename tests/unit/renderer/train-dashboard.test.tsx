// @vitest-environment jsdom
/**
 * The live dashboard fed through the memory host: the demo run does not play by itself
 * (autoplay off), so each test emits the TrainerEvents a real trainer would send.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import type { EpochMetrics, TrainerEvent } from '../../../src-shared/training/protocol.js';
import { renderApp } from './render-app.js';

afterEach(cleanup);

async function startRun() {
  const r = await renderApp({ host: { training: { autoplay: false } } });
  await r.user.click(screen.getByRole('tab', { name: /Train/ }));
  await r.user.click(await screen.findByRole('button', { name: 'Start training' }));
  await waitFor(() => expect(r.training.getState().run?.id).toBeTruthy());
  const runId = r.training.getState().run!.id!;
  const emit = (event: TrainerEvent) => act(() => r.host.emit('training:event', event));
  const started: TrainerEvent = {
    type: 'started',
    runId,
    backend: {
      backend: 'wasm',
      device: 'cpu',
      notUsed: [
        { backend: 'tfjs-node-gpu', why: 'no CUDA driver found (libcudart.so.11 is missing)' },
        { backend: 'tfjs-node', why: 'the native addon is not built for this Electron' },
      ],
      threads: 4,
    },
    dataset: { kind: 'mnist', task: 'classification', classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], sampleShape: [28, 28, 1], counts: { train: 54000, validation: 6000, test: 10000 }, skipped: [] },
    params: 101770,
    batchesPerEpoch: 844,
  };
  return { ...r, runId, emit, started };
}

const metrics = (epoch: number, loss: number, acc: number): EpochMetrics => ({
  epoch,
  loss,
  valLoss: loss + 0.02,
  accuracy: acc,
  valAccuracy: acc - 0.01,
  mae: null,
  valMae: null,
  learningRate: 0.003,
});

describe('Training dashboard', () => {
  it('shows epoch metrics, progress and the backend badge with why faster backends are not used', async () => {
    const { runId, emit, started, user, host } = await startRun();
    expect(host.calls.find((c) => c.name === 'training:start')?.request).toMatchObject({ projectPath: null, settings: { optimizer: 'adam', batchSize: 64, epochs: 3, split: { validation: 0.1, test: 0.1 } } });
    await emit(started);
    for (let b = 1; b <= 40; b++) await emit({ type: 'batch', runId, epoch: 1, batch: b * 21, batchesPerEpoch: 844, loss: 2 - b / 40, accuracy: 0.2 + b / 100, samplesPerSecond: 12000 });
    await emit({ type: 'epoch', runId, epochs: 3, metrics: metrics(1, 0.3125, 0.9131), samplesPerSecond: 12345, elapsedSeconds: 4.4, etaSeconds: 8.8, numTensors: 48, memoryBytes: 5.5 * 1024 * 1024, isBest: true });

    const cards = await screen.findByLabelText('Run metrics');
    await waitFor(() => expect(cards.textContent).toContain('0.3125'));
    expect(cards.textContent).toContain('1 / 3');
    expect(cards.textContent).toContain('91.31%');
    expect(cards.textContent).toContain('val 90.31%');
    expect(cards.textContent).toContain('12,345');
    expect(cards.textContent).toContain('5.50 MB');
    expect(cards.textContent).toContain('48 tensors');
    expect(screen.getByRole('progressbar', { name: 'Training progress' }).getAttribute('aria-valuenow')).toBe('33');

    const badge = screen.getByRole('button', { name: /^Backend: WebAssembly \(CPU, 4 threads\)/ });
    expect(badge.getAttribute('title')).toContain('no CUDA driver found');
    await user.click(badge);
    const details = screen.getByRole('region', { name: 'Backend details' });
    expect(details.textContent).toContain('GPU (CUDA) not used: no CUDA driver found (libcudart.so.11 is missing)');
    expect(details.textContent).toContain('CPU native not used: the native addon is not built for this Electron');
  });

  it('Pause, Resume and Stop call training:control; the finished run is saved into the project', async () => {
    const { runId, emit, started, user, host, store } = await startRun();
    await emit(started);
    const controls = () => host.calls.filter((c) => c.name === 'training:control').map((c) => c.request);
    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(controls()).toEqual([{ runId, command: 'pause' }]);
    // The demo host answers as a trainer does: a state event.
    await user.click(await screen.findByRole('button', { name: 'Resume' }));
    expect(controls()[1]).toEqual({ runId, command: 'resume' });
    await user.click(await screen.findByRole('button', { name: 'Stop' }));
    expect(controls()[2]).toEqual({ runId, command: 'stop' });
    // The demo trainer ends the run with a 'finished' event, as a real one does.
    await waitFor(() => expect(store.getState().doc.runs).toHaveLength(1));
    expect(store.getState().doc.runs[0]).toMatchObject({ id: runId, status: 'stopped', backend: 'wasm', runDir: expect.stringContaining(runId) });
    expect(await screen.findByText('Stopped')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Train again' })).toBeTruthy();
  });

  it('explains a NaN loss with what to do, keeps the run and offers a lower learning rate', async () => {
    const { runId, emit, started, user, store } = await startRun();
    await emit(started);
    await emit({ type: 'epoch', runId, epochs: 3, metrics: metrics(1, 0.5, 0.85), samplesPerSecond: 1000, elapsedSeconds: 2, etaSeconds: 4, numTensors: 40, memoryBytes: 1e6, isBest: true });
    await emit({ type: 'error', runId, code: 'NAN_LOSS', message: 'The loss became NaN at epoch 2, batch 17 (learning rate 0.003).', epoch: 2, batch: 17 });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('The loss became NaN: training diverged (epoch 2, batch 17)');
    expect(alert.textContent).toContain('Lower the learning rate (try 0.0003');
    expect(alert.textContent).toContain('The 1 finished epoch and your project are kept');
    await waitFor(() => expect(store.getState().doc.runs[0]).toMatchObject({ id: runId, status: 'failed', error: expect.stringContaining('NaN') }));
    await user.click(within(alert).getByRole('button', { name: 'Use learning rate 0.0003' }));
    expect(store.getState().doc.training.learningRate).toBe(0.0003);
    // The dashboard is still there: charts and the way to try again.
    expect(screen.getByRole('button', { name: 'Train again' })).toBeTruthy();
    expect(screen.getByRole('figure', { name: 'Loss' })).toBeTruthy();
  });

  it('refuses to start a model with errors and says where to fix it', async () => {
    const r = await renderApp({ host: { training: { autoplay: false } } });
    const s = r.store.getState();
    s.apply({ ...s.doc, edges: s.doc.edges.slice(1) });
    await r.user.click(screen.getByRole('tab', { name: /Train/ }));
    const start = await screen.findByRole('button', { name: 'Start training' });
    expect((start as HTMLButtonElement).disabled).toBe(true);
    expect(start.getAttribute('title')).toMatch(/The model has \d+ errors?: fix/);
    expect(r.host.calls.some((c) => c.name === 'training:start')).toBe(false);
  });

  it('measures an estimate before a run', async () => {
    const r = await renderApp({ host: { training: { autoplay: false } } });
    await r.user.click(screen.getByRole('tab', { name: /Train/ }));
    await r.user.click(await screen.findByRole('button', { name: 'Estimate' }));
    const card = screen.getByRole('region', { name: 'Estimate' });
    await waitFor(() => expect(card.textContent).toContain('101,770'));
    expect(card.textContent).toMatch(/Memory per batch/);
    expect(r.host.calls.find((c) => c.name === 'training:estimate')?.request).toMatchObject({ settings: { batchSize: 64 } });
  });
});
