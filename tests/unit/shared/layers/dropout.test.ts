import { describe, expect, it } from 'vitest';
import { dropoutSpec } from '../../../../src-shared/layers/defs/dropout.js';
import { expectMatchesTfjs, expectRoundTrip, failureAll, formula, importError, NODE, resolveAll } from './core-helpers.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';

const CASES: [string, Params, Shape][] = [
  ['vector', { rate: 0.5 }, [128]],
  ['image', { rate: 0.25 }, [13, 13, 32]],
  ['variable-length sequence', { rate: 0.1 }, [null, 16]],
  ['rate 0', { rate: 0 }, [3]],
  ['rate close to 1', { rate: 0.95 }, [7, 5]],
];

describe('Dropout', () => {
  it.each(CASES)('matches tfjs: %s', async (_, params, input) => {
    await expectMatchesTfjs(dropoutSpec, params, [input]);
  });

  it('refuses rate 1, which would drop everything', () => {
    const f = failureAll(dropoutSpec, { rate: 1 }, [[10]], 'drop1');
    expect(f.code).toBe('PARAM_INVALID');
    expect(f.message).toBe('Dropout "drop1" has rate 1, which would drop every value; use a rate below 1');
    expect(f.repair).toEqual({ kind: 'set-param', label: 'Set rate to 0.5', nodeId: NODE, param: 'rate', value: 0.5 });
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(dropoutSpec, {});
    expectRoundTrip(dropoutSpec, { rate: 0.2 });
  });

  it('imports Keras 2 and Keras 3 configs', () => {
    expect(
      dropoutSpec.keras.fromKeras({
        class_name: 'Dropout',
        config: { name: 'd', trainable: true, dtype: 'float32', rate: 0.3, noise_shape: null, seed: null },
      }),
    ).toEqual({
      ok: true,
      params: { rate: 0.3 },
    });
    const dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    expect(
      dropoutSpec.keras.fromKeras({
        class_name: 'Dropout',
        config: { name: 'd', trainable: true, dtype, rate: 0.4, seed: 1337, noise_shape: null },
      }),
    ).toEqual({
      ok: true,
      params: { rate: 0.4 },
    });
  });

  it('refuses a noise_shape (it changes which values drop together)', () => {
    expect(importError(dropoutSpec, 'Dropout', { rate: 0.5, noise_shape: [null, 1, 64] })).toBe(
      'Dropout: option noise_shape=[null,1,64] is not supported',
    );
    expect(importError(dropoutSpec, 'Dropout', { rate: 1.5 })).toContain('rate 1.5');
  });

  it('explains inverted dropout with the scale 1/(1−p)', () => {
    const ctx = resolveAll(dropoutSpec, { rate: 0.2 }, [[128]], 'drop');
    expect(formula(dropoutSpec, ctx, 'Training').worked).toBe('scale = 1/(1 − 0.2) = 1.25');
    expect(formula(dropoutSpec, ctx, 'Values kept on average').worked).toBe('(1 − 0.2)·128 = 102.4');
    expect(dropoutSpec.explain(ctx).summary).toContain('inverted dropout');
    expect(dropoutSpec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
  });
});
