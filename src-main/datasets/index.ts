/**
 * The dataset layer used by the trainer process: built-in MNIST, image folders (cached, packed,
 * batch-readable), CSV tables, seeded splits and augmentation. Import from here, not the files.
 */
export { applyAugmentation, augmentImage, sampleAugmentParams, type AugmentParams } from './augment.js';
export { ArraySplit, type BatchSource } from './batch-source.js';
export { defaultCacheDir } from './cache-dir.js';
export { loadCsvFile, parseCsvTable, splitCsvTable, type CsvTable, type CsvTableOptions } from './csv-table.js';
export { DatasetError } from './dataset-error.js';
export { decodeImageFile, type DecodeResult } from './decode-image.js';
export { importImageFolder, type ImageFolderDataset, type ImageFolderOptions } from './import-image-folder.js';
export { loadMnist, splitArrayDataset, type ArrayDataset, type ArraySplits } from './mnist.js';
export { PackedSplit, type ReadStats } from './packed-split.js';
export { IMAGE_EXTENSIONS } from './scan-image-folder.js';
export { randomSplit, stratifiedSplit, type SplitIndices } from './split.js';
