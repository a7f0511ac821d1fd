import { describe, expect, it } from 'vitest';
import { averagePooling2dSpec, maxPooling2dSpec } from '../../../../src-shared/layers/defs/pooling2d.js';
import type { LayerSpec, Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 28×28×3', {}, [28, 28, 3]],
  ['defaults on odd 29×31 (floor)', {}, [29, 31, 3]],
  ['same on odd 29×31', { padding: 'same' }, [29, 31, 3]],
  ['3×3 pool, strides 2 (overlapping)', { poolSize: [3, 3], strides: [2, 2] }, [29, 31, 3]],
  ['3×3 pool, default strides, same', { poolSize: [3, 3], padding: 'same' }, [29, 31, 3]],
  ['2×3 pool, strides [1, 0] (per-axis default)', { poolSize: [2, 3], strides: [1, 0] }, [10, 11, 2]],
  ['pool = input size', { poolSize: [5, 7] }, [5, 7, 4]],
  ['unknown H and W', {}, [null, null, 4]],
  ['even 30×30, same, strides 3', { padding: 'same', strides: [3, 3] }, [30, 30, 2]],
  ['1×1 pool, strides 2 (subsampling)', { poolSize: [1, 1], strides: [2, 2] }, [9, 9, 1]],
];

const specs: [string, LayerSpec][] = [
  ['MaxPooling2D', maxPooling2dSpec],
  ['AveragePooling2D', averagePooling2dSpec],
];

describe.each(specs)('%s', (kind, spec) => {
  it.each(cases)('matches tfjs 4.22: %s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });

  it('halves 28×28 with defaults and has no weights or MACs', () => {
    const ctx = resolve(spec, {}, [28, 28, 32]);
    expect(ctx.output).toEqual([14, 14, 32]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(spec.macs(ctx)).toBe(0);
  });

  it('reports rank and an oversized window', () => {
    const rank = failure(spec, {}, [784], 'pool1');
    expect(rank.message).toBe(`${kind} "pool1" needs a 3-D input H×W×C but gets [784]`);
    expect(rank.repair).toMatchObject({ layerType: 'Reshape', params: { targetShape: [28, 28, 1] } });
    const big = failure(spec, { poolSize: [4, 4] }, [3, 3, 8], 'pool1');
    expect(big.code).toBe('KERNEL_TOO_LARGE');
    expect(big.message).toBe(`${kind} "pool1" has a pool window of size 4×4 but its input is only 3×3 (H×W) with 'valid' padding`);
  });

  it('round-trips default, explicit and per-axis strides', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { poolSize: [3, 2], strides: [1, 2], padding: 'same' });
    expect(spec.keras.toKeras(resolve(spec, {}, [4, 4, 1]).params, { inputShapes: [] }).config.strides).toBeNull();
    // Keras has no per-axis default: [0, 1] is written resolved, and reads back resolved.
    const mixed = spec.keras.toKeras(resolve(spec, { poolSize: [3, 2], strides: [0, 1] }, [9, 9, 1]).params, { inputShapes: [] });
    expect(mixed.config.strides).toEqual([3, 1]);
    expect(spec.keras.fromKeras(mixed)).toEqual({ ok: true, params: { poolSize: [3, 2], strides: [3, 1], padding: 'valid' } });
  });

  it('reads Keras 2 and Keras 3 configs (strides resolved, null, or int)', () => {
    expect(
      spec.keras.fromKeras({
        class_name: kind,
        config: {
          name: 'p',
          trainable: true,
          dtype: 'float32',
          pool_size: [2, 2],
          padding: 'valid',
          strides: [2, 2],
          data_format: 'channels_last',
        },
      }),
    ).toEqual({ ok: true, params: { poolSize: [2, 2], strides: [2, 2], padding: 'valid' } });
    expect(
      spec.keras.fromKeras({
        class_name: kind,
        config: {
          name: 'p',
          trainable: true,
          dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
          pool_size: 3,
          padding: 'same',
          strides: null,
          data_format: 'channels_last',
        },
      }),
    ).toEqual({ ok: true, params: { poolSize: [3, 3], strides: [0, 0], padding: 'same' } });
    expect(spec.keras.fromKeras({ class_name: kind, config: { pool_size: [2, 2], strides: 1 } })).toEqual({
      ok: true,
      params: { poolSize: [2, 2], strides: [1, 1], padding: 'valid' },
    });
    expect(spec.keras.fromKeras({ class_name: kind, config: { pool_size: [2, 2], data_format: 'channels_first' } })).toEqual({
      ok: false,
      error: expect.stringContaining('channels_first'),
    });
  });

  it('explains with the resolved stride', () => {
    const e = spec.explain(resolve(spec, { poolSize: [3, 3] }, [29, 31, 3], 'pool1'));
    const worked = e.formulas.map((f) => f.worked);
    expect(e.summary).toContain('moving 3×3 at a time (0 = same as the pool size)');
    expect(worked).toContain('floor((29 + 0 − 3)/3) + 1 = 9');
    expect(worked).toContain('floor((31 + 0 − 3)/3) + 1 = 10');
  });
});
