/**
 * Activation functions as the exporters see them: one small vocabulary covering the `activation`
 * strings of Dense/Conv/RNN configs and the Activation-family layers (ReLU, LeakyReLU, Softmax, ELU).
 * Formulas are tfjs-layers 4.22's (src/activations.ts, backend/tfjs_backend.ts).
 */
import type { GraphLayer } from './model-graph.js';

/** A function every exporter knows how to write. */
export type Act =
  | { kind: 'linear' }
  | { kind: 'relu' }
  /** min(max(x, 0), 6): Keras ReLU(max_value=6). */
  | { kind: 'relu6' }
  | { kind: 'sigmoid' }
  /** tfjs hardSigmoid: clip(0.2·x + 0.5, 0, 1) (not PyTorch's x/6 + 1/2). */
  | { kind: 'hardSigmoid' }
  | { kind: 'tanh' }
  /** Over the last axis. */
  | { kind: 'softmax' }
  /** x > 0 ? x : alpha·(eˣ − 1). */
  | { kind: 'elu'; alpha: number }
  /** x > 0 ? x : alpha·x (Keras's LeakyReLU default alpha is 0.3). */
  | { kind: 'leakyRelu'; alpha: number };

/** Reads an `activation` config value ("relu", null, …); throws for names outside the vocabulary. */
export function parseActivationName(value: unknown, where: string): Act {
  const name = value === null || value === undefined ? 'linear' : value;
  switch (name) {
    case 'linear':
    case 'relu':
    case 'relu6':
    case 'sigmoid':
    case 'tanh':
    case 'softmax':
      return { kind: name as 'linear' | 'relu' | 'relu6' | 'sigmoid' | 'tanh' | 'softmax' };
    case 'hard_sigmoid':
    case 'hardSigmoid':
      return { kind: 'hardSigmoid' };
    case 'elu':
      return { kind: 'elu', alpha: 1 };
    default:
      throw new Error(`${where}: activation ${JSON.stringify(value)} is not one the exporters know`);
  }
}

/** The function an Activation-family layer applies (class Activation, ReLU, LeakyReLU, Softmax or ELU). */
export function activationLayerAct(layer: GraphLayer): Act {
  const c = layer.config;
  const where = `${layer.className} "${layer.name}"`;
  switch (layer.className) {
    case 'Activation':
      return parseActivationName(c.activation, where);
    case 'ReLU': {
      if ((c.negative_slope ?? 0) !== 0 || (c.threshold ?? 0) !== 0) throw new Error(`${where}: only plain ReLU or ReLU(max_value=6) export`);
      if (c.max_value === null || c.max_value === undefined) return { kind: 'relu' };
      if (c.max_value === 6) return { kind: 'relu6' };
      throw new Error(`${where}: max_value ${String(c.max_value)} does not export (only 6)`);
    }
    case 'LeakyReLU':
      return { kind: 'leakyRelu', alpha: typeof c.alpha === 'number' ? c.alpha : 0.3 };
    case 'ELU':
      return { kind: 'elu', alpha: typeof c.alpha === 'number' ? c.alpha : 1 };
    case 'Softmax': {
      const axis = Array.isArray(c.axis) ? c.axis[0] : (c.axis ?? -1);
      if (axis !== -1) throw new Error(`${where}: softmax over axis ${String(axis)} does not export (last axis only)`);
      return { kind: 'softmax' };
    }
    default:
      throw new Error(`${where} is not an activation layer`);
  }
}

/** The inline `activation` of a Dense/Conv layer. */
export function inlineAct(layer: GraphLayer): Act {
  return parseActivationName(layer.config.activation, `${layer.className} "${layer.name}"`);
}
