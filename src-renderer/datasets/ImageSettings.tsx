/**
 * Image options of a folder dataset: how images are fitted to the Input size, how pixels are
 * normalized, and the augmentation applied to training batches, with its live preview. Each is
 * stored in `doc.dataset` (the trainer reads it from there); a slider drag is one undo step.
 */
import type { ReactElement } from 'react';
import type { DatasetSettings } from '../../src-shared/graph/document.js';
import type { AugmentationOptions, NormalizationKind, ResizeMode } from '../../src-shared/training/dataset-types.js';
import { useEditor, useServices } from '../app/editor-context.js';
import { CheckSetting, Help, SelectSetting, SettingSection, SliderSetting } from '../training/SettingFields.js';
import { HELP } from '../training/training-help.js';
import { AugmentPreview } from './AugmentPreview.js';
import { patchFolder, type FolderPatch } from './dataset-edits.js';

type Folder = Extract<DatasetSettings, { kind: 'folder' }>;

const RESIZE: readonly { value: ResizeMode; label: string }[] = [
  { value: 'stretch', label: 'Stretch to fit' },
  { value: 'crop', label: 'Crop the centre' },
  { value: 'pad', label: 'Pad with black' },
];

const NORMALIZE: readonly { value: NormalizationKind; label: string }[] = [
  { value: 'unit', label: 'Scale to 0–1' },
  { value: 'standardize', label: 'Standardize (mean 0, std 1)' },
];

const pct = (v: number) => `${Math.round(v * 100)}%`;

export function ImageSettings(): ReactElement {
  const { store } = useServices();
  const dataset = useEditor((s) => s.doc.dataset);
  if (dataset?.kind !== 'folder') {
    return (
      <SettingSection title="Augmentation">
        <p className="field__help field__help--block">
          {dataset?.kind === 'mnist'
            ? 'MNIST is used as published: pixels scaled to 0–1, no augmentation. Augmentation applies to image-folder datasets.'
            : 'Augmentation applies to image-folder datasets.'}
        </p>
      </SettingSection>
    );
  }
  const edit = (patch: FolderPatch) => {
    const s = store.getState();
    s.apply(patchFolder(s.doc, patch));
  };
  return <FolderImageSettings dataset={dataset} edit={edit} />;
}

function FolderImageSettings({ dataset, edit }: { dataset: Folder; edit(patch: FolderPatch): void }): ReactElement {
  const { store } = useServices();
  const aug: AugmentationOptions = dataset.augmentation ?? {};
  const setAug = (patch: AugmentationOptions) => edit({ augmentation: { ...aug, ...patch } });
  const gesture = { onGestureStart: () => store.getState().beginGesture(), onGestureEnd: () => store.getState().commitGesture() };
  return (
    <>
      <SettingSection title="Images">
        <SelectSetting label="Resize" value={dataset.resize ?? 'stretch'} options={RESIZE} onChange={(resize) => edit({ resize })} help={HELP.resize} />
        <SelectSetting label="Normalization" value={dataset.normalization ?? 'unit'} options={NORMALIZE} onChange={(normalization) => edit({ normalization })} help={HELP.normalize} />
      </SettingSection>
      <SettingSection title="Augmentation">
        <Help text={HELP.augmentation} block />
        <CheckSetting label="Flip left–right" checked={aug.flipHorizontal === true} onChange={(flipHorizontal) => setAug({ flipHorizontal })} />
        <SliderSetting label="Rotation" min={0} max={45} step={1} value={aug.rotationDeg ?? 0} format={(v) => (v === 0 ? 'off' : `± ${v}°`)} onChange={(rotationDeg) => setAug({ rotationDeg })} {...gesture} />
        <SliderSetting label="Shift" min={0} max={0.3} step={0.01} value={aug.shift ?? 0} format={(v) => (v === 0 ? 'off' : `± ${pct(v)}`)} onChange={(shift) => setAug({ shift })} {...gesture} />
        <SliderSetting label="Zoom" min={0} max={0.5} step={0.01} value={aug.zoom ?? 0} format={(v) => (v === 0 ? 'off' : `± ${pct(v)}`)} onChange={(zoom) => setAug({ zoom })} {...gesture} />
        <SliderSetting label="Brightness" min={0} max={0.5} step={0.01} value={aug.brightness ?? 0} format={(v) => (v === 0 ? 'off' : `± ${v.toFixed(2)}`)} onChange={(brightness) => setAug({ brightness })} {...gesture} />
        <AugmentPreview augmentation={aug} />
      </SettingSection>
    </>
  );
}
