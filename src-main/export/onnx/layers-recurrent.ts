/**
 * SimpleRNN, LSTM and GRU as ONNX RNN/LSTM/GRU ops. ONNX's layout=0 wants [T, N, F] and returns
 * Y [T, num_directions, N, H] and Y_h [num_directions, N, H], so the batch-first Keras tensor is
 * transposed in, and back out (return_sequences) or Y_h is squeezed (last step only).
 *
 * Gate orders (ONNX operator docs vs Keras recurrent.py / tfjs recurrent.ts):
 *   LSTM: ONNX i, o, f, c  — Keras i, f, c, o  → Keras blocks [0, 3, 1, 2]
 *   GRU:  ONNX z, r, h     — Keras z, r, h     → same order; tfjs has only reset_after = false,
 *         which is ONNX's linear_before_reset = 0 (r multiplies h before the recurrent matmul).
 * Keras has one bias per gate; ONNX has Wb and Rb, whose sum is used, so Rb = 0.
 */
import { parseActivationName, type Act } from '../activations.js';
import { weightOf, type GraphLayer } from '../model-graph.js';
import { gatesToRows, reorderGateBias } from '../weights-util.js';
import { attr } from './builder.js';
import { only, type OnnxEmitter } from './context.js';

/** ONNX's name for an activation inside a recurrent op (defaults supply HardSigmoid 0.2/0.5 and Elu 1, tfjs's values). */
function onnxRecurrentAct(act: Act, layer: GraphLayer): string {
  switch (act.kind) {
    case 'relu':
      return 'Relu';
    case 'sigmoid':
      return 'Sigmoid';
    case 'hardSigmoid':
      return 'HardSigmoid';
    case 'tanh':
      return 'Tanh';
    case 'elu':
      if (act.alpha !== 1) break;
      return 'Elu';
    default:
      break;
  }
  throw new Error(`${layer.className} "${layer.name}": ONNX recurrent ops cannot apply ${act.kind} inside the cell`);
}

interface CellSpec {
  op: 'RNN' | 'LSTM' | 'GRU';
  gates: number;
  /** Keras gate blocks in ONNX order. */
  order: number[];
}

const CELLS: Record<'SimpleRNN' | 'LSTM' | 'GRU', CellSpec> = {
  SimpleRNN: { op: 'RNN', gates: 1, order: [0] },
  LSTM: { op: 'LSTM', gates: 4, order: [0, 3, 1, 2] },
  GRU: { op: 'GRU', gates: 3, order: [0, 1, 2] },
};

/** Emits one recurrent layer (batch-first in, batch-first out). */
export function emitRecurrent(kind: 'SimpleRNN' | 'LSTM' | 'GRU'): OnnxEmitter {
  const cell = CELLS[kind];
  return (ctx) => {
    const { b, layer } = ctx;
    const c = layer.config;
    const where = `${layer.className} "${layer.name}"`;
    if (c.stateful === true || c.return_state === true) throw new Error(`${where}: stateful / return_state do not export`);
    if (kind === 'GRU' && c.reset_after === true) throw new Error(`${where}: reset_after = true is not what tfjs trains`);
    const units = Number(c.units);
    const act = onnxRecurrentAct(parseActivationName(c.activation ?? 'tanh', where), layer);
    const acts = kind === 'SimpleRNN' ? [act] : [onnxRecurrentAct(parseActivationName(c.recurrent_activation ?? 'sigmoid', where), layer), act];
    if (kind === 'LSTM') acts.push(act); // h: applied to the cell state before the output gate
    const kernel = weightOf(layer, 'kernel');
    const recurrent = weightOf(layer, 'recurrent_kernel');
    const features = kernel.shape[0]!;
    const rows = cell.gates * units;
    const w = b.floats(`${layer.name}/W`, [1, rows, features], gatesToRows(kernel, cell.gates, cell.order));
    const r = b.floats(`${layer.name}/R`, [1, rows, units], gatesToRows(recurrent, cell.gates, cell.order));
    const inputs = [w, r];
    if (c.use_bias !== false) {
      const bias = new Float32Array(2 * rows);
      bias.set(reorderGateBias(weightOf(layer, 'bias').data, cell.gates, cell.order));
      inputs.push(b.floats(`${layer.name}/B`, [1, 2 * rows], bias));
    }

    let x = only(ctx);
    if (c.go_backwards === true) {
      // Keras walks the steps last to first and emits outputs in that walking order: reverse the input.
      const rev = (name: string, v: (number | bigint)[]) => b.int64s(`${layer.name}/${name}`, v);
      x = b.op('Slice', [x, rev('rev_start', [-1]), rev('rev_end', [-(2n ** 63n) + 1n]), rev('rev_axis', [1]), rev('rev_step', [-1])], `${layer.name}/reversed`);
    }
    const timeMajor = b.op('Transpose', [x], `${layer.name}/time_major`, { perm: attr.ints([1, 0, 2]) });
    const y = b.fresh(`${layer.name}/Y`);
    const yh = b.fresh(`${layer.name}/Y_h`);
    const attrs = {
      hidden_size: attr.int(units),
      activations: attr.strs(acts),
      ...(kind === 'GRU' ? { linear_before_reset: attr.int(0) } : {}),
    };
    b.opMulti(cell.op, [timeMajor, ...inputs], [y, yh], layer.name, attrs);
    if (c.return_sequences === true) {
      const squeezed = b.op('Squeeze', [y, b.int64s(`${layer.name}/dir_axis`, [1])], `${layer.name}/Y_seq`);
      b.op('Transpose', [squeezed], `${layer.name}/batch_major`, { perm: attr.ints([1, 0, 2]) }, ctx.out);
    } else {
      b.op('Squeeze', [yh, b.int64s(`${layer.name}/dir_axis`, [0])], `${layer.name}/last`, {}, ctx.out);
    }
  };
}
