import { describe, expect, it } from 'vitest';
import {
  globalAveragePooling1dSpec,
  globalAveragePooling2dSpec,
  globalMaxPooling1dSpec,
  globalMaxPooling2dSpec,
} from '../../../../src-shared/layers/defs/global-pooling.js';
import type { LayerSpec, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const twoD: [string, LayerSpec][] = [
  ['GlobalAveragePooling2D', globalAveragePooling2dSpec],
  ['GlobalMaxPooling2D', globalMaxPooling2dSpec],
];
const oneD: [string, LayerSpec][] = [
  ['GlobalAveragePooling1D', globalAveragePooling1dSpec],
  ['GlobalMaxPooling1D', globalMaxPooling1dSpec],
];
const inputs2d: Shape[] = [
  [7, 7, 64],
  [29, 31, 3],
  [null, null, 5],
  [1, 1, 1],
  [4, 4, null],
];
const inputs1d: Shape[] = [
  [100, 8],
  [29, 3],
  [null, 16],
  [1, 1],
];

describe.each(twoD)('%s', (kind, spec) => {
  it.each(inputs2d.map((s) => [JSON.stringify(s), s] as const))('matches tfjs 4.22 on %s', async (_label, input) => {
    await expectMatchesTfjs(spec, {}, input);
  });

  it('reduces H×W×C to C with no weights', () => {
    const ctx = resolve(spec, {}, [7, 7, 64]);
    expect(ctx.output).toEqual([64]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(spec.macs(ctx)).toBe(0);
  });

  it('refuses a sequence', () => {
    const f = failure(spec, {}, [100, 8], 'gap');
    expect(f.code).toBe('RANK_MISMATCH');
    expect(f.message).toBe(`${kind} "gap" needs a 3-D input H×W×C but gets [100, 8]`);
  });

  it('round-trips and reads Keras configs, including keepdims', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { keepdims: true });
    expect(
      spec.keras.fromKeras({ class_name: kind, config: { name: 'g', trainable: true, dtype: 'float32', data_format: 'channels_last' } }),
    ).toEqual({ ok: true, params: { keepdims: false } });
    expect(
      spec.keras.fromKeras({
        class_name: kind,
        config: {
          name: 'g',
          data_format: 'channels_last',
          keepdims: false,
          dtype: { class_name: 'DTypePolicy', config: { name: 'float32' } },
        },
      }),
    ).toEqual({ ok: true, params: { keepdims: false } });
    expect(spec.keras.fromKeras({ class_name: kind, config: { keepdims: true } })).toEqual({ ok: true, params: { keepdims: true } });
    expect(spec.keras.fromKeras({ class_name: kind, config: { data_format: 'channels_first' } })).toEqual({
      ok: false,
      error: expect.stringContaining('channels_first'),
    });
  });

  it('keeps the pooled axes with keepdims, as Keras does, and warns that the tfjs trainer cannot', () => {
    const r = spec.inferShape({ nodeId: 'n1', name: 'gap', inputs: [[7, 7, 64]], params: { keepdims: true } });
    expect(r.ok && r.shape).toEqual([1, 1, 64]);
    expect(r.findings?.map((f) => [f.code, f.severity])).toEqual([['TRAINER_UNSUPPORTED', 'warning']]);
  });

  it('explains how many values each channel pools', () => {
    const e = spec.explain(resolve(spec, {}, [7, 7, 64], 'gap'));
    expect(e.summary).toContain('7×7×64 → 64');
    expect(e.formulas[0]!.worked).toBe(`${kind.includes('Max') ? 'max' : 'mean'} of 7·7 = 49 values per channel → 64 values`);
  });
});

describe.each(oneD)('%s', (kind, spec) => {
  it.each(inputs1d.map((s) => [JSON.stringify(s), s] as const))('matches tfjs 4.22 on %s', async (_label, input) => {
    await expectMatchesTfjs(spec, {}, input);
  });

  it('reduces T×F to F and explains unknown lengths', () => {
    const ctx = resolve(spec, {}, [null, 16], 'gp');
    expect(ctx.output).toEqual([16]);
    expect(spec.explain(ctx).formulas[0]!.worked).toContain('variable number of positions per feature → 16 values');
  });

  it('explains a known length', () => {
    const e = spec.explain(resolve(spec, {}, [100, 8], 'gp'));
    expect(e.formulas[0]!.worked).toBe(`${kind.includes('Max') ? 'max' : 'mean'} of 100 values per feature → 8 values`);
  });

  it('refuses an image and round-trips', () => {
    expect(failure(spec, {}, [28, 28, 1], 'gp').message).toBe(`${kind} "gp" needs a 2-D input T×F (steps × features) but gets [28, 28, 1]`);
    expectRoundTrip(spec, {});
    expect(spec.keras.fromKeras({ class_name: kind, config: { name: 'g', data_format: 'channels_last', keepdims: false } })).toEqual({
      ok: true,
      params: { keepdims: false },
    });
  });
});
