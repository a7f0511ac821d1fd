import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src-main/datasets/csv-parse.js';
import { loadCsvFile, parseCsvTable, splitCsvTable } from '../../../../src-main/datasets/csv-table.js';

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, delimiters and line breaks inside quotes, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n1,2,3';
    const records = parseCsv(text);
    expect(records.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '2', '3'],
    ]);
    // The blank line still counts as a spreadsheet row; the quoted line break does not.
    expect(records.map((r) => r.row)).toEqual([1, 2, 4]);
  });

  it('detects semicolon and tab delimiters', () => {
    expect(parseCsv('a;b\n1;2')[1]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2')[1]!.cells).toEqual(['1', '2']);
  });

  it('reports an unclosed quote with its row', () => {
    expect(() => parseCsv('a,b\n1,2\n"3,4')).toThrow(/Row 3: a quoted field is never closed/);
  });
});

describe('parseCsvTable', () => {
  const iris = 'sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n4.9,1.4,setosa\n';

  it('reads features and maps class labels to sorted indices', () => {
    const t = parseCsvTable(iris);
    expect(t.info).toEqual({
      task: 'classification',
      featureNames: ['sepal', 'petal'],
      labelName: 'species',
      classNames: ['setosa', 'versicolor', 'virginica'],
      rows: 4,
    });
    expect(Array.from(t.x)).toEqual(Array.from(Float32Array.from([5.1, 1.4, 7.0, 4.7, 6.3, 6.0, 4.9, 1.4])));
    expect(Array.from(t.y)).toEqual([0, 1, 2, 0]);
  });

  it('takes the label column by name and sorts numeric classes by value', () => {
    const t = parseCsvTable('label,a,b\n10,1,2\n2,3,4\n1,5,6', { labelColumn: 'label' });
    expect(t.info.featureNames).toEqual(['a', 'b']);
    expect(t.info.classNames).toEqual(['1', '2', '10']);
    expect(Array.from(t.y)).toEqual([2, 1, 0]);
    expect(Array.from(t.x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads regression targets as numbers', () => {
    const t = parseCsvTable('x,y\n1,2.5\n2,-1e-2', { task: 'regression' });
    expect(t.y).toBeInstanceOf(Float32Array);
    expect(Array.from(t.y)).toEqual([2.5, Math.fround(-0.01)]);
    expect(t.info.classNames).toEqual([]);
  });

  it('names the spreadsheet row and column of a non-numeric cell', () => {
    expect(() => parseCsvTable('a,b,label\n1,2,x\n3,abc,y')).toThrow('Row 3, column "b": "abc" is not a number.');
    expect(() => parseCsvTable('a,b,label\n1,,x')).toThrow(/Row 2, column "b": the cell is empty/);
    expect(() => parseCsvTable('a,t\n1,2\n2,high', { task: 'regression' })).toThrow('Row 3, column "t": "high" is not a number.');
    expect(() => parseCsvTable('a,b\n0x10,1')).toThrow(/Row 2, column "a"/);
  });

  it('reports ragged rows, empty files and bad label columns', () => {
    expect(() => parseCsvTable('a,b,label\n1,2,x\n3,4')).toThrow('Row 3 has 2 cells but the header has 3 columns.');
    expect(() => parseCsvTable('')).toThrow('The CSV file is empty.');
    expect(() => parseCsvTable('  \n\n')).toThrow('The CSV file is empty.');
    expect(() => parseCsvTable('a,b\n')).toThrow('header but no data rows');
    expect(() => parseCsvTable('a,b\n1,2', { labelColumn: 'nope' })).toThrow(/No column named "nope"/);
    expect(() => parseCsvTable('a,a\n1,2')).toThrow(/appears twice/);
  });

  it('loads from a file and splits stratified', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'netwright-csv-'));
    try {
      const rows = Array.from({ length: 100 }, (_, i) => `${i},${i * 2},${i % 4 === 0 ? 'rare' : 'common'}`);
      await writeFile(path.join(dir, 't.csv'), `f1,f2,kind\n${rows.join('\n')}\n`);
      const table = await loadCsvFile(path.join(dir, 't.csv'));
      const s = splitCsvTable(table, { validation: 0.2, test: 0.2 }, 1);
      expect([s.train.count, s.validation.count, s.test.count]).toEqual([60, 20, 20]);
      expect(Array.from(s.test.y).filter((l) => l === table.info.classNames.indexOf('rare')).length).toBe(5);
      expect(s.train.sampleShape).toEqual([2]);
      await expect(loadCsvFile(path.join(dir, 'missing.csv'))).rejects.toThrow(/cannot read the file \(ENOENT\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
