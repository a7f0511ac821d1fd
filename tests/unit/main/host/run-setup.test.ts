import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING } from '../../../../src-shared/graph/document.js';
import { dataSourceFromArgument, resolveDataSource, trainSettingsFromProject } from '../../../../src-main/training/host/run-setup.js';
import { TEMPLATES_DIR } from '../../../../src-main/projects/load-model-file.js';

describe('trainSettingsFromProject', () => {
  it('maps validationSplit to validation and test fractions and passes optional settings through', () => {
    const s = trainSettingsFromProject({ ...DEFAULT_TRAINING, validationSplit: 0.2, momentum: 0.9, earlyStopping: { patience: 2 } });
    expect(s).toEqual({
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 64,
      epochs: 3,
      seed: 42,
      split: { validation: 0.2, test: 0.2 },
      momentum: 0.9,
      earlyStopping: { patience: 2 },
    });
  });

  it('holds out testSplit for test when the project sets one', () => {
    expect(trainSettingsFromProject({ ...DEFAULT_TRAINING, validationSplit: 0.2, testSplit: 0.05 }).split).toEqual({ validation: 0.2, test: 0.05 });
  });
});

describe('resolveDataSource', () => {
  it("resolves the regression template's relative CSV path against the template folder", async () => {
    const src = await resolveDataSource(
      { kind: 'csv', path: '../datasets/synthetic-regression.csv', labelColumn: 'y', task: 'regression' },
      TEMPLATES_DIR,
    );
    expect(src).toEqual({
      kind: 'csv',
      path: path.resolve(TEMPLATES_DIR, '../datasets/synthetic-regression.csv'),
      labelColumn: 'y',
      task: 'regression',
    });
  });

  it('says what is missing or of the wrong kind', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'netwright-setup-'));
    await writeFile(path.join(dir, 'a.csv'), 'x,y\n1,2\n');
    await mkdir(path.join(dir, 'images'));
    await expect(resolveDataSource({ kind: 'folder', path: 'nope' }, dir)).rejects.toThrow(
      `the data folder ${path.join(dir, 'nope')} does not exist`,
    );
    await expect(resolveDataSource({ kind: 'folder', path: 'a.csv' }, dir)).rejects.toThrow(/is not a folder/);
    await expect(resolveDataSource({ kind: 'csv', path: 'images' }, dir)).rejects.toThrow(/is not a file/);
    expect(await resolveDataSource({ kind: 'folder', path: 'images' }, dir)).toEqual({ kind: 'folder', path: path.join(dir, 'images') });
  });
});

describe('dataSourceFromArgument', () => {
  it('reads mnist, CSV files (keeping the project CSV label column) and folders', () => {
    expect(dataSourceFromArgument('MNIST', null)).toEqual({ kind: 'mnist' });
    expect(dataSourceFromArgument('d/x.csv', { kind: 'csv', path: 'o.csv', labelColumn: 'y', task: 'regression' })).toEqual({
      kind: 'csv',
      path: 'd/x.csv',
      labelColumn: 'y',
      task: 'regression',
    });
    expect(dataSourceFromArgument('d/x.csv', { kind: 'mnist' })).toEqual({ kind: 'csv', path: 'd/x.csv' });
    expect(dataSourceFromArgument('photos', null)).toEqual({ kind: 'folder', path: 'photos' });
  });
});
