/**
 * DEMO ONLY. Made-up dataset inspections for the in-memory host (demo mode and component
 * tests): MNIST with its real class counts, a demo image folder of coloured shapes with skipped
 * files and health warnings, and CSV tables read from the demo file system. No image is decoded;
 * a real backend answers `dataset:inspect` from the files themselves.
 */
import type { CallRequest, CallResult } from '../../src-shared/ipc/contract.js';
import type { DatasetInspection } from '../../src-shared/ipc/contract-training.js';
import { failure } from './call-failure.js';
import { mulberry32 } from '../../src-shared/training/random.js';
import { demoAugmented, demoThumbnail } from './demo-images.js';

export type InspectRequest = CallRequest<'dataset:inspect'>;
type Source = InspectRequest['source'];

/** Where the demo datasets live in the demo file system. */
export const demoDatasetPaths = (root: string) => ({
  folder: `${root}/datasets/shapes`,
  housing: `${root}/datasets/housing.csv`,
  iris: `${root}/datasets/iris.csv`,
});

/** Files for the demo file system: a class-per-folder image dataset (empty stand-ins) and two CSV tables. */
export function demoDatasetFiles(root: string): Record<string, string> {
  const paths = demoDatasetPaths(root);
  const files: Record<string, string> = {};
  for (const c of ['circle', 'square', 'triangle', 'star'])
    for (let i = 1; i <= 3; i++) files[`${paths.folder}/${c}/${c}_${String(i).padStart(3, '0')}.png`] = '';
  files[`${paths.folder}/README.txt`] = 'Demo dataset: one folder per class.';
  files[paths.housing] = ['rooms,age,distance,tax,price', '6.5,65,4.1,296,24.0', '6.4,78,4.9,242,21.6', '7.2,61,4.9,242,34.7'].join('\n');
  files[paths.iris] = ['sepal_length,sepal_width,petal_length,petal_width,species', '5.1,3.5,1.4,0.2,setosa', '7.0,3.2,4.7,1.4,versicolor', '6.3,3.3,6.0,2.5,virginica'].join('\n');
  return files;
}

const thumbs = (className: string, n = 8) => ({ className, images: Array.from({ length: n }, (_, i) => demoThumbnail(className, i)) });

/** MNIST as the trainer splits it: 60,000 training images (10% held out for validation) and the 10,000 test images. */
function mnist(): DatasetInspection {
  const train = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
  const test = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
  const classNames = train.map((_, i) => String(i));
  return {
    kind: 'mnist',
    task: 'classification',
    classNames,
    counts: { train: train.map((n) => n - Math.round(n / 10)), validation: train.map((n) => Math.round(n / 10)), test },
    sampleShape: [28, 28, 1],
    sourceSizes: [{ width: 28, height: 28, channels: 1, count: 70000 }],
    thumbnails: classNames.map((c) => thumbs(c)),
    skipped: [],
    health: [],
  };
}

function shapesFolder(root: string, sampleShape: number[] | undefined): DatasetInspection {
  const classNames = ['circle', 'square', 'star', 'triangle'];
  const all = [512, 498, 61, 505];
  const part = (n: number, f: number) => Math.round(n * f);
  return {
    kind: 'folder',
    task: 'classification',
    classNames,
    counts: { train: all.map((n) => n - 2 * part(n, 0.1)), validation: all.map((n) => part(n, 0.1)), test: all.map((n) => part(n, 0.1)) },
    sampleShape: sampleShape?.length === 3 ? sampleShape : [64, 64, 3],
    sourceSizes: [
      { width: 64, height: 64, channels: 3, count: 1514 },
      { width: 128, height: 96, channels: 3, count: 58 },
      { width: 64, height: 64, channels: 1, count: 4 },
    ],
    thumbnails: classNames.map((c) => thumbs(c)),
    skipped: [
      { path: `${root}/README.txt`, reason: 'not an image (.txt); only PNG, JPEG, GIF, BMP and WebP files are read' },
      { path: `${root}/square/square_077.png`, reason: 'could not be decoded: the file is truncated (PNG ends after 1,204 bytes)' },
      { path: `${root}/triangle/.DS_Store`, reason: 'hidden file' },
    ],
    health: [
      {
        kind: 'tiny-class',
        message: 'Class "star" has only 61 images, 8× fewer than the largest class.',
        action: 'Training weights each class by its frequency as is; accuracy on "star" will be shown per class so you can judge it.',
      },
      {
        kind: 'mixed-sizes',
        message: '58 images are 128×96 instead of 64×64.',
        action: 'They are resized to the Input layer’s height × width with the chosen resize mode (Images settings).',
      },
      {
        kind: 'mixed-channels',
        message: '4 images are grayscale in an RGB dataset.',
        action: 'Their gray channel is copied into R, G and B.',
      },
    ],
  };
}

function csv(text: string, source: Extract<Source, { kind: 'csv' }>): CallResult<'dataset:inspect'> {
  const rows = text.trim().split(/\r?\n/).map((line) => line.split(','));
  const header = rows[0] ?? [];
  const label = source.labelColumn ?? header[header.length - 1];
  const labelIndex = label === undefined ? -1 : header.indexOf(label);
  if (labelIndex < 0) return failure('BAD_REQUEST', `${source.path}: no column named "${label ?? ''}"`);
  const values = rows.slice(1).map((r) => r[labelIndex] ?? '');
  const numeric = values.every((v) => v !== '' && Number.isFinite(Number(v)));
  const task = source.task ?? (numeric ? 'regression' : 'classification');
  const features = header.filter((_, i) => i !== labelIndex);
  const classNames = task === 'regression' ? ['all'] : [...new Set(values)].sort();
  // The demo files are three rows long; pretend they are the full-size tables.
  const per = task === 'regression' ? [404] : classNames.map(() => 40);
  return {
    ok: true,
    value: {
      kind: 'csv',
      task,
      classNames,
      counts: { train: per, validation: per.map((n) => Math.round(n / 8)), test: per.map((n) => Math.round(n / 8)) },
      sampleShape: [features.length],
      sourceSizes: [],
      thumbnails: [],
      skipped: [],
      health: [],
      columns: { features, label: label ?? '' },
    },
  };
}

/** The demo answer to `dataset:inspect`. */
export function demoInspect(files: ReadonlyMap<string, string>, root: string, request: InspectRequest): CallResult<'dataset:inspect'> {
  const { source } = request;
  if (source.kind === 'mnist') return { ok: true, value: mnist() };
  if (source.kind === 'csv') {
    const text = files.get(source.path);
    return text === undefined ? failure('NOT_FOUND', `no such file: ${source.path}`) : csv(text, source);
  }
  const dir = source.path.replace(/\/+$/, '');
  const classes = new Set<string>();
  for (const path of files.keys()) {
    if (!path.startsWith(`${dir}/`)) continue;
    const rest = path.slice(dir.length + 1).split('/');
    if (rest.length > 1 && rest[0]) classes.add(rest[0]);
  }
  if (classes.size === 0) return failure('BAD_REQUEST', `${dir} has no class folders: put each class's images in a sub-folder named after the class`);
  if (dir === demoDatasetPaths(root).folder) return { ok: true, value: shapesFolder(dir, request.sampleShape) };
  const names = [...classes].sort();
  const base = shapesFolder(dir, request.sampleShape);
  return { ok: true, value: { ...base, classNames: names, counts: { train: names.map(() => 80), validation: names.map(() => 10), test: names.map(() => 10) }, thumbnails: names.map((c) => thumbs(c)), health: [], skipped: [] } };
}

/** The demo answer to `dataset:augmentPreview`: the first sample of the first class, augmented `count` times. */
export function demoAugmentPreview(request: CallRequest<'dataset:augmentPreview'>): CallResult<'dataset:augmentPreview'> {
  const className = request.source.kind === 'folder' ? 'star' : '5';
  const rnd = mulberry32(request.seed ?? 1);
  return {
    ok: true,
    value: {
      original: demoThumbnail(className, 0),
      images: Array.from({ length: request.count }, () => demoAugmented(className, request.augmentation, rnd)),
    },
  };
}
