import { describe, expect, it } from 'vitest';
import { rescalingSpec } from '../../../../src-shared/layers/defs/rescaling.js';
import { expectMatchesTfjs, expectMatchesTfjsRun, expectRoundTrip, formula, importError, resolveAll } from './core-helpers.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';

const CASES: [string, Params, Shape][] = [
  ['pixels to 0…1', {}, [28, 28, 1]],
  ['pixels to −1…1', { scale: 1 / 127.5, offset: -1 }, [32, 32, 3]],
  ['vector', { scale: 2, offset: 0.5 }, [7]],
  ['variable-length sequence', { scale: 0.1 }, [null, 3]],
];

describe('Rescaling', () => {
  it.each(CASES)('matches tfjs (Rescaling is registered in tfjs 4.22): %s', async (_, params, input) => {
    await expectMatchesTfjs(rescalingSpec, params, [input]);
    if (input.every((d) => d !== null)) await expectMatchesTfjsRun(rescalingSpec, params, [input]);
  });

  it('counts one multiply-add per value', () => {
    expect(rescalingSpec.macs(resolveAll(rescalingSpec, {}, [[28, 28, 1]]))).toBe(784);
  });

  it('round-trips through Keras, default scale 1/255 exactly', () => {
    expectRoundTrip(rescalingSpec, {});
    expectRoundTrip(rescalingSpec, { scale: 1 / 127.5, offset: -1 });
  });

  it('imports Keras 2 and Keras 3 configs', () => {
    expect(
      rescalingSpec.keras.fromKeras({
        class_name: 'Rescaling',
        config: { name: 'rescaling', trainable: true, dtype: 'float32', scale: 0.00392156862745098, offset: 0.0 },
      }),
    ).toEqual({
      ok: true,
      params: { scale: 0.00392156862745098, offset: 0 },
    });
    const dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    expect(rescalingSpec.keras.fromKeras({ class_name: 'Rescaling', config: { name: 'r', trainable: true, dtype, scale: 2 } })).toEqual({
      ok: true,
      params: { scale: 2, offset: 0 },
    });
  });

  it('refuses per-channel scales', () => {
    expect(importError(rescalingSpec, 'Rescaling', { scale: [0.1, 0.2, 0.3], offset: 0 })).toBe(
      'Rescaling: scale [0.1,0.2,0.3] is not a single number',
    );
  });

  it('explains the mapping of 0 and 255', () => {
    expect(formula(rescalingSpec, resolveAll(rescalingSpec, {}, [[28, 28, 1]]), 'Output').worked).toBe('0 → 0, 255 → 255·0.003922 + 0 = 1');
    expect(formula(rescalingSpec, resolveAll(rescalingSpec, { scale: 1 / 127.5, offset: -1 }, [[4]]), 'Output').worked).toBe(
      '0 → -1, 255 → 255·0.007843 − 1 = 1',
    );
  });
});
