/**
 * Pure edits of the document's dataset (`doc.dataset`) and of the Input layer it feeds. Each
 * returns the same document when nothing changes, so a click that changes nothing is no undo step.
 */
import type { DatasetSettings, ProjectDocument } from '../../src-shared/graph/document.js';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import type { AugmentationOptions, NormalizationKind, ResizeMode } from '../../src-shared/training/dataset-types.js';
import { setParam } from '../state/document-edits.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function setDataset(doc: ProjectDocument, dataset: DatasetSettings | null): ProjectDocument {
  return same(doc.dataset, dataset) ? doc : { ...doc, dataset };
}

export interface FolderPatch {
  resize?: ResizeMode;
  normalization?: NormalizationKind;
  augmentation?: AugmentationOptions | undefined;
}

/** Changes the image options of a folder dataset; other datasets have none and stay as they are. */
export function patchFolder(doc: ProjectDocument, patch: FolderPatch): ProjectDocument {
  if (doc.dataset?.kind !== 'folder') return doc;
  const next: Record<string, unknown> = { ...doc.dataset, ...patch };
  // Options that are off (0, false) are left out, and an augmentation with none on is no augmentation.
  const on = Object.entries((next.augmentation ?? {}) as AugmentationOptions).filter(([, v]) => v !== undefined && v !== false && v !== 0);
  if (on.length === 0) delete next.augmentation;
  else next.augmentation = Object.fromEntries(on);
  return setDataset(doc, next as DatasetSettings);
}

/** The per-sample shape the data has: the most common image size for folders (they are resized), else the sample shape. */
export function datasetInputShape(inspection: DatasetInspection): number[] {
  const common = inspection.kind === 'folder' ? inspection.sourceSizes[0] : undefined;
  return common ? [common.height, common.width, common.channels] : [...inspection.sampleShape];
}

/** The first Input layer, which the dataset feeds. */
export function inputNode(doc: ProjectDocument) {
  return doc.nodes.find((n) => n.type === 'Input');
}

/** The Input's declared shape as plain numbers, or undefined when a dimension is open (null). */
export function inputShape(doc: ProjectDocument): number[] | undefined {
  const shape = inputNode(doc)?.params.shape;
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number')) return undefined;
  return shape as number[];
}

/** "Use dataset shape": sets the Input's shape (and the data kind that rank means) in one edit. */
export function applyDatasetShape(doc: ProjectDocument, shape: readonly number[]): ProjectDocument {
  const input = inputNode(doc);
  if (!input) return doc;
  const kind = shape.length === 3 ? 'image' : shape.length === 2 ? 'sequence' : 'vector';
  const withKind = input.params.dataKind === kind ? doc : setParam(doc, input.id, 'dataKind', kind);
  return same(input.params.shape, shape) ? withKind : setParam(withKind, input.id, 'shape', [...shape]);
}
