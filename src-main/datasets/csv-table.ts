/**
 * Turns a CSV table (header row, numeric feature columns, one label column) into training arrays.
 * Errors name the spreadsheet row (header = row 1) and the column, so users can fix the file.
 */
import { readFile } from 'node:fs/promises';
import { DEFAULT_SPLIT_FRACTIONS, type SplitFractions, type TableDatasetInfo } from '../../src-shared/training/dataset-types.js';
import { ArraySplit } from './batch-source.js';
import { parseCsv } from './csv-parse.js';
import { DatasetError } from './dataset-error.js';
import { gatherRows, randomSplit, stratifiedSplit } from './split.js';

/** How to read the table. */
export interface CsvTableOptions {
  /** Label column by header name; default: the last column. */
  labelColumn?: string;
  /** Default 'classification'. */
  task?: 'classification' | 'regression';
  /** Default: detected from the header (comma, semicolon or tab). */
  delimiter?: string;
}

/** A parsed table: x is [rows, features]; y holds class indices or regression targets. */
export interface CsvTable {
  info: TableDatasetInfo;
  x: Float32Array;
  y: Int32Array | Float32Array;
}

// Plain decimal or scientific numbers only: Number() would also accept "", "0x1F" and "Infinity".
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads and parses a CSV file. */
export async function loadCsvFile(file: string, options: CsvTableOptions = {}): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new DatasetError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  }
  return parseCsvTable(text, options);
}

/** Parses CSV text into features and labels; throws DatasetError naming row and column on bad cells. */
export function parseCsvTable(text: string, options: CsvTableOptions = {}): CsvTable {
  if (text.trim() === '') throw new DatasetError('The CSV file is empty.');
  const [header, ...records] = parseCsv(text, options.delimiter);
  if (!header) throw new DatasetError('The CSV file is empty.');
  const names = header.cells;
  if (names.length < 2) throw new DatasetError('The CSV needs at least two columns (features and a label); check the delimiter.');
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new DatasetError(`Column name "${dup}" appears twice in the header.`);
  const labelIndex = options.labelColumn === undefined ? names.length - 1 : names.indexOf(options.labelColumn);
  if (labelIndex < 0) throw new DatasetError(`No column named "${options.labelColumn}"; the header has: ${names.join(', ')}.`);
  if (records.length === 0) throw new DatasetError('The CSV has a header but no data rows.');

  const task = options.task ?? 'classification';
  const featureNames = names.filter((_, i) => i !== labelIndex);
  const x = new Float32Array(records.length * featureNames.length);
  const rawLabels: string[] = [];
  const targets = new Float32Array(records.length);
  records.forEach(({ row, cells }, r) => {
    if (cells.length !== names.length) {
      throw new DatasetError(`Row ${row} has ${cells.length} cells but the header has ${names.length} columns.`);
    }
    let f = 0;
    cells.forEach((cell, c) => {
      if (c === labelIndex) {
        if (cell === '') throw new DatasetError(`Row ${row}, column "${names[c]}": the label is empty.`);
        if (task === 'regression') targets[r] = parseNumber(cell, row, names[c]!);
        else rawLabels.push(cell);
      } else {
        x[r * featureNames.length + f++] = parseNumber(cell, row, names[c]!);
      }
    });
  });

  let y: Int32Array | Float32Array = targets;
  let classNames: string[] = [];
  if (task === 'classification') {
    classNames = sortLabels([...new Set(rawLabels)]);
    const index = new Map(classNames.map((name, i) => [name, i]));
    y = Int32Array.from(rawLabels, (label) => index.get(label)!);
  }
  const info: TableDatasetInfo = { task, featureNames, labelName: names[labelIndex]!, classNames, rows: records.length };
  return { info, x, y };
}

function parseNumber(cell: string, row: number, column: string): number {
  if (cell === '') throw new DatasetError(`Row ${row}, column "${column}": the cell is empty; every feature needs a number.`);
  if (!NUMBER.test(cell)) throw new DatasetError(`Row ${row}, column "${column}": "${cell}" is not a number.`);
  return Number(cell);
}

/** Numeric labels sort by value ("2" before "10"); anything else by code point. */
function sortLabels(labels: string[]): string[] {
  if (labels.every((l) => NUMBER.test(l))) return labels.sort((a, b) => Number(a) - Number(b));
  return labels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Seeded split of a table: stratified for classification, random for regression. */
export function splitCsvTable(
  table: CsvTable,
  fractions: SplitFractions = DEFAULT_SPLIT_FRACTIONS,
  seed = 42,
): Record<'train' | 'validation' | 'test', ArraySplit> {
  const width = table.info.featureNames.length;
  const indices =
    table.info.task === 'classification'
      ? stratifiedSplit(table.y, table.info.classNames.length, fractions, seed)
      : randomSplit(table.info.rows, fractions, seed);
  const make = (name: 'train' | 'validation' | 'test'): ArraySplit =>
    new ArraySplit(name, gatherRows(table.x, width, indices[name]), gatherRows(table.y, 1, indices[name]), [width]);
  return { train: make('train'), validation: make('validation'), test: make('test') };
}
