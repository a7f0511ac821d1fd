/**
 * The short texts a node card shows: its key parameters ("128 · relu", "3×3 · 32 · same") and
 * shapes in the compact form people write on whiteboards ("26×26×32").
 */
import type { LayerType } from '../../src-shared/layers/catalog.js';
import type { Params, Shape } from '../../src-shared/layers/types.js';

/** `26×26×32`; `?` for a dimension unknown until run time; `scalar` for rank 0. */
export function formatDims(shape: Shape): string {
  return shape.length === 0 ? 'scalar' : shape.map((d) => (d === null ? '?' : String(d))).join('×');
}

const list = (p: Params, key: string): readonly (number | null)[] => (Array.isArray(p[key]) ? (p[key] as (number | null)[]) : []);
const dims = (p: Params, key: string): string =>
  list(p, key)
    .map((d) => (d === null ? '?' : String(d)))
    .join('×');
const val = (p: Params, key: string): string => String(p[key] ?? '');
const join = (...parts: (string | false | null | undefined)[]): string => parts.filter((x): x is string => !!x).join(' · ');
/** Strides worth mentioning: anything but 1 (and 0, which pooling reads as "same as the pool"). */
const stride = (p: Params, key: string): string | null => {
  const s = p[key];
  const values = Array.isArray(s) ? (s as number[]) : [s as number];
  return values.every((v) => v === 1 || v === 0) ? null : `stride ${values.join('×')}`;
};
const act = (p: Params): string | null => (p.activation === 'linear' ? null : val(p, 'activation'));
const conv = (p: Params): string =>
  join(dims(p, 'kernelSize') || val(p, 'kernelSize'), val(p, 'filters'), stride(p, 'strides'), val(p, 'padding'), act(p));
const pool = (p: Params): string => join(dims(p, 'poolSize') || val(p, 'poolSize'), stride(p, 'strides'), val(p, 'padding'));
const rnn = (p: Params): string => join(val(p, 'units'), val(p, 'activation'), p.returnSequences === true && 'sequences');
const global = (p: Params): string => (p.keepdims === true ? 'keepdims' : '');
const none = (): string => '';

const KEY_PARAMS: Record<LayerType, (p: Params) => string> = {
  Input: (p) => val(p, 'dataKind'),
  Dense: (p) => join(val(p, 'units'), val(p, 'activation')),
  Activation: (p) => val(p, 'activation'),
  Dropout: (p) => `rate ${val(p, 'rate')}`,
  Flatten: none,
  Reshape: (p) => `→ ${dims(p, 'targetShape')}`,
  Rescaling: (p) => join(`×${Number(Number(p.scale).toPrecision(3))}`, Number(p.offset) !== 0 && `+${val(p, 'offset')}`),
  BatchNormalization: (p) => `momentum ${val(p, 'momentum')}`,
  LayerNormalization: (p) => `ε ${val(p, 'epsilon')}`,
  Conv2D: conv,
  DepthwiseConv2D: (p) => join(dims(p, 'kernelSize'), `×${val(p, 'depthMultiplier')}`, stride(p, 'strides'), val(p, 'padding'), act(p)),
  SeparableConv2D: conv,
  Conv1D: conv,
  MaxPooling2D: pool,
  AveragePooling2D: pool,
  GlobalAveragePooling2D: global,
  GlobalMaxPooling2D: global,
  MaxPooling1D: pool,
  AveragePooling1D: pool,
  GlobalAveragePooling1D: global,
  GlobalMaxPooling1D: global,
  ZeroPadding2D: (p) => `pad ${list(p, 'padding').join(',')}`,
  Cropping2D: (p) => `crop ${list(p, 'cropping').join(',')}`,
  UpSampling2D: (p) => join(`×${dims(p, 'size')}`, val(p, 'interpolation')),
  SimpleRNN: rnn,
  LSTM: rnn,
  GRU: rnn,
  Embedding: (p) => `${val(p, 'inputDim')} → ${val(p, 'outputDim')}`,
  Concatenate: (p) => `axis ${val(p, 'axis')}`,
  Add: none,
  Subtract: none,
  Multiply: none,
  Average: none,
  Maximum: none,
};

/** The one-line parameter summary under a node's title. */
export function describeKeyParams(type: LayerType, params: Params): string {
  return KEY_PARAMS[type](params);
}
