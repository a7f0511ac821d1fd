/**
 * Runs exported PyTorch models (model.py + weights.npz) in the system Python's torch on held-out
 * samples: inputs go in as .npy files, outputs come back as .npy files. Several exports can share
 * one Python process (importing torch costs seconds).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeNpy, encodeNpy } from '../pytorch/npz.js';
import type { Predictions, SampleSet } from './compare.js';
import { runPython } from './python.js';

/** For each job: load model.py by path (no sys.path games), run eval() forward without gradients. */
const PREDICT_SCRIPT = `
import importlib.util, json, sys
import numpy as np
import torch
torch.set_num_threads(2)
for i, job in enumerate(json.load(open(sys.argv[1]))):
    spec = importlib.util.spec_from_file_location(f"netwright_exported_model_{i}", job["model"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    model = module.load_weights(module.NetwrightModel(), job["weights"]).eval()
    with torch.no_grad():
        y = model(torch.from_numpy(np.load(job["inputs"])))
    np.save(job["outputs"], y.numpy().astype(np.float32))
`;

/** A PyTorch export directory and the samples to run through it. */
export interface TorchJob {
  dir: string;
  samples: SampleSet;
}

/** Outputs of each job's model; throws with Python's last error lines on failure. */
export async function predictWithTorchMany(jobs: TorchJob[]): Promise<Predictions[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'netwright-torch-'));
  try {
    const manifest = await Promise.all(
      jobs.map(async ({ dir, samples }, i) => {
        const inputs = path.join(work, `inputs-${i}.npy`);
        await writeFile(inputs, encodeNpy({ shape: [samples.count, ...samples.shape], data: samples.x }));
        return { model: path.join(dir, 'model.py'), weights: path.join(dir, 'weights.npz'), inputs, outputs: path.join(work, `outputs-${i}.npy`) };
      }),
    );
    const manifestFile = path.join(work, 'jobs.json');
    await writeFile(manifestFile, JSON.stringify(manifest));
    const r = await runPython(['-c', PREDICT_SCRIPT, manifestFile]);
    if (r.code !== 0) throw new Error(`PyTorch could not run the exported model: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    return Promise.all(
      manifest.map(async (job, i) => {
        const { data } = decodeNpy(await readFile(job.outputs));
        const count = jobs[i]!.samples.count;
        return { data, count, units: count === 0 ? 0 : data.length / count };
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Outputs of the exported model in `dir` for `samples`. */
export async function predictWithTorch(dir: string, samples: SampleSet): Promise<Predictions> {
  return (await predictWithTorchMany([{ dir, samples }]))[0]!;
}
