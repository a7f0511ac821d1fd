/**
 * The vocabulary every layer spec is written in.
 * Shapes here are per-sample (the batch dimension is left out); `null` is a dimension
 * unknown until run time (a variable-length sequence). Keras's output shape is `[null, ...shape]`.
 */
import type { Finding } from '../graph/findings.js';

export type Dim = number | null;
export type Shape = readonly Dim[];

export type LayerCategory =
  | 'input'
  | 'core'
  | 'activation'
  | 'convolution'
  | 'pooling'
  | 'normalization'
  | 'regularization'
  | 'reshape'
  | 'recurrent'
  | 'embedding'
  | 'merge';

/** One parameter a user can set: drives the inspector, validation and import. */
export type ParamSpec =
  | { kind: 'int'; label: string; help: string; default: number; min?: number; max?: number }
  | { kind: 'float'; label: string; help: string; default: number; min?: number; max?: number; minExclusive?: boolean }
  | { kind: 'bool'; label: string; help: string; default: boolean }
  | { kind: 'enum'; label: string; help: string; default: string; options: readonly string[] }
  /** A list of positive integers, e.g. a kernel size or a Reshape target; `length` fixes its size. */
  | {
      kind: 'ints';
      label: string;
      help: string;
      default: readonly number[];
      length?: number;
      minLength?: number;
      maxLength?: number;
      min?: number;
      /** Reshape's single inferred dimension. */
      allowMinusOne?: boolean;
      /** Input's variable-length dimensions (Keras `None`). */
      allowNull?: boolean;
    };

export type ParamValue = number | boolean | string | readonly (number | null)[];
export type Params = Record<string, ParamValue>;

/** What a layer's shape rule sees: its node, its input shapes in edge order, its params. */
export interface ShapeContext {
  nodeId: string;
  name: string;
  inputs: readonly Shape[];
  params: Params;
}

/** `findings` on success are warnings about a legal but likely unintended wiring. */
export type ShapeResult = { ok: true; shape: Shape; findings?: Finding[] } | { ok: false; findings: Finding[] };

export interface ParamCount {
  trainable: number;
  nonTrainable: number;
}

/** Context handed to counters and the explainer once the output shape is known. */
export interface ResolvedContext extends ShapeContext {
  output: Shape;
}

/** A Keras layer as it appears in model JSON (`{class_name, config}`). */
export interface KerasLayerJson {
  class_name: string;
  config: Record<string, unknown>;
}

/** The result of mapping a Keras config back onto our params. */
export type FromKerasResult =
  /** `warnings` name options that were dropped because they do not change shapes or the forward pass (e.g. a constraint). */
  | { ok: true; params: Params; warnings?: string[] }
  | { ok: false; error: string };

export interface KerasMapping {
  /** Keras class names this spec imports (the first is the usual one it compiles to). */
  classNames: readonly string[];
  /**
   * The Keras layer without `name`, `trainable`, `dtype` and `batch_input_shape` (the compiler adds them).
   * Returns a class name too because one of our layers can map to different Keras classes
   * (Activation "leakyRelu" is Keras's LeakyReLU layer).
   */
  toKeras(params: Params, ctx: { inputShapes: readonly Shape[] }): KerasLayerJson;
  /** Inverse of toKeras. For Input the per-sample shape arrives as params.shape. */
  fromKeras(layer: KerasLayerJson): FromKerasResult;
}

/** A worked formula: the symbolic rule and the same rule with the user's numbers. */
export interface Explanation {
  summary: string;
  formulas: { label: string; symbolic: string; worked?: string }[];
}

export interface LayerSpec<K extends string = string> {
  kind: K;
  label: string;
  category: LayerCategory;
  /** One sentence for the palette tooltip. */
  help: string;
  params: Record<string, ParamSpec>;
  /** How many incoming edges the layer takes; max `Infinity` for merges. */
  arity: { min: number; max: number };
  inferShape(ctx: ShapeContext): ShapeResult;
  countParams(ctx: ResolvedContext): ParamCount;
  /** Forward multiply-accumulates per sample. */
  macs(ctx: ResolvedContext): number;
  keras: KerasMapping;
  explain(ctx: ResolvedContext): Explanation;
  /** Optional extra checks on params that need more than their range (e.g. zeros init). */
  lint?(ctx: ResolvedContext): Finding[];
}
