/**
 * Whole-model checks an import runs before mapping any layer: things the document cannot
 * represent (nested models, unknown layer classes, shared layers, multi-output layers, tensors
 * passed as keyword arguments) and references that point nowhere. Each check lists every
 * offender at once, so a user fixes a model in one pass rather than one error at a time.
 */
import { MODEL_CLASSES, type ParsedModel } from './parse-topology.js';

/** The first problem found, as a message naming the layers involved, or null if the model is importable. */
export function checkStructure(model: ParsedModel, isSupported: (className: string) => boolean): string | null {
  return (
    nestedModels(model) ??
    unsupportedClasses(model, isSupported) ??
    duplicateNames(model) ??
    sharedLayers(model) ??
    danglingReferences(model) ??
    unrepresentableCalls(model)
  );
}

function nestedModels(model: ParsedModel): string | null {
  const nested = model.layers.filter((l) => MODEL_CLASSES.has(l.className) || Array.isArray(l.config.layers));
  if (nested.length === 0) return null;
  const list = nested.map((l) => `"${l.name}" (${l.className})`).join(', ');
  return `Nested models are not supported: ${list} ${nested.length === 1 ? 'is a whole model' : 'are whole models'} used as a layer. Rebuild the model with those layers inline (or import the inner model on its own).`;
}

function unsupportedClasses(model: ParsedModel, isSupported: (className: string) => boolean): string | null {
  const byClass = new Map<string, string[]>();
  for (const l of model.layers) {
    if (isSupported(l.className)) continue;
    byClass.set(l.className, [...(byClass.get(l.className) ?? []), l.name]);
  }
  if (byClass.size === 0) return null;
  const list = [...byClass].map(([cls, names]) => `${cls} (${names.join(', ')})`).join(', ');
  return `Unsupported Keras layer classes: ${list}`;
}

function duplicateNames(model: ParsedModel): string | null {
  const seen = new Set<string>();
  for (const l of model.layers) {
    if (seen.has(l.name)) return `${l.path}: the layer name "${l.name}" appears twice; Keras layer names must be unique`;
    seen.add(l.name);
  }
  return null;
}

function sharedLayers(model: ParsedModel): string | null {
  const shared = model.layers.filter((l) => l.calls.length > 1);
  if (shared.length === 0) return null;
  const list = shared.map((l) => `"${l.name}" (${l.className}, applied ${l.calls.length} times)`).join(', ');
  return `Shared layers are not supported: ${list}. Each use of a layer must be its own layer here (with its own weights); duplicate the layer for each use.`;
}

function danglingReferences(model: ParsedModel): string | null {
  const names = new Set(model.layers.map((l) => l.name));
  for (const l of model.layers) {
    if (l.className !== 'InputLayer' && l.calls.length === 0) {
      return `${l.path}.inbound_nodes: layer "${l.name}" is never applied to an input`;
    }
    for (const ref of l.calls[0] ?? []) {
      if (!names.has(ref.layer))
        return `${l.path}.inbound_nodes: layer "${l.name}" takes its input from "${ref.layer}", which is not in the model`;
      if (ref.node !== 0)
        return `${l.path}.inbound_nodes: layer "${l.name}" uses call ${ref.node} of "${ref.layer}", which is applied only once`;
    }
  }
  for (const [what, refs] of [
    ['input_layers', model.inputs],
    ['output_layers', model.outputs],
  ] as const) {
    const missing = refs.find((r) => !names.has(r.layer));
    if (missing) return `config.${what}: "${missing.layer}" is not a layer of the model`;
  }
  return null;
}

function unrepresentableCalls(model: ParsedModel): string | null {
  for (const l of model.layers) {
    const multi = (l.calls[0] ?? []).find((r) => r.tensor !== 0);
    if (multi) {
      return `Layer "${l.name}" (${l.className}) uses output ${multi.tensor} of "${multi.layer}"; layers with several outputs are not supported`;
    }
    if (l.kwargTensors > 0) {
      return `Layer "${l.name}" (${l.className}) receives tensors as keyword arguments (such as mask or initial_state), which is not supported`;
    }
  }
  return null;
}
