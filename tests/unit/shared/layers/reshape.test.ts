import { describe, expect, it } from 'vitest';
import { reshapeSpec } from '../../../../src-shared/layers/defs/reshape.js';
import { tfjsFactsForSpec, tfjsRunShape } from '../../../helpers/tfjs-reference.js';
import { expectMatchesTfjs, expectMatchesTfjsRun, expectRoundTrip, failureAll, formula, importError, resolveAll } from './core-helpers.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';

const KNOWN: [string, Params, Shape][] = [
  ['vector to image', { targetShape: [28, 28, 1] }, [784]],
  ['image to sequence', { targetShape: [12, 10] }, [4, 5, 6]],
  ['odd sizes', { targetShape: [7, 3] }, [21]],
  ['to a vector', { targetShape: [60] }, [3, 4, 5]],
];

const INFERRED: [string, Params, Shape][] = [
  ['-1 first', { targetShape: [-1, 4] }, [8]],
  ['-1 middle', { targetShape: [2, -1, 3] }, [6, 5]],
  ['-1 alone', { targetShape: [-1] }, [3, 3, 3]],
];

describe('Reshape', () => {
  it.each(KNOWN)('matches tfjs (symbolic and run): %s', async (_, params, input) => {
    await expectMatchesTfjs(reshapeSpec, params, [input]);
    await expectMatchesTfjsRun(reshapeSpec, params, [input]);
  });

  it.each(INFERRED)('resolves -1 as tfjs does when it runs: %s', async (_, params, input) => {
    await expectMatchesTfjsRun(reshapeSpec, params, [input]);
    // tfjs's symbolic shape leaves the -1 unknown; ours is the resolved value.
    const symbolic = await tfjsFactsForSpec(reshapeSpec, params, [input]);
    expect(symbolic.outputShape).toContain(null);
  });

  it('keeps -1 unknown for a variable-length input, like tfjs', async () => {
    await expectMatchesTfjs(reshapeSpec, { targetShape: [-1, 2] }, [[null, 4]]);
    expect(resolveAll(reshapeSpec, { targetShape: [-1, 2] }, [[null, 4]]).output).toEqual([null, 2]);
  });

  it('names both sizes when they differ (tfjs fails only when it runs)', async () => {
    const f = failureAll(reshapeSpec, { targetShape: [28, 27] }, [[784]], 'r1');
    expect(f.code).toBe('RESHAPE_SIZE');
    expect(f.message).toBe('Reshape "r1" gets [784] (784 values) but target [28, 27] holds 756');
    await expect(tfjsRunShape(reshapeSpec, { targetShape: [28, 27] }, [[784]])).rejects.toThrow(/Total size/);
  });

  it('refuses a -1 that cannot divide evenly, and two -1s', async () => {
    const f = failureAll(reshapeSpec, { targetShape: [5, -1] }, [[784]], 'r2');
    expect(f.code).toBe('RESHAPE_SIZE');
    expect(f.message).toBe('Reshape "r2" cannot fill -1 in [5, -1]: the input [784] has 784 values, which is not a multiple of 5');
    await expect(tfjsRunShape(reshapeSpec, { targetShape: [5, -1] }, [[784]])).rejects.toThrow();
    const two = failureAll(reshapeSpec, { targetShape: [-1, -1] }, [[784]], 'r3');
    expect(two.message).toBe('Reshape "r3" target [-1, -1] has 2 dimensions of -1; only one can be inferred');
  });

  it('warns when a fixed target meets a variable-length input', () => {
    const [w] = reshapeSpec.lint!(resolveAll(reshapeSpec, { targetShape: [8] }, [[null, 4]], 'r'));
    expect(w).toMatchObject({ code: 'UNKNOWN_DIM', severity: 'warning' });
    expect(w!.message).toContain('always holds 8 values');
    expect(reshapeSpec.lint!(resolveAll(reshapeSpec, { targetShape: [28, 28, 1] }, [[784]]))).toEqual([]);
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(reshapeSpec, {});
    expectRoundTrip(reshapeSpec, { targetShape: [-1, 4] });
  });

  it('imports Keras 2 and Keras 3 configs', () => {
    expect(
      reshapeSpec.keras.fromKeras({
        class_name: 'Reshape',
        config: { name: 'reshape', trainable: true, dtype: 'float32', target_shape: [28, 28, 1] },
      }),
    ).toEqual({
      ok: true,
      params: { targetShape: [28, 28, 1] },
    });
    const dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    expect(
      reshapeSpec.keras.fromKeras({ class_name: 'Reshape', config: { name: 'reshape', trainable: true, dtype, target_shape: [-1, 8] } }),
    ).toEqual({
      ok: true,
      params: { targetShape: [-1, 8] },
    });
    expect(importError(reshapeSpec, 'Reshape', { target_shape: [0, 4] })).toContain('[0,4]');
  });

  it('explains the size equation and the inferred dimension', () => {
    const ctx = resolveAll(reshapeSpec, { targetShape: [7, -1] }, [[784]]);
    expect(ctx.output).toEqual([7, 112]);
    expect(formula(reshapeSpec, ctx, 'Sizes agree').worked).toBe('784 = 784 = 7·112');
    expect(formula(reshapeSpec, ctx, 'Inferred dimension').worked).toBe('784 / 7 = 112');
  });
});
