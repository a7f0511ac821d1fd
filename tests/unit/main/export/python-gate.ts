/**
 * Python-backed export tests run only where the system Python has the package (CI installs
 * python3-torch and python3-h5py); elsewhere they skip and say why.
 */
import { hasPythonModule, pythonPath } from '../../../../src-main/export/parity/python.js';

/** null when `module` imports; otherwise the printed reason for skipping. */
export async function missingPython(module: string): Promise<string | null> {
  if (await hasPythonModule(module)) return null;
  const reason = `skipped: \`${pythonPath()} -c 'import ${module}'\` fails (install python3-${module === 'torch' ? 'torch' : module})`;
  console.warn(reason);
  return reason;
}
