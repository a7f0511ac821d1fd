/**
 * Input: where samples enter the network. Its `shape` is per sample; Keras adds the batch
 * dimension (`batch_input_shape: [null, ...shape]`). `dataKind` fixes the rank and the dtype.
 */
import { batchShapeFromKeras, fail, formatShape, ok, sizeOf, str } from '../common.js';
import type { Dim, LayerSpec, Params, Shape } from '../types.js';
import { bad, dtypeName, dimsCross, dimsProduct, fmtInt, good, screenOptions, show, type Read } from './core-keras.js';

const DATA_KINDS = ['image', 'vector', 'sequence', 'tokens'] as const;
type DataKind = (typeof DATA_KINDS)[number];

/** The rank each data kind needs, and how its dims read, for messages and explanations. */
const KIND_INFO: Record<DataKind, { rank: number; dims: string; noun: string }> = {
  image: { rank: 3, dims: 'H×W×C', noun: 'an image' },
  vector: { rank: 1, dims: 'F', noun: 'a feature vector' },
  sequence: { rank: 2, dims: 'T×F', noun: 'a sequence' },
  tokens: { rank: 1, dims: 'T', noun: 'a token-id sequence' },
};

/** Inverse of the rank rule, for the repair and for import; vectors and tokens share rank 1. */
function kindForRank(rank: number, integer: boolean): DataKind | null {
  if (rank === 1) return integer ? 'tokens' : 'vector';
  if (rank === 2) return 'sequence';
  if (rank === 3) return 'image';
  return null;
}

const asKind = (p: Params): DataKind => str(p, 'dataKind') as DataKind;
const shapeOf = (p: Params): Shape => p.shape as readonly Dim[];

/** The Input layer: no incoming edges; its output is the per-sample shape the user declares. */
export const inputSpec: LayerSpec<'Input'> = {
  kind: 'Input',
  label: 'Input',
  category: 'input',
  help: 'Where samples enter: an image (H×W×C), a vector (F), a sequence (T×F) or integer token ids (T).',
  params: {
    dataKind: {
      kind: 'enum',
      label: 'Data kind',
      help: 'image: H×W×C; vector: F features; sequence: T steps × F features; tokens: T integer ids (feed an Embedding).',
      default: 'image',
      options: DATA_KINDS,
    },
    shape: {
      kind: 'ints',
      label: 'Shape',
      help: 'Per-sample shape without the batch dimension, e.g. 28, 28, 1. Leave a dimension empty (unknown) for variable-length sequences.',
      default: [28, 28, 1],
      minLength: 1,
      maxLength: 3,
      min: 1,
      allowNull: true,
    },
  },
  arity: { min: 0, max: 0 },

  inferShape(ctx) {
    const kind = asKind(ctx.params);
    const shape = shapeOf(ctx.params);
    const info = KIND_INFO[kind];
    if (shape.length !== info.rank) {
      const fits = kindForRank(shape.length, kind === 'tokens');
      const repair = fits
        ? { kind: 'set-param' as const, label: `Set data kind to "${fits}"`, nodeId: ctx.nodeId, param: 'dataKind', value: fits }
        : undefined;
      return fail(
        ctx,
        'RANK_MISMATCH',
        `Input "${ctx.name}" is ${info.noun} (${info.dims}) and needs ${info.rank} dimension${info.rank > 1 ? 's' : ''} but its shape is ${formatShape(shape)}`,
        repair,
      );
    }
    return ok(shape);
  },

  countParams: () => ({ trainable: 0, nonTrainable: 0 }),
  macs: () => 0,

  keras: {
    classNames: ['InputLayer'],
    toKeras(p) {
      return {
        class_name: 'InputLayer',
        config: { batch_input_shape: [null, ...shapeOf(p)], dtype: asKind(p) === 'tokens' ? 'int32' : 'float32', sparse: false },
      };
    },
    fromKeras(layer) {
      const c = layer.config;
      const warnings: string[] = [];
      const screened = screenOptions('InputLayer', c, ['sparse', 'ragged'], warnings);
      if (screened) return { ok: false, error: screened };
      if (c.sparse === true) return { ok: false, error: 'InputLayer: sparse=true is not supported' };
      if (c.ragged === true) return { ok: false, error: 'InputLayer: ragged=true is not supported' };
      const shape = readShape(c);
      if (!shape.ok) return { ok: false, error: `InputLayer: ${shape.error}` };
      const dtype = dtypeName(c.dtype) ?? 'float32';
      const integer = /^u?int/.test(dtype);
      const kind = kindForRank(shape.value.length, integer);
      if (!kind) {
        return {
          ok: false,
          error: `InputLayer: shape ${formatShape(shape.value)} has rank ${shape.value.length}; inputs here are images (H×W×C), vectors (F), sequences (T×F) or token ids (T)`,
        };
      }
      if (dtype !== 'float32' && kind !== 'tokens') warnings.push(`InputLayer: dtype ${dtype} is read as float32`);
      const params: Params = { dataKind: kind, shape: shape.value };
      return warnings.length > 0 ? { ok: true, params, warnings } : { ok: true, params };
    },
  },

  explain(ctx) {
    const shape = shapeOf(ctx.params);
    const info = KIND_INFO[asKind(ctx.params)];
    const size = sizeOf(shape);
    const perSample = size === null ? 'a variable number of' : fmtInt(size);
    return {
      summary: `Input "${ctx.name}" feeds ${info.noun} of shape ${dimsCross(shape)} (${info.dims}) into the network: ${perSample} values per sample. Keras adds the batch dimension in front: [null, ${shape.map((d) => (d === null ? 'null' : String(d))).join(', ')}].`,
      formulas: [
        {
          label: 'Values per sample',
          symbolic: info.dims.split('×').join('·'),
          worked:
            size === null
              ? `${dimsProduct(shape)} (a ? dimension is known only when data arrives)`
              : `${dimsProduct(shape)} = ${fmtInt(size)}`,
        },
      ],
    };
  },
};

/** The per-sample shape from Keras 2 `batch_input_shape` or Keras 3 `batch_shape`, checked. */
function readShape(config: Record<string, unknown>): Read<Dim[]> {
  const shape = batchShapeFromKeras(config);
  if (!shape) return bad('has no batch_input_shape or batch_shape');
  const wrong = shape.find((d) => d !== null && !(Number.isInteger(d) && d >= 1));
  return wrong === undefined ? good(shape) : bad(`shape dimension ${show(wrong)} is not a positive integer or null`);
}
