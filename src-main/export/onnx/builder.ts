/**
 * A small ONNX graph builder on top of onnx-proto (protobufjs): nodes, initializers and attributes
 * with unique names, serialized to a ModelProto. Only what the Keras→ONNX mapping needs.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;
type AttrValue = { i: number } | { f: number } | { ints: number[] } | { floats: number[] } | { s: string } | { strings: string[] };

/** Attribute helpers: ONNX distinguishes ints from floats, JavaScript numbers do not. */
export const attr = {
  int: (i: number): AttrValue => ({ i }),
  float: (f: number): AttrValue => ({ f }),
  ints: (ints: number[]): AttrValue => ({ ints }),
  floats: (floats: number[]): AttrValue => ({ floats }),
  str: (s: string): AttrValue => ({ s }),
  strs: (strings: string[]): AttrValue => ({ strings }),
};

/** The opset the exporter targets: 17 has LayerNormalization and is the newest onnx 1.12 checks. */
export const OPSET = 17;

const TYPE = onnx.AttributeProto.AttributeType;
const FLOAT = onnx.TensorProto.DataType.FLOAT;
const INT64 = onnx.TensorProto.DataType.INT64;
const INT32 = onnx.TensorProto.DataType.INT32;

/** A graph input or output: name, element type and dims (a string is a symbolic dim such as "N"). */
export interface ValueSpec {
  name: string;
  dtype: 'float32' | 'int32';
  dims: (number | string)[];
}

/** Collects nodes and initializers; `finish` produces the serialized model. */
export class OnnxBuilder {
  private readonly nodes: onnxProto.onnx.INodeProto[] = [];
  private readonly initializers: onnxProto.onnx.ITensorProto[] = [];
  private readonly used = new Set<string>();

  /** A tensor name not used yet, derived from `base` ("conv1/pad", "conv1/pad_1", …). */
  fresh(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Reserves an exact name (graph inputs and layer outputs) so `fresh` never reuses it. */
  reserve(name: string): string {
    if (this.used.has(name)) throw new Error(`ONNX tensor name "${name}" is used twice`);
    this.used.add(name);
    return name;
  }

  /** A float32 initializer (weights), stored as raw little-endian bytes. */
  floats(base: string, dims: number[], data: Float32Array | number[]): string {
    const name = this.fresh(base);
    const values = data instanceof Float32Array ? data : Float32Array.from(data);
    if (values.length !== dims.reduce((a, b) => a * b, 1)) throw new Error(`initializer ${name}: ${values.length} values for dims [${dims.join(', ')}]`);
    this.initializers.push({ name, dims, dataType: FLOAT, rawData: bytes(values) });
    return name;
  }

  /** An int64 initializer (shapes, pads, axes: ONNX wants int64 for these). */
  int64s(base: string, values: (number | bigint)[]): string {
    const name = this.fresh(base);
    const data = BigInt64Array.from(values.map((v) => BigInt(v)));
    this.initializers.push({ name, dims: [values.length], dataType: INT64, rawData: bytes(data) });
    return name;
  }

  /** Adds a node; returns its output name (`output` exact when given, else fresh from `base`). */
  op(opType: string, inputs: string[], base: string, attrs: Record<string, AttrValue> = {}, output?: string): string {
    const out = output === undefined ? this.fresh(base) : output;
    const attribute = Object.entries(attrs).map(([name, v]) => toAttribute(name, v));
    this.nodes.push({ opType, input: inputs, output: [out], name: this.fresh(`${base}:${opType}`), attribute });
    return out;
  }

  /** Adds a node with several outputs (e.g. LSTM's Y and Y_h); '' leaves an optional output unused. */
  opMulti(opType: string, inputs: string[], outputs: string[], base: string, attrs: Record<string, AttrValue> = {}): void {
    const attribute = Object.entries(attrs).map(([name, v]) => toAttribute(name, v));
    this.nodes.push({ opType, input: inputs, output: outputs, name: this.fresh(`${base}:${opType}`), attribute });
  }

  /** The serialized ModelProto (IR 8, default domain at OPSET). */
  finish(graphName: string, inputs: ValueSpec[], outputs: ValueSpec[], docString: string): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'Netwright',
      producerVersion: '0.1.0',
      docString,
      opsetImport: [{ domain: '', version: OPSET }],
      graph: {
        name: graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: inputs.map(valueInfo),
        output: outputs.map(valueInfo),
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function bytes(a: Float32Array | BigInt64Array): Uint8Array {
  // Copy: the view may share a larger buffer; ONNX raw_data is little-endian, as are the machines we run on.
  return new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
}

function toAttribute(name: string, v: AttrValue): onnxProto.onnx.IAttributeProto {
  if ('i' in v) return { name, type: TYPE.INT, i: v.i };
  if ('f' in v) return { name, type: TYPE.FLOAT, f: v.f };
  if ('ints' in v) return { name, type: TYPE.INTS, ints: v.ints };
  if ('floats' in v) return { name, type: TYPE.FLOATS, floats: v.floats };
  if ('strings' in v) return { name, type: TYPE.STRINGS, strings: v.strings.map((x) => new TextEncoder().encode(x)) };
  return { name, type: TYPE.STRING, s: new TextEncoder().encode(v.s) };
}

function valueInfo(v: ValueSpec): onnxProto.onnx.IValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: v.dtype === 'int32' ? INT32 : FLOAT,
        shape: { dim: v.dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}
