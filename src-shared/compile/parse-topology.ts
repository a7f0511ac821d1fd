/**
 * Reads the many spellings of a Keras model file into one neutral form: a list of layers, each
 * with its calls (the tensors it was applied to), plus the model's inputs and outputs.
 * Handles Keras 2 `to_json()` (Sequential and Functional/"Model"), Keras 3 `to_json()`
 * (keras_history tensors, `batch_shape`, module/registered_name), and TF.js `model.json`
 * (tfjs's own and the Python converter's `model_config` wrapper). Shape errors name the JSON path.
 */
import type { ImportOrigin } from '../graph/document.js';

/** One output tensor of one call of a layer. */
export interface TensorRef {
  layer: string;
  node: number;
  tensor: number;
}

export interface ParsedLayer {
  name: string;
  className: string;
  config: Record<string, unknown>;
  /** One entry per call of the layer (more than one = a shared layer); each lists its input tensors. */
  calls: TensorRef[][];
  /** Tensors found in keyword arguments (Keras 3 `mask=`, `initial_state=`): not representable. */
  kwargTensors: number;
  /** JSON path of the layer, for messages: `config.layers[3]`. */
  path: string;
}

export interface ParsedModel {
  origin: ImportOrigin;
  name: string | undefined;
  layers: ParsedLayer[];
  inputs: TensorRef[];
  outputs: TensorRef[];
}

export type ParseResult = { ok: true; model: ParsedModel } | { ok: false; error: string };

/** Model classes that may appear as a layer (a nested model). */
export const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

class ParseError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => (v === undefined ? 'missing' : (JSON.stringify(v)?.slice(0, 60) ?? String(v)));

function need<T>(value: unknown, check: (v: unknown) => v is T, path: string, what: string): T {
  if (!check(value)) throw new ParseError(`${path}: expected ${what} but found ${show(value)}`);
  return value;
}
const isArr = (v: unknown): v is unknown[] => Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** Parses any supported model JSON: the parsed value, or the file's text. */
export function parseKerasTopology(json: unknown): ParseResult {
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json) as unknown;
    } catch (e) {
      return { ok: false, error: `The file is not valid JSON: ${(e as Error).message}` };
    }
  }
  try {
    return { ok: true, model: parseRoot(json) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}

function parseRoot(json: unknown): ParsedModel {
  if (!isObj(json)) throw new ParseError(`The file is not a Keras model: expected a JSON object but found ${show(json)}`);
  if ('modelTopology' in json) {
    const topo = need(json.modelTopology, isObj, 'modelTopology', 'an object');
    if ('model_config' in topo) {
      const inner = need(topo.model_config, isObj, 'modelTopology.model_config', 'an object');
      return parseModel(inner, 'modelTopology.model_config', 'tfjs', versionOf(topo) ?? versionOf(inner));
    }
    return parseModel(topo, 'modelTopology', 'tfjs', versionOf(topo));
  }
  return parseModel(json, '', 'keras', versionOf(json));
}

function versionOf(o: Obj): string | undefined {
  return typeof o.keras_version === 'string' ? o.keras_version : undefined;
}

function parseModel(m: Obj, base: string, format: ImportOrigin['format'], kerasVersion: string | undefined): ParsedModel {
  const at = (p: string) => (base ? `${base}.${p}` : p);
  const className = need(m.class_name, isStr, at('class_name'), 'a model class name');
  const origin = (modelClass: ImportOrigin['modelClass']): ImportOrigin =>
    kerasVersion === undefined ? { format, modelClass } : { format, modelClass, kerasVersion };
  if (className === 'Sequential') {
    // Keras < 2.2.3 wrote a Sequential's config as the bare layer list.
    const layers = isArr(m.config) ? m.config : need(m.config, isObj, at('config'), 'an object').layers;
    const path = isArr(m.config) ? at('config') : at('config.layers');
    const name = isObj(m.config) && isStr(m.config.name) ? m.config.name : undefined;
    return { origin: origin('Sequential'), name, ...parseSequential(need(layers, isArr, path, 'a list of layers'), path, m) };
  }
  if (className === 'Functional' || className === 'Model') {
    const config = need(m.config, isObj, at('config'), 'an object');
    return { origin: origin('Functional'), name: isStr(config.name) ? config.name : undefined, ...parseFunctional(config, at('config')) };
  }
  throw new ParseError(`${at('class_name')}: "${className}" is not a model class (expected Sequential, Functional or Model)`);
}

type Graph = Pick<ParsedModel, 'layers' | 'inputs' | 'outputs'>;

function layerBasics(raw: unknown, path: string): { name: string; className: string; config: Obj; entry: Obj } {
  const entry = need(raw, isObj, path, 'a layer object');
  const className = need(entry.class_name, isStr, `${path}.class_name`, 'a layer class name');
  const config = need(entry.config, isObj, `${path}.config`, 'an object');
  const name = entry.name ?? config.name;
  return { name: need(name, isStr, `${path}.config.name`, 'a layer name'), className, config, entry };
}

function parseSequential(list: unknown[], path: string, model: Obj): Graph {
  if (list.length === 0) throw new ParseError(`${path}: the Sequential model has no layers`);
  const layers: ParsedLayer[] = [];
  const first = layerBasics(list[0], `${path}[0]`);
  if (first.className !== 'InputLayer') {
    const shape = sequentialInputShape(first.config, first.entry, model);
    if (shape === null && !MODEL_CLASSES.has(first.className)) {
      throw new ParseError(
        `${path}[0].config.batch_input_shape: the Sequential model has no input shape (no InputLayer, and its first layer "${first.name}" has no batch_input_shape); build the model with an Input before saving it`,
      );
    }
    // Keras and tfjs name the implicit input layer after the first layer.
    const dtype = isStr(first.config.dtype) ? first.config.dtype : 'float32'; // Keras 3 writes a DTypePolicy object
    const config = { batch_input_shape: shape, dtype, name: `${first.name}_input` };
    layers.push({ name: `${first.name}_input`, className: 'InputLayer', config, calls: [], kwargTensors: 0, path: `${path}[0]` });
  }
  list.forEach((raw, i) => {
    const { name, className, config } = layerBasics(raw, `${path}[${i}]`);
    const prev = layers[layers.length - 1];
    const calls = className === 'InputLayer' ? [] : [[{ layer: prev?.name ?? '', node: 0, tensor: 0 }]];
    if (className === 'InputLayer' && i > 0) throw new ParseError(`${path}[${i}]: an InputLayer can only come first in a Sequential model`);
    layers.push({ name, className, config, calls, kwargTensors: 0, path: `${path}[${i}]` });
  });
  const ref = (l: ParsedLayer): TensorRef => ({ layer: l.name, node: 0, tensor: 0 });
  return { layers, inputs: [ref(layers[0]!)], outputs: [ref(layers[layers.length - 1]!)] };
}

/** `[null, 28, 28, 1]` from the first layer (Keras 2/tfjs), its build_config or the model's (Keras 3). */
function sequentialInputShape(config: Obj, entry: Obj, model: Obj): unknown[] | null {
  const modelConfig = isObj(model.config) ? model.config : {};
  const buildConfig = isObj(entry.build_config) ? entry.build_config : {};
  for (const c of [config.batch_input_shape, config.batch_shape, buildConfig.input_shape, modelConfig.build_input_shape]) {
    if (isArr(c)) return c;
  }
  return isArr(config.input_shape) ? [null, ...config.input_shape] : null;
}

function parseFunctional(config: Obj, base: string): Graph {
  const list = need(config.layers, isArr, `${base}.layers`, 'a list of layers');
  const layers = list.map((raw, i): ParsedLayer => {
    const path = `${base}.layers[${i}]`;
    const { name, className, config: c, entry } = layerBasics(raw, path);
    const inbound = need(entry.inbound_nodes ?? [], isArr, `${path}.inbound_nodes`, 'a list');
    let kwargTensors = 0;
    const calls = inbound.map((node, j) => {
      const p = `${path}.inbound_nodes[${j}]`;
      if (isArr(node)) return node.map((r, k) => kerasTwoRef(r, `${p}[${k}]`));
      const call = need(node, isObj, p, 'a list of inputs or an {args, kwargs} object');
      const tensors: TensorRef[] = [];
      collectTensors(need(call.args ?? [], isArr, `${p}.args`, 'a list'), `${p}.args`, tensors);
      const kw: TensorRef[] = [];
      collectTensors(call.kwargs ?? {}, `${p}.kwargs`, kw);
      kwargTensors += kw.length;
      return tensors;
    });
    return { name, className, config: c, calls, kwargTensors, path };
  });
  return {
    layers,
    inputs: modelEnds(config.input_layers, `${base}.input_layers`),
    outputs: modelEnds(config.output_layers, `${base}.output_layers`),
  };
}

/** Keras 2 `["conv2d", 0, 0, {}]` (older files omit the kwargs). */
function kerasTwoRef(raw: unknown, path: string): TensorRef {
  const r = need(raw, isArr, path, 'a ["layer", node, tensor, {}] reference');
  const [layer, node, tensor] = r;
  if (!isStr(layer) || typeof node !== 'number' || typeof tensor !== 'number') {
    throw new ParseError(`${path}: expected a ["layer", node, tensor, {}] reference but found ${show(raw)}`);
  }
  return { layer, node, tensor };
}

/** Keras 3: walks args/kwargs in order and collects every `__keras_tensor__`'s keras_history. */
function collectTensors(value: unknown, path: string, out: TensorRef[]): void {
  if (isArr(value)) return value.forEach((v, i) => collectTensors(v, `${path}[${i}]`, out));
  if (!isObj(value)) return;
  if (value.class_name === '__keras_tensor__') {
    const history = isObj(value.config) ? value.config.keras_history : undefined;
    out.push(kerasTwoRef(history, `${path}.config.keras_history`));
    return;
  }
  for (const [k, v] of Object.entries(value)) collectTensors(v, `${path}.${k}`, out);
}

/** `input_layers` / `output_layers`: a list of refs, or (Keras 3, one tensor) a single flat ref. */
function modelEnds(raw: unknown, path: string): TensorRef[] {
  const list = need(raw, isArr, path, 'a list of ["layer", node, tensor] references');
  if (list.length > 0 && isStr(list[0])) return [kerasTwoRef(list, path)];
  return list.map((r, i) => kerasTwoRef(r, `${path}[${i}]`));
}
