/**
 * What to tell the user when a run fails, by the trainer's error code: a plain title and what
 * to do next. The run so far and the project are always kept; the advice says so.
 */
import type { RunError } from '../state/training-store.js';

export interface Advice {
  title: string;
  steps: string[];
}

export function adviceFor(error: RunError, learningRate: number): Advice {
  switch (error.code) {
    case 'NAN_LOSS':
      return {
        title: 'The loss became NaN: training diverged',
        steps: [
          `Lower the learning rate (try ${Number((learningRate / 10).toPrecision(2))}, a tenth of ${learningRate}).`,
          'Check that inputs are normalized (Data tab): large raw values make huge gradients.',
          'Add BatchNormalization after wide layers, or use a learning-rate schedule that starts lower.',
        ],
      };
    case 'DATA':
      return { title: 'The data could not be loaded', steps: ['Open the Data tab: the import report lists the files that could not be read and why.', 'Check that the Input shape fits the data (“Use dataset shape”).'] };
    case 'MODEL':
      return { title: 'The model could not be built', steps: ['Open the Design tab and fix the problems listed there; the message below names the layer.'] };
    case 'OUT_OF_MEMORY':
      return { title: 'Out of memory', steps: ['Halve the batch size, or make the model smaller (fewer filters or units, a smaller input).', 'The estimate card shows the memory a batch needs before you start.'] };
    case 'BACKEND':
      return { title: 'The compute backend failed', steps: ['Start again; the app falls back to a slower backend if the fast one is broken.', 'If it repeats, run `netwright doctor` to check the installed backends.'] };
    case 'CRASHED':
      return { title: 'The trainer process crashed', steps: ['Start again. If it repeats, try a smaller batch size.', 'Run `netwright doctor` to check the installation.'] };
    case 'START':
      return { title: 'Training could not start', steps: [] };
    default:
      return { title: 'Training stopped with an internal error', steps: ['Start again. If it repeats, please report the message below.'] };
  }
}
