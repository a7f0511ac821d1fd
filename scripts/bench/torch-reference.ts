/**
 * PyTorch reference figures (Debian's python3-torch, CPU) for the bench, or the reason there are
 * none. Uses OpenBLAS-openmp when installed: with the reference BLAS Debian pulls in by default,
 * dense layers run ~14x slower and the comparison would flatter us.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PYTHON = '/usr/bin/python3';
const OPENBLAS_OPENMP = '/usr/lib/x86_64-linux-gnu/openblas-openmp';
const SCRIPT = fileURLToPath(new URL('./torch_bench.py', import.meta.url));

export type TorchReference =
  { ok: true; torch: string; threads: number; blas: string; mlp: number; cnn: number } | { ok: false; why: string };

const run = promisify(execFile);

/** Runs torch_bench.py (MLP and small CNN, batch 64, 2 threads) and returns its medians. */
export async function measureTorch(chunks = 5): Promise<TorchReference> {
  if (!existsSync(PYTHON)) return { ok: false, why: `${PYTHON} does not exist` };
  try {
    await run(PYTHON, ['-c', 'import torch']);
  } catch {
    return { ok: false, why: `${PYTHON} cannot import torch (install it with: apt-get install -y python3-torch libopenblas0-openmp)` };
  }
  const openblas = existsSync(OPENBLAS_OPENMP);
  const env = { ...process.env, ...(openblas ? { LD_LIBRARY_PATH: OPENBLAS_OPENMP } : {}) };
  try {
    const { stdout } = await run(PYTHON, [SCRIPT, String(chunks)], { env, timeout: 120_000 });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as { torch: string; threads: number; mlp: number; cnn: number };
    return {
      ok: true,
      torch: r.torch,
      threads: r.threads,
      blas: openblas ? 'OpenBLAS (openmp)' : 'reference BLAS (slow: install libopenblas0-openmp)',
      mlp: r.mlp,
      cnn: r.cnn,
    };
  } catch (e) {
    return { ok: false, why: `torch_bench.py failed: ${(e as Error).message.split('\n')[0]}` };
  }
}
