/**
 * Runs the system Python for the checks only Python can do (PyTorch parity, h5py structure).
 * Which interpreter: $NETWRIGHT_PYTHON, else /usr/bin/python3 (Debian's python3-torch and
 * python3-h5py install there; another `python3` earlier on PATH may lack them), else `python3`.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The interpreter the checks use. */
export function pythonPath(): string {
  const fromEnv = process.env.NETWRIGHT_PYTHON;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
}

/** Debian's OpenMP OpenBLAS: PyTorch's dense layers run ~14× faster with it than with the reference BLAS. */
const OPENBLAS_OPENMP = '/usr/lib/x86_64-linux-gnu/openblas-openmp';

/** The environment Python runs with: OpenMP OpenBLAS when installed, two threads (the machine's cores). */
export function pythonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMP_NUM_THREADS: process.env.OMP_NUM_THREADS ?? '2', ...extra };
  if (existsSync(OPENBLAS_OPENMP)) env.LD_LIBRARY_PATH = [OPENBLAS_OPENMP, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  return env;
}

export interface PythonResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `args` with the interpreter (or `command` instead, e.g. torchrun); never throws for a non-zero exit. */
export function runPython(args: string[], options: { cwd?: string; timeoutMs?: number; command?: string } = {}): Promise<PythonResult> {
  return new Promise((resolve) => {
    execFile(
      options.command ?? pythonPath(),
      args,
      { cwd: options.cwd, env: pythonEnv(), timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr: error && !stderr ? error.message : stderr });
      },
    );
  });
}

const moduleCache = new Map<string, Promise<boolean>>();

/** Whether the interpreter can import `module` (cached per process). */
export function hasPythonModule(module: string): Promise<boolean> {
  if (!moduleCache.has(module)) moduleCache.set(module, runPython(['-c', `import ${module}`], { timeoutMs: 60_000 }).then((r) => r.code === 0));
  return moduleCache.get(module)!;
}
