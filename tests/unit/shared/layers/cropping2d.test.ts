import { describe, expect, it } from 'vitest';
import { cropping2dSpec as spec } from '../../../../src-shared/layers/defs/cropping2d.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';
import { expectMatchesTfjs, expectRoundTrip, failure, resolve } from './spatial-helpers.js';

const cases: [string, Params, Shape][] = [
  ['defaults on 28×28×1', {}, [28, 28, 1]],
  ['asymmetric on odd 29×31', { cropping: [1, 2, 3, 4] }, [29, 31, 3]],
  ['down to 1×1', { cropping: [2, 2, 2, 2] }, [5, 5, 3]],
  ['no cropping', { cropping: [0, 0, 0, 0] }, [4, 4, 1]],
];

describe('Cropping2D', () => {
  it.each(cases)('matches tfjs 4.22: %s', async (_label, params, input) => {
    await expectMatchesTfjs(spec, params, input);
  });

  it('keeps unknown sizes unknown, where tfjs 4.22 wrongly computes null − crop as a negative size', async () => {
    expect(resolve(spec, { cropping: [1, 1, 2, 2] }, [null, null, 3]).output).toEqual([null, null, 3]);
    const tfjs = await tfjsFactsForSpec(spec, { cropping: [1, 1, 2, 2] }, [[null, null, 3]]);
    expect(tfjs.outputShape).toEqual([-2, -4, 3]);
  });

  it('reports cropping that leaves nothing, naming the numbers', () => {
    const f = failure(spec, { cropping: [3, 3, 0, 0] }, [5, 9, 1], 'crop');
    expect(f.code).toBe('NONPOSITIVE_SIZE');
    expect(f.message).toBe('Cropping2D "crop" removes 3 + 3 = 6 rows from a height of 5, leaving -1');
    expect(failure(spec, { cropping: [0, 0, 4, 5] }, [5, 9, 1], 'crop').message).toBe(
      'Cropping2D "crop" removes 4 + 5 = 9 columns from a width of 9, leaving 0',
    );
    expect(failure(spec, {}, [10, 10], 'crop').code).toBe('RANK_MISMATCH');
  });

  it('round-trips and reads every Keras spelling of cropping', () => {
    expectRoundTrip(spec, {});
    expectRoundTrip(spec, { cropping: [0, 3, 2, 1] });
    const read = (cropping: unknown) =>
      spec.keras.fromKeras({
        class_name: 'Cropping2D',
        config: { name: 'c', trainable: true, dtype: 'float32', data_format: 'channels_last', cropping },
      });
    expect(read(2)).toEqual({ ok: true, params: { cropping: [2, 2, 2, 2] } });
    expect(read([1, 3])).toEqual({ ok: true, params: { cropping: [1, 1, 3, 3] } });
    expect(
      read([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual({ ok: true, params: { cropping: [1, 2, 3, 4] } });
    expect(read(undefined)).toEqual({ ok: true, params: { cropping: [0, 0, 0, 0] } });
    expect(read('x')).toEqual({ ok: false, error: expect.stringContaining('cropping "x"') });
  });

  it('explains with the real numbers', () => {
    const e = spec.explain(resolve(spec, { cropping: [1, 2, 3, 4] }, [29, 31, 3], 'crop'));
    expect(e.summary).toContain('29×31×3 → 26×24×3');
    expect(e.formulas.map((f) => f.worked)).toEqual(['29 − 1 − 2 = 26', '31 − 3 − 4 = 24', '0']);
  });
});
