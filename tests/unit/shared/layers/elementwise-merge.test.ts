import { describe, expect, it } from 'vitest';
import {
  addSpec,
  averageSpec,
  broadcastShapes,
  maximumSpec,
  multiplySpec,
  subtractSpec,
} from '../../../../src-shared/layers/defs/elementwise-merge.js';
import type { LayerSpec, Shape } from '../../../../src-shared/layers/types.js';
import { tfjsFactsForSpec } from '../../../helpers/tfjs-reference.js';
import {
  expectMatchesTfjs,
  expectMatchesTfjsRun,
  expectRoundTrip,
  failureAll,
  formula,
  importError,
  K3_DTYPE,
  resolveAll,
} from './core-helpers.js';

const PAIRS: [string, Shape[]][] = [
  ['equal vectors', [[8], [8]]],
  [
    'equal feature maps',
    [
      [13, 13, 32],
      [13, 13, 32],
    ],
  ],
  [
    'broadcast a 1',
    [
      [3, 4],
      [1, 4],
    ],
  ],
  [
    'broadcast 1s both ways',
    [
      [1, 4],
      [5, 1],
    ],
  ],
  ['lower rank aligns right', [[3, 4], [4]]],
  [
    'unknown length',
    [
      [null, 4],
      [null, 4],
    ],
  ],
  [
    'unknown meets known',
    [
      [null, 4],
      [5, 4],
    ],
  ],
  [
    'unknown meets 1',
    [
      [1, 4],
      [null, 4],
    ],
  ],
];

const MANY: [string, Shape[]][] = [
  ['three equal', [[6], [6], [6]]],
  [
    'three with broadcast',
    [
      [3, 4],
      [3, 4],
      [1, 4],
    ],
  ],
];

/**
 * tfjs 4.22 registers no Subtract class, so its shapes are checked through tfjs's Add, which
 * shares the Merge base class (and so computeElementwiseOpOutputShape) with every element-wise merge.
 */
const subtractViaAdd: LayerSpec = { ...subtractSpec, keras: { ...subtractSpec.keras, toKeras: () => ({ class_name: 'Add', config: {} }) } };

const SPECS: [string, LayerSpec][] = [
  ['Add', addSpec],
  ['Multiply', multiplySpec],
  ['Average', averageSpec],
  ['Maximum', maximumSpec],
];

describe('element-wise merges', () => {
  const twoInput = [...SPECS, ['Subtract', subtractSpec] as [string, LayerSpec]].flatMap(([n, s]) =>
    PAIRS.map(([c, i]) => [n, c, s, i] as const),
  );
  it.each(twoInput)('%s matches tfjs: %s', async (name, _, spec, inputs) => {
    const probe = name === 'Subtract' ? subtractViaAdd : spec;
    await expectMatchesTfjs(probe, {}, inputs);
    if (inputs.every((s) => s.every((d) => d !== null))) await expectMatchesTfjsRun(probe, {}, inputs);
  });

  const manyInput = SPECS.flatMap(([n, s]) => MANY.map(([c, i]) => [n, c, s, i] as const));
  it.each(manyInput)('%s matches tfjs: %s', async (_, __, spec, inputs) => {
    await expectMatchesTfjs(spec, {}, inputs);
    await expectMatchesTfjsRun(spec, {}, inputs);
  });

  it('tfjs 4.22 cannot load Subtract at all (the trainer must supply it)', async () => {
    await expect(tfjsFactsForSpec(subtractSpec, {}, [[4], [4]])).rejects.toThrow(/Unknown layer: Subtract/);
  });

  it('names every shape when they cannot broadcast, as tfjs refuses them', async () => {
    const f = failureAll(addSpec, {}, [[3, 4], [3]], 'add1');
    expect(f.code).toBe('SHAPE_MISMATCH');
    expect(f.message).toBe('Add "add1" needs inputs of the same shape (a dimension of 1 may broadcast) but gets [3, 4] and [3]');
    await expect(tfjsFactsForSpec(addSpec, {}, [[3, 4], [3]])).rejects.toThrow(/could not be broadcast/);
    const three = failureAll(multiplySpec, {}, [[8], [8], [4]], 'gate');
    expect(three.message).toBe('Multiply "gate" needs inputs of the same shape (a dimension of 1 may broadcast) but gets [8], [8] and [4]');
    expect(
      failureAll(
        subtractSpec,
        {},
        [
          [26, 26, 32],
          [13, 13, 32],
        ],
        'diff',
      ).message,
    ).toContain('[26, 26, 32] and [13, 13, 32]');
  });

  it('follows the broadcast rule exactly', () => {
    expect(broadcastShapes([2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(broadcastShapes([1], [null])).toEqual([null]);
    expect(broadcastShapes([5], [])).toEqual([5]);
    expect(broadcastShapes([2], [3])).toBeNull();
  });

  it('takes exactly two inputs for Subtract, two or more otherwise', () => {
    expect(subtractSpec.arity).toEqual({ min: 2, max: 2 });
    for (const [, spec] of SPECS) expect(spec.arity).toEqual({ min: 2, max: Infinity });
    for (const spec of [addSpec, subtractSpec, multiplySpec, averageSpec, maximumSpec]) expect(spec.category).toBe('merge');
  });

  it.each([...SPECS, ['Subtract', subtractSpec] as [string, LayerSpec]])(
    '%s round-trips and imports Keras 2 and 3 configs',
    (name, spec) => {
      expectRoundTrip(spec, {}, [[4], [4]]);
      expect(spec.keras.classNames).toEqual([name]);
      expect(spec.keras.fromKeras({ class_name: name, config: { name: 'm', trainable: true, dtype: 'float32' } })).toEqual({
        ok: true,
        params: {},
      });
      expect(spec.keras.fromKeras({ class_name: name, config: { name: 'm', trainable: true, dtype: K3_DTYPE } })).toEqual({
        ok: true,
        params: {},
      });
      expect(importError(spec, name, { name: 'm', axis: 2 })).toBe(`${name}: option axis=2 is not supported`);
    },
  );

  it('explains the operation and broadcasting', () => {
    const avg = resolveAll(averageSpec, {}, [[4], [4], [4]], 'avg');
    expect(formula(averageSpec, avg, 'Output')).toEqual({
      label: 'Output',
      symbolic: 'y = (x₁ + x₂ + … + x₃) / 3',
      worked: '3 inputs of 4 → 4, value by value',
    });
    const add = resolveAll(
      addSpec,
      {},
      [
        [3, 4],
        [1, 4],
      ],
      'res',
    );
    expect(formula(addSpec, add, 'Output').worked).toBe(
      '[3, 4] and [1, 4] broadcast to [3, 4] (missing or size-1 dimensions are repeated)',
    );
    expect(formula(subtractSpec, resolveAll(subtractSpec, {}, [[2], [2]]), 'Output').symbolic).toBe('y = x₁ − x₂');
    expect(subtractSpec.explain(resolveAll(subtractSpec, {}, [[2], [2]], 'diff')).summary).toBe(
      'Subtract "diff" subtracts its second input from its first value by value, giving [2]; nothing is learned.',
    );
    expect(addSpec.countParams(add)).toEqual({ trainable: 0, nonTrainable: 0 });
    expect(addSpec.macs(add)).toBe(0);
  });
});
