/**
 * The TF.js layers format on disk: model.json (topology + weightsManifest) and weight shards
 * `group1-shardKofN.bin` of at most 4 MB, the layout the tfjs converter writes and
 * `tf.loadLayersModel('file://…/model.json')` (or an http URL) reads.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { rewriteForStockTfjs } from './rewrite.js';

/** The converter's default shard size. */
const SHARD_BYTES = 4 * 1024 * 1024;

/** Saves `model` into `dir`; returns the model.json path and notes on rewritten layers. */
export async function exportTfjs(model: tf.LayersModel, dir: string): Promise<{ file: string; notes: string[] }> {
  await mkdir(dir, { recursive: true });
  let notes: string[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData === undefined ? new ArrayBuffer(0) : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      const count = Math.max(1, Math.ceil(weights.byteLength / SHARD_BYTES));
      const paths = Array.from({ length: count }, (_, i) => `group1-shard${i + 1}of${count}.bin`);
      for (let i = 0; i < count; i++) {
        await writeFile(path.join(dir, paths[i]!), new Uint8Array(weights.slice(i * SHARD_BYTES, (i + 1) * SHARD_BYTES)));
      }
      const rewritten = rewriteForStockTfjs(artifacts.modelTopology);
      notes = rewritten.notes;
      const json = {
        format: 'layers-model',
        generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: 'Netwright export',
        modelTopology: rewritten.topology,
        weightsManifest: [{ paths, weights: artifacts.weightSpecs ?? [] }],
      };
      await writeFile(path.join(dir, 'model.json'), JSON.stringify(json));
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return { file: path.join(dir, 'model.json'), notes };
}

/** An IOHandler reading model.json and its shards from disk (tfjs's own file:// loader needs tfjs-node). */
export function fileLoader(modelJsonPath: string): tf.io.IOHandler {
  return {
    async load() {
      const json = JSON.parse(await readFile(modelJsonPath, 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const buffers: ArrayBuffer[] = [];
        for (const group of manifest) {
          for (const p of group.paths) {
            const bytes = await readFile(path.join(path.dirname(modelJsonPath), p));
            buffers.push(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
          }
        }
        return [manifest.flatMap((g) => g.weights), tf.io.CompositeArrayBuffer.join(buffers)];
      });
    },
  };
}

/** Loads an exported (or saved) TF.js layers model from its model.json path. */
export async function loadTfjsModel(modelJsonPath: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileLoader(modelJsonPath));
}
