/**
 * Trained models on disk in the TF.js layers format (model.json + one weights.bin), written and
 * read without tfjs-node's file:// handler. The files are exactly what `tf.loadLayersModel` reads
 * from a URL, so the TF.js export and the browser can use them as they are.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { KERAS_CLASS_TO_TYPE } from '../../../src-shared/layers/catalog.js';
import { registerCustomLayers } from './custom-layers.js';

const MODEL_FILE = 'model.json';
const WEIGHTS_FILE = 'weights.bin';

/** Saves the model with its current weights into `dir` (created if needed). */
export async function saveModel(model: tf.LayersModel, dir: string): Promise<void> {
  await model.save(tf.io.withSaveHandler((artifacts) => writeArtifacts(dir, artifacts)));
}

/** Saves the model's topology with other weights (e.g. a best-epoch snapshot) into `dir`. */
export async function saveModelWithWeights(
  model: tf.LayersModel,
  weights: { name: string; tensor: tf.Tensor }[],
  dir: string,
): Promise<void> {
  const { data, specs } = await tf.io.encodeWeights(weights);
  await writeArtifacts(dir, {
    modelTopology: model.toJSON(null, false) as tf.io.ModelArtifacts['modelTopology'],
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    weightSpecs: specs,
    weightData: data,
  });
}

/** Writes artifacts as model.json + weights.bin; model.json goes last (and atomically) so it never points at missing weights. */
async function writeArtifacts(dir: string, artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
  await mkdir(dir, { recursive: true });
  const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology!,
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs ?? [] }],
  };
  await writeAtomic(path.join(dir, WEIGHTS_FILE), weights);
  await writeAtomic(path.join(dir, MODEL_FILE), JSON.stringify(modelJson));
  return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
}

/** Writes via a temporary file and rename, so readers see the old file or the new one, never half. */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** Catalog layer types of a saved model (from model.json alone), for choosing a backend before loading it. */
export async function savedLayerTypes(dir: string): Promise<string[]> {
  const modelJson = JSON.parse(await readFile(path.join(dir, MODEL_FILE), 'utf8')) as {
    modelTopology?: { config?: { layers?: { class_name: string }[] } };
  };
  const classes = (modelJson.modelTopology?.config?.layers ?? []).map((l) => l.class_name);
  return [...new Set(classes.map((c) => KERAS_CLASS_TO_TYPE.get(c) ?? c))];
}

/** Loads a model saved by `saveModel` (or any TF.js layers model whose weight files sit beside model.json). */
export async function loadSavedModel(dir: string): Promise<tf.LayersModel> {
  registerCustomLayers();
  const modelJson = JSON.parse(await readFile(path.join(dir, MODEL_FILE), 'utf8')) as tf.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const buffers = await Promise.all(
      manifest
        .flatMap((group) => group.paths)
        .map(async (p) => {
          const bytes = await readFile(path.join(dir, p));
          return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        }),
    );
    return [specs, tf.io.CompositeArrayBuffer.join(buffers)];
  });
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}
