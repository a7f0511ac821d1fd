/**
 * A realistic messy image folder: three colour-coded classes in mixed formats (including BMP and a
 * nested sub-folder), plus one corrupt PNG, one truncated JPEG, one zero-byte file, a text file, a
 * stray file at the root, an OS dot-file and a class folder with no images at all.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLASS_COLOURS, encodeBmp24, garbage, pattern, truncatedJpeg, writeImage, type Rgb } from './image-fixtures.js';

/** Images per class that decode. */
export const GOOD_PER_CLASS = 10;

/** Paths (relative to the root) of the files that must be reported as skipped, with a reason pattern. */
export const EXPECTED_SKIPS: Array<[string, RegExp]> = [
  ['README.md', /not inside a class folder/],
  ['cat/corrupt.png', /not a recognized image/],
  ['cat/notes.txt', /not an image file type \(\.txt\)/],
  ['dog/half.jpg', /truncated or corrupt image data/],
  ['empty/list.csv', /not an image file type \(\.csv\)/],
  ['fox/deeper/zero.png', /empty file \(0 bytes\)/],
];

/** Dims one channel colour by image number so statistics are not trivial. */
function shade([r, g, b]: Rgb, i: number): Rgb {
  const k = 0.5 + i / (2 * GOOD_PER_CLASS);
  return [Math.round(r * k), Math.round(g * k), Math.round(b * k)];
}

/** Writes the folder described above into `root`. */
export async function buildClassFolder(root: string): Promise<void> {
  const formats = ['png', 'jpeg', 'webp', 'gif', 'tiff'] as const;
  for (const [name, colour] of Object.entries(CLASS_COLOURS)) {
    for (let i = 0; i < GOOD_PER_CLASS; i++) {
      const rgb = pattern(12, 10, () => shade(colour, i));
      // Each class gets a nested folder; fox also gets BMPs, which sharp cannot read on its own.
      const sub = i >= 7 ? 'deeper' : '';
      if (name === 'fox' && i % 3 === 0) {
        await mkdir(path.join(root, name, sub), { recursive: true });
        await writeFile(path.join(root, name, sub, `img${i}.bmp`), encodeBmp24(12, 10, rgb));
      } else {
        const format = formats[i % formats.length]!;
        const ext = format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format;
        await writeImage(path.join(root, name, sub, `img${i}.${ext}`), 12, 10, rgb, format);
      }
    }
  }
  await writeFile(path.join(root, 'cat', 'corrupt.png'), garbage(3000));
  await writeFile(path.join(root, 'cat', 'notes.txt'), 'these are cats');
  await writeFile(path.join(root, 'cat', '.DS_Store'), garbage(100));
  await writeFile(path.join(root, 'dog', 'half.jpg'), await truncatedJpeg());
  await writeFile(path.join(root, 'fox', 'deeper', 'zero.png'), Buffer.alloc(0));
  await mkdir(path.join(root, 'empty'), { recursive: true });
  await writeFile(path.join(root, 'empty', 'list.csv'), 'a,b\n');
  await writeFile(path.join(root, 'README.md'), '# my dataset');
}

/** Writes `root/<split>/<class>/imgN.png` with `perClass[split]` images per class (classes a and b). */
export async function buildSplitFolder(root: string, perClass: Record<string, number>): Promise<void> {
  const colours: Record<string, Rgb> = { a: [200, 0, 0], b: [0, 0, 200] };
  for (const [split, n] of Object.entries(perClass)) {
    for (const [cls, colour] of Object.entries(colours)) {
      for (let i = 0; i < n; i++)
        await writeImage(
          path.join(root, split, cls, `img${i}.png`),
          6,
          6,
          pattern(6, 6, () => colour),
        );
    }
  }
}
