/**
 * What SimpleRNN, LSTM and GRU share: their params, the T×F → [T, units] | [units] shape rule,
 * weight and MAC counts, and the explanation parts that only differ by the number of gates.
 * The three cells differ only in how many weight blocks ("gates") they stack side by side:
 * SimpleRNN 1, GRU 3 (z, r, h̃), LSTM 4 (i, f, c̃, o), each block being units×(F + units + 1).
 */
import { makeFinding, type Finding } from '../../graph/findings.js';
import { ACTIVATION_FORMULAS, INITIALIZERS, INLINE_ACTIVATIONS, bool, fail, fmtNum, formatShape, num, ok, str } from '../common.js';
import type { Explanation, ParamCount, ParamSpec, ResolvedContext, Shape, ShapeContext, ShapeResult } from '../types.js';

/** Gate activations: the inline ones plus TF.js's hardSigmoid (older Keras's default). */
export const RECURRENT_ACTIVATIONS = [...INLINE_ACTIVATIONS, 'hardSigmoid'] as const;

/** The formula shown for each activation a recurrent layer can carry. */
export const RECURRENT_ACTIVATION_FORMULAS: Record<string, string> = {
  ...ACTIVATION_FORMULAS,
  hardSigmoid: 'f(z) = clip(0.2·z + 0.5, 0, 1)',
};

/** One recurrent layer type, described by what sets it apart from the others. */
export interface RecurrentFamily {
  kind: 'SimpleRNN' | 'LSTM' | 'GRU';
  /** Weight blocks stacked in the kernel (columns = gates·units). */
  gates: number;
  /** LSTM and GRU have gates squashed by a separate `recurrentActivation`. */
  gated: boolean;
}

/** The params of a recurrent layer (gated ones add `recurrentActivation`). */
export function recurrentParams(family: RecurrentFamily): Record<string, ParamSpec> {
  const gate: Record<string, ParamSpec> = family.gated
    ? {
        recurrentActivation: {
          kind: 'enum',
          label: 'Gate activation',
          help: 'Squashes the gates into [0, 1]: sigmoid (Keras 2.3+ default) or hardSigmoid = clip(0.2·z + 0.5, 0, 1), the older Keras default.',
          default: 'sigmoid',
          options: RECURRENT_ACTIVATIONS,
        },
      }
    : {};
  const dropoutHelp = (what: string) =>
    `Fraction of ${what} zeroed during training, with the same mask at every time step; must be below 1 (TF.js silently skips a rate of 1).`;
  return {
    units: { kind: 'int', label: 'Units', help: 'Size of the hidden state h_t, the numbers carried from one time step to the next.', default: 64, min: 1 },
    activation: {
      kind: 'enum',
      label: 'Activation',
      help: family.gated ? 'Squashes the candidate state and the output (tanh in almost every model).' : 'Applied to W·x_t + U·h_{t−1} + b at every step; tanh keeps h_t in (−1, 1).',
      default: 'tanh',
      options: INLINE_ACTIVATIONS,
    },
    ...gate,
    useBias: { kind: 'bool', label: 'Use bias', help: 'Add a learned bias b to every gate.', default: true },
    returnSequences: {
      kind: 'bool',
      label: 'Return sequences',
      help: 'On: one output per time step [T, units] (to stack another RNN). Off: only the last step [units] (one output per series).',
      default: false,
    },
    goBackwards: { kind: 'bool', label: 'Go backwards', help: 'Read the sequence from the last step to the first (returned sequences come out reversed too).', default: false },
    kernelInitializer: { kind: 'enum', label: 'Kernel initializer', help: 'How the input weights W start (the recurrent weights U always start orthogonal).', default: 'glorotUniform', options: INITIALIZERS },
    dropout: { kind: 'float', label: 'Dropout', help: dropoutHelp('the inputs x_t'), default: 0, min: 0, max: 1 },
    recurrentDropout: { kind: 'float', label: 'Recurrent dropout', help: dropoutHelp('the previous state h_{t−1}'), default: 0, min: 0, max: 1 },
    l2: { kind: 'float', label: 'L2 weight decay', help: 'Adds l2·Σw² over the input kernel W to the loss (0 = off).', default: 0, min: 0 },
  };
}

/** Rows become time steps: [H, W, C] → [H, W·C]; null when there is no such reading. */
function rowsAsSteps(shape: Shape): number[] | null {
  if (shape.length < 3) return null;
  let features = 1;
  for (const d of shape.slice(1)) {
    if (d === null) return null;
    features *= d;
  }
  return [shape[0] ?? -1, features];
}

/** Input must be [T, F] with F known (it sizes the kernel); T may be unknown. */
export function inferRecurrentShape(family: RecurrentFamily, ctx: ShapeContext): ShapeResult {
  const input = ctx.inputs[0]!;
  const who = `${family.kind} "${ctx.name}"`;
  const units = num(ctx.params, 'units');
  if (input.length !== 2) {
    const message = `${who} needs a sequence input T×F but gets ${formatShape(input)}`;
    const target = rowsAsSteps(input);
    if (!target) return fail(ctx, 'RANK_MISMATCH', `${message}; it reads one vector of F features per time step`);
    const rows = input[0] === null ? 'each row' : `each of the ${input[0]} rows`;
    return fail(ctx, 'RANK_MISMATCH', `${message}; reshape it to ${formatShape(target)} so ${rows} is one time step of ${target[1]} features`, {
      kind: 'insert-layer',
      label: `Insert Reshape to ${formatShape(target)} before "${ctx.name}"`,
      source: '',
      target: ctx.nodeId,
      layerType: 'Reshape',
      params: { targetShape: target },
    });
  }
  const [steps, features] = input as readonly [number | null, number | null];
  if (features === null) {
    return fail(ctx, 'UNKNOWN_DIM', `${who} needs a known feature count F but gets ${formatShape(input)}; its input kernel is F×${family.gates * units}`);
  }
  return ok(bool(ctx.params, 'returnSequences') ? [steps, units] : [units]);
}

/** Sizes of the three weight tensors exactly as TF.js creates them. */
export function recurrentWeights(family: RecurrentFamily, ctx: ResolvedContext) {
  const features = ctx.inputs[0]![1] as number;
  const units = num(ctx.params, 'units');
  const width = family.gates * units;
  return {
    features,
    units,
    width,
    kernel: features * width,
    recurrent: units * width,
    bias: bool(ctx.params, 'useBias') ? width : 0,
  };
}

/** gates·units·(F + units + 1), or without the +1 when the bias is off. */
export function countRecurrentParams(family: RecurrentFamily, ctx: ResolvedContext): ParamCount {
  const w = recurrentWeights(family, ctx);
  return { trainable: w.kernel + w.recurrent + w.bias, nonTrainable: 0 };
}

/**
 * T·gates·units·(F + units): every step multiplies x_t by W and h_{t−1} by U. Biases, gate
 * products and activations are element-wise (0 MACs by convention). With a variable-length
 * input (T unknown) this is the count for ONE step, which `explain` says.
 */
export function recurrentMacs(family: RecurrentFamily, ctx: ResolvedContext): number {
  const w = recurrentWeights(family, ctx);
  const steps = ctx.inputs[0]![0] ?? 1;
  return steps * w.width * (w.features + w.units);
}

/** A dropout rate of exactly 1 passes validation but TF.js's cells then skip dropout entirely. */
export function lintRecurrent(family: RecurrentFamily, ctx: ResolvedContext): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['dropout', 'recurrentDropout'] as const) {
    if (num(ctx.params, key) < 1) continue;
    findings.push(
      makeFinding('PARAM_INVALID', 'error', `${family.kind} "${ctx.name}": ${key} 1 would drop everything; TensorFlow.js then silently applies no dropout at all. Use a rate below 1`, {
        nodeId: ctx.nodeId,
        repair: { kind: 'set-param', label: `Set ${key} to 0.5`, nodeId: ctx.nodeId, param: key, value: 0.5 },
      }),
    );
  }
  return findings;
}

const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * Builds the explanation: the layer's own recurrence formulas (`cell`) followed by the shared
 * output shape, stacked-weight, parameter, MAC, backprop-through-time and initializer formulas.
 */
export function explainRecurrent(family: RecurrentFamily, ctx: ResolvedContext, cell: Explanation['formulas']): Explanation {
  const w = recurrentWeights(family, ctx);
  const g = family.gates;
  const steps = ctx.inputs[0]![0] ?? null;
  const T = steps === null ? 'T' : String(steps);
  const seq = bool(ctx.params, 'returnSequences');
  const bias = w.bias > 0;
  const rows = g === 1 ? `${w.units}` : `${g}·${w.units}`;
  const params = w.kernel + w.recurrent + w.bias;
  const perStep = w.width * (w.features + w.units);
  const gateWord = g === 1 ? '' : ` (${g} gate blocks)`;
  const formulas: Explanation['formulas'] = [
    ...cell,
    {
      label: 'All weights as one matrix',
      symbolic: bias ? 'pre-activations = θ·[x_t; h_{t−1}; 1]' : 'pre-activations = θ·[x_t; h_{t−1}]',
      worked: `θ is ${rows}×(${w.features} + ${w.units}${bias ? ' + 1' : ''}) = ${w.width}×${w.features + w.units + (bias ? 1 : 0)}${gateWord}, the same θ at every step`,
    },
    {
      label: 'Output shape',
      symbolic: seq ? 'one h_t per step: [T, units]' : 'only the last state h_T: [units]',
      worked: seq ? `[${steps === null ? '?' : steps}, ${w.units}]` : `[${w.units}]`,
    },
    {
      label: 'Parameters',
      symbolic: bias ? 'gates·units·(F + units + 1)' : 'gates·units·(F + units)',
      worked:
        `${g}·${w.units}·(${w.features} + ${w.units}${bias ? ' + 1' : ''}) = ${thousands(params)}` +
        ` (W ${w.features}×${w.width} = ${thousands(w.kernel)}, U ${w.units}×${w.width} = ${thousands(w.recurrent)}${bias ? `, b ${w.width}` : ''})`,
    },
    {
      label: 'Multiply-accumulates per sample',
      symbolic: 'T·gates·units·(F + units)',
      worked:
        steps === null
          ? `T is variable, so per step: ${g}·${w.units}·(${w.features} + ${w.units}) = ${thousands(perStep)}, times the sequence length`
          : `${T}·${g}·${w.units}·(${w.features} + ${w.units}) = ${thousands(steps * perStep)}`,
    },
    {
      label: 'Backpropagation through time',
      symbolic: '∂L/∂θ = Σ_t ∂L/∂h_t · ∂h_t/∂θ, where ∂L/∂h_t flows back through ∂h_{t+1}/∂h_t, …, ∂h_T/∂h_{T−1}',
      worked:
        `the layer is unrolled into ${T} copies that share the same ${thousands(params)} parameters; ` +
        `the gradient of step 1 passes through ${steps === null ? 'T − 1' : String(Math.max(steps - 1, 0))} Jacobians ∂h_t/∂h_{t−1}, ` +
        `and the ${T} per-step gradients of θ are summed${family.kind === 'SimpleRNN' ? ' (long products of U·tanh′ make them vanish or explode)' : ''}`,
    },
  ];
  const init = str(ctx.params, 'kernelInitializer');
  const variance: Record<string, [string, string]> = {
    glorotUniform: ['Var(W) = 2/(n_in + n_out)', `2/(${w.features} + ${w.width}) = ${fmtNum(2 / (w.features + w.width))}`],
    glorotNormal: ['Var(W) = 2/(n_in + n_out)', `2/(${w.features} + ${w.width}) = ${fmtNum(2 / (w.features + w.width))}`],
    heNormal: ['Var(W) = 2/n_in', `2/${w.features} = ${fmtNum(2 / w.features)}`],
    heUniform: ['Var(W) = 2/n_in', `2/${w.features} = ${fmtNum(2 / w.features)}`],
  };
  const v = variance[init];
  if (v) formulas.push({ label: `Initial weights (${init}); U starts orthogonal`, symbolic: v[0], worked: v[1] });
  const summary =
    `${family.kind} "${ctx.name}" reads ${steps === null ? 'a sequence of any length' : `${steps} time steps`} of ${w.features} feature${w.features === 1 ? '' : 's'}, ` +
    `carrying a state of ${w.units} number${w.units === 1 ? '' : 's'} from step to step, and outputs ` +
    (seq ? `the state after every step ${formatShape(ctx.output)}.` : `only the final state ${formatShape(ctx.output)}.`);
  return { summary, formulas };
}
