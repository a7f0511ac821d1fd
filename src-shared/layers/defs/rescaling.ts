/**
 * Rescaling: y = x·scale + offset on every value, typically mapping pixel bytes 0…255 to 0…1
 * inside the model so exported models take raw pixels. TF.js 4.22 registers `Rescaling`.
 */
import { fmtNum, num, ok } from '../common.js';
import type { LayerSpec } from '../types.js';
import { dimsCross, knownSize, readNumber, screenOptions, show } from './core-keras.js';

/** Rescaling layer spec (input normalization); shape unchanged, no weights. */
export const rescalingSpec: LayerSpec<'Rescaling'> = {
  kind: 'Rescaling',
  label: 'Rescaling',
  category: 'normalization',
  help: 'Multiplies every value by a scale and adds an offset, e.g. 1/255 maps pixels 0…255 to 0…1.',
  params: {
    scale: { kind: 'float', label: 'Scale', help: 'Multiplier; 1/255 ≈ 0.003922 maps 0…255 to 0…1.', default: 1 / 255 },
    offset: {
      kind: 'float',
      label: 'Offset',
      help: 'Added after scaling; with scale 1/127.5 an offset of −1 maps 0…255 to −1…1.',
      default: 0,
    },
  },
  arity: { min: 1, max: 1 },

  inferShape: (ctx) => ok(ctx.inputs[0]!),
  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  /** One multiply-add per value (unknown lengths counted per time step). */
  macs: (ctx) => knownSize(ctx.inputs[0]!),

  keras: {
    classNames: ['Rescaling'],
    toKeras: (p) => ({ class_name: 'Rescaling', config: { scale: num(p, 'scale'), offset: num(p, 'offset') } }),
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      const screened = screenOptions('Rescaling', c, ['scale', 'offset'], warnings);
      if (screened) return { ok: false, error: screened };
      // Keras 3 also accepts per-channel lists; only one scalar for all values is offered here.
      const scale = readNumber(c, 'scale');
      if (!scale.ok) return { ok: false, error: `Rescaling: scale ${show(c.scale)} is not a single number` };
      const offset = readNumber(c, 'offset', 0);
      if (!offset.ok) return { ok: false, error: `Rescaling: offset ${show(c.offset)} is not a single number` };
      const params = { scale: scale.value, offset: offset.value };
      return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
    },
  },

  explain(ctx) {
    const scale = num(ctx.params, 'scale');
    const offset = num(ctx.params, 'offset');
    const at = (x: number) => fmtNum(x * scale + offset);
    const plusOffset = offset < 0 ? `− ${fmtNum(-offset)}` : `+ ${fmtNum(offset)}`;
    return {
      summary: `Rescaling "${ctx.name}" computes x·${fmtNum(scale)} ${plusOffset} for each of the ${dimsCross(ctx.inputs[0]!)} values; nothing is learned.`,
      formulas: [
        {
          label: 'Output',
          symbolic: 'y = x·scale + offset',
          worked: `0 → ${at(0)}, 255 → 255·${fmtNum(scale)} ${plusOffset} = ${at(255)}`,
        },
      ],
    };
  },
};
