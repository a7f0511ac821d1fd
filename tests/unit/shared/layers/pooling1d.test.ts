import { describe, expect, it } from 'vitest';
import { averagePooling1dSpec, maxPooling1dSpec } from '../../../../src-shared/layers/defs/pooling1d.js';
import type { LayerSpec, Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 100×8', {}, [100, 8]],
  ['defaults on odd 29 steps', {}, [29, 3]],
  ['pool 3, stride 2 on 29', { poolSize: 3, strides: 2 }, [29, 3]],
  ['same on odd 29', { padding: 'same' }, [29, 3]],
  ['same, pool 3, stride 3 on 31', { poolSize: 3, strides: 3, padding: 'same' }, [31, 2]],
  ['pool = length', { poolSize: 7 }, [7, 4]],
  ['unknown length', { poolSize: 3 }, [null, 4]],
  ['pool 1, stride 2', { poolSize: 1, strides: 2 }, [9, 1]],
];

const specs: [string, LayerSpec][] = [
  ['MaxPooling1D', maxPooling1dSpec],
  ['AveragePooling1D', averagePooling1dSpec],
];

describe.each(specs)('%s', (kind, spec) => {
  it.each(cases)('matches tfjs 4.22: %s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });

  it('halves 100 steps with defaults and keeps the features', () => {
    const ctx = resolve(spec, {}, [100, 8]);
    expect(ctx.output).toEqual([50, 8]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
  });

  it('reports rank (with a Reshape for a vector) and an oversized window', () => {
    const rank = failure(spec, {}, [40], 'p');
    expect(rank.message).toBe(`${kind} "p" needs a 2-D input T×F (steps × features) but gets [40]`);
    expect(rank.repair).toMatchObject({ layerType: 'Reshape', params: { targetShape: [40, 1] } });
    const big = failure(spec, { poolSize: 5 }, [4, 2], 'p');
    expect(big.code).toBe('KERNEL_TOO_LARGE');
    expect(big.message).toContain('size 5');
    expect(big.message).toContain('only 4 (T)');
  });

  it('round-trips and reads Keras 2 / Keras 3 configs', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { poolSize: 4, strides: 1, padding: 'same' });
    expect(spec.keras.toKeras(resolve(spec, {}, [4, 1]).params, { inputShapes: [] }).config.strides).toBeNull();
    expect(
      spec.keras.fromKeras({
        class_name: kind,
        config: {
          name: 'p',
          trainable: true,
          dtype: 'float32',
          strides: [2],
          pool_size: [2],
          padding: 'valid',
          data_format: 'channels_last',
        },
      }),
    ).toEqual({
      ok: true,
      params: { poolSize: 2, strides: 2, padding: 'valid' },
    });
    expect(
      spec.keras.fromKeras({
        class_name: kind,
        config: {
          pool_size: 3,
          strides: null,
          padding: 'same',
          data_format: 'channels_last',
          dtype: { class_name: 'DTypePolicy', config: { name: 'float32' } },
        },
      }),
    ).toEqual({
      ok: true,
      params: { poolSize: 3, strides: 0, padding: 'same' },
    });
    expect(spec.keras.fromKeras({ class_name: kind, config: { pool_size: 3, padding: 'causal' } })).toEqual({
      ok: false,
      error: expect.stringContaining('causal'),
    });
  });

  it('explains with the resolved stride', () => {
    const e = spec.explain(resolve(spec, { poolSize: 3 }, [29, 3], 'p'));
    expect(e.formulas.map((f) => f.worked)).toContain('floor((29 + 0 − 3)/3) + 1 = 9');
    expect(e.summary).toContain('29×3 → 9×3');
  });
});
