import { describe, expect, it } from 'vitest';
import { upSampling2dSpec as spec } from '../../../../src-shared/layers/defs/up-sampling2d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 14×14×8', {}, [14, 14, 8]],
  ['2×3 bilinear on odd 5×7', { size: [2, 3], interpolation: 'bilinear' }, [5, 7, 3]],
  ['unknown height', { size: [3, 1] }, [null, 5, 3]],
  ['1×1 to 4×4', { size: [4, 4] }, [1, 1, 1]],
];

describe('UpSampling2D', () => {
  it.each(cases)('matches tfjs 4.22: %s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });

  it('multiplies H and W and has no weights', () => {
    const ctx = resolve(spec, { size: [2, 3] }, [5, 7, 3]);
    expect(ctx.output).toEqual([10, 21, 3]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(spec.macs(ctx)).toBe(0);
  });

  it('refuses a flat input', () => {
    expect(failure(spec, {}, [64], 'up').message).toBe('UpSampling2D "up" needs a 3-D input H×W×C but gets [64]');
  });

  it('always writes size as a list (tfjs 4.22 loses the output size for an int)', () => {
    expect(spec.keras.toKeras(resolve(spec, {}, [2, 2, 1]).params, { inputShapes: [] }).config.size).toEqual([2, 2]);
  });

  it('round-trips and reads Keras 2 / Keras 3 configs', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { size: [3, 2], interpolation: 'bilinear' });
    expect(
      spec.keras.fromKeras({
        class_name: 'UpSampling2D',
        config: { name: 'u', trainable: true, dtype: 'float32', size: [2, 2], data_format: 'channels_last', interpolation: 'nearest' },
      }),
    ).toEqual({
      ok: true,
      params: { size: [2, 2], interpolation: 'nearest' },
    });
    expect(
      spec.keras.fromKeras({
        class_name: 'UpSampling2D',
        config: {
          name: 'u',
          dtype: { class_name: 'DTypePolicy', config: { name: 'float32' } },
          size: 3,
          data_format: 'channels_last',
          interpolation: 'bilinear',
        },
      }),
    ).toEqual({
      ok: true,
      params: { size: [3, 3], interpolation: 'bilinear' },
    });
    expect(spec.keras.fromKeras({ class_name: 'UpSampling2D', config: { size: [2, 2], interpolation: 'bicubic' } })).toEqual({
      ok: false,
      error: expect.stringContaining('"bicubic"'),
    });
  });

  it('explains with the real numbers', () => {
    const e = spec.explain(resolve(spec, { size: [2, 3] }, [14, null, 8], 'up'));
    expect(e.summary).toContain('"up"');
    expect(e.formulas.map((f) => f.worked).slice(0, 2)).toEqual(['14·2 = 28', "W is unknown, so W' is unknown"]);
  });
});
