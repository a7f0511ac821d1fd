import { describe, expect, it } from 'vitest';
import { flattenSpec } from '../../../../src-shared/layers/defs/flatten.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';
import {
  expectMatchesTfjs,
  expectMatchesTfjsRun,
  expectRoundTrip,
  failureAll,
  formula,
  importError,
  NODE,
  resolveAll,
} from './core-helpers.js';
import type { Shape } from '../../../../src-shared/layers/types.js';

const CASES: [string, Shape][] = [
  ['conv feature maps', [26, 26, 32]],
  ['odd image', [5, 3, 7]],
  ['sequence', [10, 4]],
  ['single pixel', [1, 1, 1]],
];

describe('Flatten', () => {
  it.each(CASES)('matches tfjs: %s', async (_, input) => {
    await expectMatchesTfjs(flattenSpec, {}, [input]);
    await expectMatchesTfjsRun(flattenSpec, {}, [input]);
  });

  it('refuses a vector, which tfjs 4.22 cannot flatten, offering to remove the layer', async () => {
    const f = failureAll(flattenSpec, {}, [[784]], 'flat');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toBe('Flatten "flat" gets [784], which is already flat; remove it');
    expect(f.repair).toEqual({ kind: 'remove-node', label: 'Remove "flat"', nodeId: NODE });
    await expect(tfjsFactsForSpec(flattenSpec, {}, [[784]])).rejects.toThrow(/min_ndim=3/);
  });

  it('refuses unknown dims, as tfjs does', async () => {
    const f = failureAll(flattenSpec, {}, [[null, 4]], 'flat');
    expect(f.code).toBe('UNKNOWN_DIM');
    expect(f.message).toContain('Flatten "flat"');
    expect(f.message).toContain('[?, 4]');
    await expect(tfjsFactsForSpec(flattenSpec, {}, [[null, 4]])).rejects.toThrow(/not fully defined/);
  });

  it('round-trips through Keras', () => expectRoundTrip(flattenSpec, {}));

  it('imports Keras 2 and Keras 3 configs, refusing channels_first', () => {
    expect(
      flattenSpec.keras.fromKeras({
        class_name: 'Flatten',
        config: { name: 'flatten', trainable: true, dtype: 'float32', data_format: 'channels_last' },
      }),
    ).toEqual({ ok: true, params: {} });
    const dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    expect(
      flattenSpec.keras.fromKeras({
        class_name: 'Flatten',
        config: { name: 'flatten', trainable: true, dtype, data_format: 'channels_last' },
      }),
    ).toEqual({ ok: true, params: {} });
    expect(importError(flattenSpec, 'Flatten', { data_format: 'channels_first' })).toContain('channels_first');
  });

  it('explains the output length', () => {
    const ctx = resolveAll(flattenSpec, {}, [[26, 26, 32]]);
    expect(formula(flattenSpec, ctx, 'Output length').worked).toBe('26·26·32 = 21,632');
    expect(flattenSpec.macs(ctx)).toBe(0);
  });
});
