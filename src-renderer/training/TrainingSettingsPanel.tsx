/**
 * The Train workspace's left panel: every training setting stored in `doc.training`, each a
 * recorded edit (undoable, saved with the project) with the guidance beside it. Settings are
 * sent when a run starts, so changing them during a run affects the next one, as the note says.
 */
import type { ReactElement } from 'react';
import type { TrainingSettings } from '../../src-shared/graph/document.js';
import { useEditor, useServices, useTraining } from '../app/editor-context.js';
import { isActive } from '../state/training-store.js';
import { ScheduleFields } from './ScheduleFields.js';
import { CheckSetting, Help, NumberSetting, SelectSetting, SettingSection } from './SettingFields.js';
import { patchTraining, type TrainingPatch } from './training-edits.js';
import { HELP } from './training-help.js';

const OPTIMIZERS: readonly { value: TrainingSettings['optimizer']; label: string }[] = [
  { value: 'adam', label: 'Adam' },
  { value: 'sgd', label: 'SGD' },
  { value: 'rmsprop', label: 'RMSprop' },
  { value: 'adagrad', label: 'Adagrad' },
];

export function TrainingSettingsPanel(): ReactElement {
  const { store } = useServices();
  const t = useEditor((s) => s.doc.training);
  const running = useTraining((s) => isActive(s.run?.status));
  const edit = (patch: TrainingPatch) => {
    const s = store.getState();
    s.apply(patchTraining(s.doc, patch));
  };
  const es = t.earlyStopping ?? null;

  return (
    <aside className="panel settings-panel" aria-label="Training settings">
      <div className="panel-header">
        <h2>Training settings</h2>
        <span className="panel-header__hint">saved with the project</span>
      </div>
      <div className="settings-panel__scroll">
        {running && <p className="settings-note">A run is in progress: changes apply to the next run.</p>}
        <SettingSection title="Optimizer">
          <SelectSetting label="Optimizer" value={t.optimizer} options={OPTIMIZERS} onChange={(optimizer) => edit({ optimizer })} help={HELP.optimizer} />
          {t.optimizer === 'sgd' && (
            <>
              <NumberSetting label="Momentum" min={0} below={1} value={t.momentum ?? 0} onCommit={(momentum) => edit({ momentum })} help={HELP.momentum} />
              <CheckSetting label="Nesterov momentum" checked={t.nesterov === true} onChange={(nesterov) => edit({ nesterov: nesterov || undefined })} help={HELP.nesterov} />
            </>
          )}
        </SettingSection>

        <SettingSection title="Learning rate">
          <NumberSetting label="Learning rate" min={1e-8} max={10} value={t.learningRate} onCommit={(learningRate) => edit({ learningRate })} help={HELP.learningRate} />
          <ScheduleFields training={t} onChange={(schedule) => edit({ schedule })} />
        </SettingSection>

        <SettingSection title="Batches and epochs">
          <div className="field-pair">
            <NumberSetting label="Batch size" integer min={1} max={65536} value={t.batchSize} onCommit={(batchSize) => edit({ batchSize })} />
            <NumberSetting label="Epochs" integer min={1} max={100000} value={t.epochs} onCommit={(epochs) => edit({ epochs })} />
          </div>
          <Help text={`${HELP.batchSize} ${HELP.epochs}`} block />
        </SettingSection>

        <SettingSection title="Regularization">
          <NumberSetting label="L2 weight decay" min={0} max={1} value={t.weightDecay ?? 0} onCommit={(v) => edit({ weightDecay: v > 0 ? v : undefined })} help={HELP.weightDecay} />
          <CheckSetting
            label="Early stopping"
            checked={es !== null}
            onChange={(on) => edit({ earlyStopping: on ? { patience: 5, restoreBest: true } : undefined })}
            help={HELP.earlyStopping}
          />
          {es && (
            <div className="settings-indent">
              <NumberSetting label="Patience (epochs)" integer min={1} value={es.patience} onCommit={(patience) => edit({ earlyStopping: { ...es, patience } })} />
              <CheckSetting label="Restore best weights" checked={es.restoreBest === true} onChange={(restoreBest) => edit({ earlyStopping: { ...es, restoreBest } })} help={HELP.restoreBest} />
            </div>
          )}
        </SettingSection>

        <SettingSection title="Validation">
          <SplitFields />
        </SettingSection>

        <SettingSection title="Reproducibility">
          <NumberSetting label="Seed" integer min={0} max={2 ** 31 - 1} value={t.seed} onCommit={(seed) => edit({ seed })} help={HELP.seed} />
        </SettingSection>
      </div>
    </aside>
  );
}

/** Validation and test fractions (also on the Data tab): the same two fields of `doc.training`. */
export function SplitFields(): ReactElement {
  const { store } = useServices();
  const t = useEditor((s) => s.doc.training);
  const edit = (patch: TrainingPatch) => {
    const s = store.getState();
    s.apply(patchTraining(s.doc, patch));
  };
  const test = t.testSplit ?? t.validationSplit;
  const train = Math.max(0, 1 - t.validationSplit - test);
  return (
    <>
      <div className="field-pair">
        <NumberSetting label="Validation fraction" min={0} below={0.9} value={t.validationSplit} onCommit={(validationSplit) => edit({ validationSplit })} />
        <NumberSetting label="Test fraction" min={0} below={0.9} value={test} onCommit={(testSplit) => edit({ testSplit })} />
      </div>
      <div className="split-bar" role="img" aria-label={`Split: ${pct(train)} train, ${pct(t.validationSplit)} validation, ${pct(test)} test`}>
        <span className="split-bar__train" style={{ flexGrow: train }}>
          {pct(train)} train
        </span>
        <span className="split-bar__val" style={{ flexGrow: t.validationSplit }}>
          {t.validationSplit >= 0.08 ? pct(t.validationSplit) : ''}
        </span>
        <span className="split-bar__test" style={{ flexGrow: test }}>
          {test >= 0.08 ? pct(test) : ''}
        </span>
      </div>
      <Help text={`${HELP.validationSplit} ${HELP.testSplit} Datasets with their own split (MNIST’s test set, train/ and test/ folders) keep it.`} block />
    </>
  );
}

const pct = (f: number) => `${Math.round(f * 100)}%`;
