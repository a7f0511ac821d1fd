/**
 * Dense (fully connected): y = f(W·x + b). Keras applies it to the LAST axis, so a sequence
 * [T, F] becomes [T, units] (the same weights at every time step). A rank-3 image tensor
 * gives [H, W, units] as in Keras (published models rely on it), but with a warning and a
 * Flatten repair: in course networks Dense after a conv stack nearly always means a missing Flatten.
 */
import {
  ACTIVATION_FORMULAS,
  INITIALIZERS,
  INLINE_ACTIVATIONS,
  KERAS_ACTIVATION_IN,
  bool,
  fail,
  fmtNum,
  formatShape,
  initializerFromKeras,
  initializerToKeras,
  l2FromKeras,
  l2ToKeras,
  num,
  ok,
  str,
  warn,
} from '../common.js';
import type { LayerSpec, Params, ResolvedContext } from '../types.js';
import { fmtInt, readBool, readNumber, screenOptions, show } from './core-keras.js';

const inputWidth = (ctx: ResolvedContext): number => ctx.inputs[0]!.at(-1) ?? 0;
/** Time steps when Dense runs per step on a sequence (unknown length counts as 1: "per step"). */
const positions = (ctx: ResolvedContext): number => (ctx.inputs[0]!.length === 2 ? (ctx.inputs[0]![0] ?? 1) : 1);

/** Dense layer spec; the usual hidden and output layer of an MLP. */
export const denseSpec: LayerSpec<'Dense'> = {
  kind: 'Dense',
  label: 'Dense',
  category: 'core',
  help: 'Fully connected layer: every output is a weighted sum of all inputs plus a bias, then an activation.',
  params: {
    units: { kind: 'int', label: 'Units', help: 'Number of outputs (neurons).', default: 128, min: 1 },
    activation: {
      kind: 'enum',
      label: 'Activation',
      help: 'Applied to W·x + b. Use relu for hidden layers, softmax for a classifier output, linear for regression.',
      default: 'relu',
      options: INLINE_ACTIVATIONS,
    },
    useBias: { kind: 'bool', label: 'Use bias', help: 'Add a learned bias b to each output.', default: true },
    kernelInitializer: {
      kind: 'enum',
      label: 'Weight initializer',
      help: 'How W starts: Glorot suits tanh/sigmoid/softmax, He suits relu. Zeros never breaks symmetry.',
      default: 'glorotUniform',
      options: INITIALIZERS,
    },
    l2: { kind: 'float', label: 'L2 weight decay', help: 'Adds λ·Σw² to the loss (0 = off).', default: 0, min: 0 },
  },
  arity: { min: 1, max: 1 },

  inferShape(ctx) {
    const input = ctx.inputs[0]!;
    if (input.at(-1) === null) {
      return fail(ctx, 'UNKNOWN_DIM', `Dense "${ctx.name}" needs a known number of input features but gets ${formatShape(input)}`);
    }
    const shape = [...input.slice(0, -1), num(ctx.params, 'units')];
    if (input.length < 3) return ok(shape);
    return {
      ok: true,
      shape,
      findings: [
        warn(ctx, 'RANK_MISMATCH', `Dense "${ctx.name}" gets ${formatShape(input)} and, like Keras, applies to the last axis only, giving ${formatShape(shape)}; to use the whole image, insert Flatten`, {
          kind: 'insert-layer',
          label: `Insert Flatten before "${ctx.name}"`,
          source: '',
          target: ctx.nodeId,
          layerType: 'Flatten',
        }),
      ],
    };
  },

  countParams(ctx) {
    const units = num(ctx.params, 'units');
    return { trainable: inputWidth(ctx) * units + (bool(ctx.params, 'useBias') ? units : 0), nonTrainable: 0 };
  },

  /** One multiply-accumulate per weight, at every time step for a sequence (bias adds are not MACs). */
  macs: (ctx) => inputWidth(ctx) * num(ctx.params, 'units') * positions(ctx),

  keras: {
    classNames: ['Dense'],
    toKeras(p) {
      return {
        class_name: 'Dense',
        config: {
          units: num(p, 'units'),
          activation: str(p, 'activation'),
          use_bias: bool(p, 'useBias'),
          kernel_initializer: initializerToKeras(str(p, 'kernelInitializer')),
          bias_initializer: initializerToKeras('zeros'),
          kernel_regularizer: l2ToKeras(num(p, 'l2')),
          bias_regularizer: null,
          activity_regularizer: null,
          kernel_constraint: null,
          bias_constraint: null,
        },
      };
    },
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      const screened = screenOptions('Dense', c, ['units', 'activation', 'use_bias', 'kernel_initializer', 'kernel_regularizer'], warnings);
      if (screened) return { ok: false, error: screened };
      const units = readNumber(c, 'units');
      if (!units.ok || !Number.isInteger(units.value) || units.value < 1)
        return { ok: false, error: `Dense: units ${show(c.units)} is not a positive integer` };
      const activation = readInlineActivation(c.activation);
      if (typeof activation !== 'string') return { ok: false, error: `Dense: ${activation.error}` };
      const useBias = readBool(c, 'use_bias', true);
      if (!useBias.ok) return { ok: false, error: `Dense: ${useBias.error}` };
      const l2 = l2FromKeras(c.kernel_regularizer, 'kernel_regularizer');
      if (!l2.ok) return { ok: false, error: `Dense: ${l2.error}` };
      const params: Params = {
        units: units.value,
        activation,
        useBias: useBias.value,
        kernelInitializer: initializerFromKeras(c.kernel_initializer ?? 'glorot_uniform', warnings, 'Dense kernel_initializer'),
        l2: l2.l2,
      };
      return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
    },
  },

  explain(ctx) {
    const p = ctx.params;
    const nIn = inputWidth(ctx);
    const units = num(p, 'units');
    const act = str(p, 'activation');
    const useBias = bool(p, 'useBias');
    const steps = ctx.inputs[0]!.length === 2 ? ctx.inputs[0]![0] : undefined;
    const perStep = steps === undefined ? '' : ` at each of the ${steps ?? '?'} time steps (the same W for every step)`;
    const weights = nIn * units;
    const formulas: { label: string; symbolic: string; worked?: string }[] = [
      {
        label: 'Output',
        symbolic: useBias ? 'y = f(W·x + b)' : 'y = f(W·x)',
        worked: `W is ${units}×${nIn}, x is ${nIn}${useBias ? `, b is ${units}` : ''} → y is ${units}${perStep}`,
      },
      { label: `Activation (${act})`, symbolic: ACTIVATION_FORMULAS[act] ?? act },
      {
        label: 'Parameters',
        symbolic: useBias ? 'n_in·units + units' : 'n_in·units',
        worked: useBias ? `${nIn}·${units} + ${units} = ${fmtInt(weights + units)}` : `${nIn}·${units} = ${fmtInt(weights)}`,
      },
      ...initFormulas(str(p, 'kernelInitializer'), nIn, units),
    ];
    const l2 = num(p, 'l2');
    if (l2 > 0)
      formulas.push({
        label: 'L2 weight decay',
        symbolic: 'loss += λ·Σ w²',
        worked: `loss += ${fmtNum(l2)}·Σ w² over ${fmtInt(weights)} weights`,
      });
    return {
      summary: `Dense "${ctx.name}" connects all ${nIn} inputs to each of its ${units} outputs${perStep}, then applies ${act}.`,
      formulas,
    };
  },

  lint(ctx) {
    // One unit has no twin to stay identical to; the symmetry problem needs two or more.
    if (str(ctx.params, 'kernelInitializer') !== 'zeros' || num(ctx.params, 'units') < 2) return [];
    return [
      warn(
        ctx,
        'ZERO_INIT',
        `Dense "${ctx.name}" starts with all-zero weights: its ${num(ctx.params, 'units')} units all compute the same output and receive the same gradient, so they stay identical forever. Use glorotUniform (or heNormal with relu).`,
        { kind: 'set-param', label: 'Use glorotUniform', nodeId: ctx.nodeId, param: 'kernelInitializer', value: 'glorotUniform' },
      ),
    ];
  },
};

/** Keras `activation` (a string, or Keras 3's serialized function object); must be one Dense can carry. */
function readInlineActivation(value: unknown): string | { error: string } {
  if (value === undefined || value === null) return 'linear';
  const obj = value as { config?: unknown; class_name?: unknown };
  const raw = typeof value === 'string' ? value : typeof obj.config === 'string' ? obj.config : obj.class_name;
  const ours = typeof raw === 'string' ? KERAS_ACTIVATION_IN[raw] : undefined;
  if (ours && (INLINE_ACTIVATIONS as readonly string[]).includes(ours)) return ours;
  return {
    error: `activation ${show(raw ?? value)} is not supported inside Dense (use one of ${INLINE_ACTIVATIONS.join(', ')}, or a separate Activation layer)`,
  };
}

/** The initializer's weight variance with the layer's fan-in and fan-out. */
function initFormulas(init: string, nIn: number, nOut: number): { label: string; symbolic: string; worked: string }[] {
  switch (init) {
    case 'glorotUniform':
      return [
        { label: 'Glorot variance', symbolic: 'Var(W) = 2/(n_in + n_out)', worked: `2/(${nIn} + ${nOut}) = ${fmtNum(2 / (nIn + nOut))}` },
        {
          label: 'Glorot uniform limit',
          symbolic: 'W ~ U(−a, a), a = √(6/(n_in + n_out))',
          worked: `a = √(6/(${nIn} + ${nOut})) = ${fmtNum(Math.sqrt(6 / (nIn + nOut)))}`,
        },
      ];
    case 'glorotNormal':
      return [
        { label: 'Glorot variance', symbolic: 'Var(W) = 2/(n_in + n_out)', worked: `2/(${nIn} + ${nOut}) = ${fmtNum(2 / (nIn + nOut))}` },
      ];
    case 'heNormal':
      return [{ label: 'He variance', symbolic: 'Var(W) = 2/n_in', worked: `2/${nIn} = ${fmtNum(2 / nIn)}` }];
    case 'heUniform':
      return [
        { label: 'He variance', symbolic: 'Var(W) = 2/n_in', worked: `2/${nIn} = ${fmtNum(2 / nIn)}` },
        { label: 'He uniform limit', symbolic: 'W ~ U(−a, a), a = √(6/n_in)', worked: `a = √(6/${nIn}) = ${fmtNum(Math.sqrt(6 / nIn))}` },
      ];
    default:
      return [
        {
          label: 'Zero initialization',
          symbolic: 'W = 0',
          worked: `all ${fmtInt(nIn * nOut)} weights start at 0, so every unit starts identical`,
        },
      ];
  }
}
