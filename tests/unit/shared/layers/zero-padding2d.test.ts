import { describe, expect, it } from 'vitest';
import { zeroPadding2dSpec as spec } from '../../../../src-shared/layers/defs/zero-padding2d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 28×28×1', {}, [28, 28, 1]],
  ['asymmetric on odd 29×31', { padding: [1, 2, 3, 4] }, [29, 31, 3]],
  ['unknown height', { padding: [2, 0, 0, 1] }, [null, 5, 3]],
  ['no padding', { padding: [0, 0, 0, 0] }, [4, 4, 1]],
];

describe('ZeroPadding2D', () => {
  it.each(cases)('matches tfjs 4.22: %s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });

  it('adds top+bottom rows and left+right columns', () => {
    const ctx = resolve(spec, { padding: [1, 2, 3, 4] }, [29, 31, 3]);
    expect(ctx.output).toEqual([32, 38, 3]);
    expect(spec.countParams(ctx)).toEqual({ trainable: 0, nonTrainable: 0 });
  });

  it('refuses a flat input with a Reshape repair', () => {
    const f = failure(spec, {}, [784], 'pad');
    expect(f.message).toBe('ZeroPadding2D "pad" needs a 3-D input H×W×C but gets [784]');
    expect(f.repair).toMatchObject({ layerType: 'Reshape', params: { targetShape: [28, 28, 1] } });
  });

  it('round-trips and reads every Keras spelling of padding', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { padding: [0, 3, 2, 1] });
    const read = (padding: unknown) =>
      spec.keras.fromKeras({ class_name: 'ZeroPadding2D', config: { name: 'z', data_format: 'channels_last', padding } });
    expect(read(2)).toEqual({ ok: true, params: { padding: [2, 2, 2, 2] } });
    expect(read([1, 3])).toEqual({ ok: true, params: { padding: [1, 1, 3, 3] } });
    expect(
      read([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ ok: true, params: { padding: [1, 2, 3, 4] } });
    expect(read(undefined)).toEqual({ ok: true, params: { padding: [1, 1, 1, 1] } });
    expect(
      read([
        [1, 2, 3],
        [3, 4],
      ]),
    ).toEqual({ ok: false, error: expect.stringContaining('padding [[1,2,3],[3,4]]') });
    expect(read(-1)).toEqual({ ok: false, error: expect.stringContaining('padding -1') });
  });

  it('reads a Keras 3 config with a dtype policy', () => {
    const r = spec.keras.fromKeras({
      class_name: 'ZeroPadding2D',
      config: {
        name: 'zp',
        trainable: true,
        dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
        padding: [
          [0, 1],
          [0, 1],
        ],
        data_format: 'channels_last',
      },
    });
    expect(r).toEqual({ ok: true, params: { padding: [0, 1, 0, 1] } });
  });

  it('explains with the real numbers', () => {
    const e = spec.explain(resolve(spec, { padding: [1, 2, 3, 4] }, [null, 31, 3], 'pad'));
    expect(e.formulas.map((f) => f.worked)).toEqual(["H is unknown, so H' is unknown", '31 + 3 + 4 = 38', '0']);
  });
});
