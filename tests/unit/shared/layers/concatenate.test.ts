import { describe, expect, it } from 'vitest';
import { concatenateSpec } from '../../../../src-shared/layers/defs/concatenate.js';
import type { Params, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec, tfjsRunShape } from '../../../helpers/tfjs-reference.js';
import {
  expectMatchesTfjs,
  expectMatchesTfjsRun,
  expectRoundTrip,
  failureAll,
  formula,
  importError,
  K3_DTYPE,
  NODE,
  resolveAll,
} from './core-helpers.js';

const CASES: [string, Params, Shape[]][] = [
  ['two vectors', {}, [[4], [5]]],
  ['three vectors', {}, [[3], [1], [7]]],
  [
    'feature maps by channel',
    {},
    [
      [13, 13, 16],
      [13, 13, 8],
    ],
  ],
  [
    'sequences by time (axis 1)',
    { axis: 1 },
    [
      [3, 4],
      [5, 4],
    ],
  ],
  [
    'images by height (axis 1)',
    { axis: 1 },
    [
      [2, 3, 4],
      [6, 3, 4],
    ],
  ],
  [
    'images by width (axis 2)',
    { axis: 2 },
    [
      [2, 3, 4],
      [2, 5, 4],
    ],
  ],
  [
    'last axis named positively',
    { axis: 2 },
    [
      [3, 4],
      [3, 6],
    ],
  ],
  [
    'unknown lengths on a shared axis',
    {},
    [
      [null, 4],
      [null, 5],
    ],
  ],
  [
    'unknown length on the joined axis',
    { axis: 1 },
    [
      [null, 4],
      [3, 4],
    ],
  ],
];

describe('Concatenate', () => {
  it.each(CASES)('matches tfjs: %s', async (_, params, inputs) => {
    await expectMatchesTfjs(concatenateSpec, params, inputs);
    if (inputs.every((s) => s.every((d) => d !== null))) await expectMatchesTfjsRun(concatenateSpec, params, inputs);
  });

  it('names the shapes when the other axes differ', async () => {
    const f = failureAll(
      concatenateSpec,
      {},
      [
        [3, 4],
        [5, 4],
      ],
      'cat',
    );
    expect(f.code).toBe('SHAPE_MISMATCH');
    expect(f.message).toBe('Concatenate "cat" needs inputs that match except on axis -1, but gets [3, 4] and [5, 4]');
    await expect(
      tfjsFactsForSpec(concatenateSpec, {}, [
        [3, 4],
        [5, 4],
      ]),
    ).rejects.toThrow(/matching shapes/);
  });

  it('treats an unknown dim as different from a known one, as tfjs does', async () => {
    const f = failureAll(
      concatenateSpec,
      {},
      [
        [null, 4],
        [3, 5],
      ],
      'cat',
    );
    expect(f.message).toContain('[?, 4] and [3, 5]');
    await expect(
      tfjsFactsForSpec(concatenateSpec, {}, [
        [null, 4],
        [3, 5],
      ]),
    ).rejects.toThrow();
  });

  it('refuses different ranks, listing every shape', () => {
    const f = failureAll(concatenateSpec, {}, [[3, 4], [5], [2]], 'cat');
    expect(f.message).toBe('Concatenate "cat" needs inputs of the same rank but gets [3, 4], [5] and [2]');
  });

  it('refuses the batch axis and axes beyond the rank', () => {
    const f = failureAll(concatenateSpec, { axis: 0 }, [[3], [4]], 'cat');
    expect(f.code).toBe('PARAM_INVALID');
    expect(f.message).toBe('Concatenate "cat" joins along axis 0, but rank-1 inputs [3] have axes 1…1 (0 is the batch)');
    expect(f.repair).toEqual({ kind: 'set-param', label: 'Set axis to -1', nodeId: NODE, param: 'axis', value: -1 });
    expect(
      failureAll(concatenateSpec, { axis: 3 }, [
        [3, 4],
        [3, 4],
      ]).code,
    ).toBe('PARAM_INVALID');
  });

  it('does not offer negative axes other than -1: tfjs 4.22 runs them as -1', async () => {
    const inputs: Shape[] = [
      [3, 4],
      [3, 4],
    ];
    // tfjs's symbolic shape concatenates on axis -2, but the run concatenates on the last axis.
    const spec = {
      ...concatenateSpec,
      keras: { ...concatenateSpec.keras, toKeras: () => ({ class_name: 'Concatenate', config: { axis: -2 } }) },
    };
    expect((await tfjsFactsForSpec(spec, {}, inputs)).outputShape).toEqual([6, 4]);
    expect(await tfjsRunShape(spec, {}, inputs)).toEqual([3, 8]);
    expect(importError(concatenateSpec, 'Concatenate', { axis: -2 })).toContain('axis -2 is not supported');
  });

  it('round-trips through Keras', () => {
    expectRoundTrip(concatenateSpec, {}, [[3], [4]]);
    expectRoundTrip(concatenateSpec, { axis: 1 }, [
      [3, 4],
      [5, 4],
    ]);
  });

  it('imports Keras 2 and Keras 3 configs', () => {
    expect(
      concatenateSpec.keras.fromKeras({
        class_name: 'Concatenate',
        config: { name: 'concatenate', trainable: true, dtype: 'float32', axis: -1 },
      }),
    ).toEqual({ ok: true, params: { axis: -1 } });
    expect(
      concatenateSpec.keras.fromKeras({
        class_name: 'Concatenate',
        config: { name: 'concatenate', trainable: true, dtype: K3_DTYPE, axis: 1 },
      }),
    ).toEqual({ ok: true, params: { axis: 1 } });
  });

  it('explains the joined axis', () => {
    const ctx = resolveAll(
      concatenateSpec,
      {},
      [
        [13, 13, 16],
        [13, 13, 8],
      ],
      'cat',
    );
    expect(ctx.output).toEqual([13, 13, 24]);
    expect(formula(concatenateSpec, ctx, 'Joined axis').worked).toBe('16 + 8 = 24');
    expect(
      formula(
        concatenateSpec,
        resolveAll(concatenateSpec, { axis: 1 }, [
          [null, 4],
          [3, 4],
        ]),
        'Joined axis',
      ).worked,
    ).toBe('? + 3 = ?');
  });
});
