/**
 * The learning-rate schedule: the kind, the fields that kind needs, and a small curve of the
 * rate per epoch (plateau reacts to the validation loss, so it is drawn flat with a note).
 */
import type { ReactElement } from 'react';
import type { LearningRateSchedule } from '../../src-shared/training/protocol.js';
import type { TrainingSettings } from '../../src-shared/graph/document.js';
import { scheduleCurve } from './schedule-math.js';
import { NumberSetting, SelectSetting } from './SettingFields.js';
import { HELP } from './training-help.js';

type Kind = LearningRateSchedule['kind'];

const KINDS: readonly { value: Kind; label: string }[] = [
  { value: 'constant', label: 'Constant' },
  { value: 'step', label: 'Step decay' },
  { value: 'exponential', label: 'Exponential decay' },
  { value: 'cosine', label: 'Cosine annealing' },
  { value: 'plateau', label: 'Reduce on plateau' },
];

/** Sensible starting values when the user switches to a kind. */
const DEFAULTS: Record<Kind, LearningRateSchedule> = {
  constant: { kind: 'constant' },
  step: { kind: 'step', everyEpochs: 10, factor: 0.5 },
  exponential: { kind: 'exponential', decay: 0.95 },
  cosine: { kind: 'cosine', minLearningRate: 0 },
  plateau: { kind: 'plateau', factor: 0.5, patience: 3 },
};

const FORMULA: Record<Kind, string> = {
  constant: 'lr stays the same every epoch.',
  step: 'lr · factor^⌊epoch / every⌋',
  exponential: 'lr · decay^epoch',
  cosine: 'lr_min + ½(lr − lr_min)(1 + cos(π·epoch / epochs))',
  plateau: 'lr · factor after “patience” epochs without a better validation loss',
};

export function ScheduleFields({ training, onChange }: { training: TrainingSettings; onChange(schedule: LearningRateSchedule | undefined): void }): ReactElement {
  const schedule = training.schedule ?? DEFAULTS.constant;
  const set = (patch: Partial<LearningRateSchedule>) => onChange({ ...schedule, ...patch } as LearningRateSchedule);
  return (
    <>
      <SelectSetting
        label="Schedule"
        value={schedule.kind}
        options={KINDS}
        onChange={(kind) => onChange(kind === 'constant' ? undefined : DEFAULTS[kind])}
        help={HELP.schedule}
      />
      {schedule.kind === 'step' && (
        <div className="field-pair">
          <NumberSetting label="Every (epochs)" integer min={1} value={schedule.everyEpochs} onCommit={(v) => set({ everyEpochs: v })} />
          <NumberSetting label="Factor" min={0} below={1} value={schedule.factor} onCommit={(v) => set({ factor: v })} />
        </div>
      )}
      {schedule.kind === 'exponential' && <NumberSetting label="Decay per epoch" min={0} max={1} value={schedule.decay} onCommit={(v) => set({ decay: v })} />}
      {schedule.kind === 'cosine' && (
        <NumberSetting label="Minimum learning rate" min={0} value={schedule.minLearningRate ?? 0} onCommit={(v) => set({ minLearningRate: v })} />
      )}
      {schedule.kind === 'plateau' && (
        <div className="field-pair">
          <NumberSetting label="Factor" min={0} below={1} value={schedule.factor} onCommit={(v) => set({ factor: v })} />
          <NumberSetting label="Patience (epochs)" integer min={1} value={schedule.patience} onCommit={(v) => set({ patience: v })} />
        </div>
      )}
      <ScheduleCurve training={training} kind={schedule.kind} />
    </>
  );
}

/** The rate per epoch as a small line, with the formula in words for screen readers and tooltips. */
function ScheduleCurve({ training, kind }: { training: TrainingSettings; kind: Kind }): ReactElement {
  const rates = scheduleCurve({ learningRate: training.learningRate, epochs: training.epochs, ...(training.schedule ? { schedule: training.schedule } : {}) });
  const max = Math.max(...rates, 1e-12);
  const w = 260;
  const h = 44;
  const points = rates.map((r, i) => `${rates.length === 1 ? w / 2 : (i / (rates.length - 1)) * w},${h - 4 - (r / max) * (h - 10)}`);
  const last = rates[rates.length - 1] ?? training.learningRate;
  return (
    <figure className="schedule-curve" aria-label={`Learning rate per epoch: ${FORMULA[kind]}`}>
      <svg viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="none" aria-hidden="true">
        <polyline points={`0,${h} ${points.join(' ')} ${w},${h}`} className="schedule-curve__fill" />
        <polyline points={points.join(' ')} className="schedule-curve__line" />
      </svg>
      <figcaption>
        <span className="mono">{FORMULA[kind]}</span>
        <span>
          {training.learningRate.toPrecision(2)} → {kind === 'plateau' ? 'depends on validation loss' : last.toPrecision(2)} over {training.epochs} epoch
          {training.epochs === 1 ? '' : 's'}
        </span>
      </figcaption>
    </figure>
  );
}
