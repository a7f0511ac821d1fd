/**
 * model:import: a Keras `model.to_json()` or TF.js `model.json`, by path (dialog, file browser)
 * or by content (a file dropped on the browser page), becomes a new project document.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { importKerasModel } from '../../src-shared/compile/from-keras.js';
import type { CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import { ApiFailure } from './api-failure.js';
import type { PathPolicy } from './path-policy.js';

/** Model topologies are small; weights are never read here. */
export const MAX_MODEL_BYTES = 50 * 1024 * 1024;

export type ModelHandlers = {
  'model:import': (request: CallRequest<'model:import'>) => Promise<CallResponse<'model:import'>>;
};

/** Creates the model:import handler. */
export function createModelHandlers(paths: PathPolicy): ModelHandlers {
  return {
    async 'model:import'(request) {
      if ('path' in request) {
        const file = await paths.resolve(request.path, 'existing');
        const info = await stat(file);
        if (!info.isFile()) throw new ApiFailure('BAD_REQUEST', `${request.path} is not a file`);
        if (info.size > MAX_MODEL_BYTES) throw new ApiFailure('INVALID_MODEL', `${path.basename(file)}: ${info.size} bytes is too large for a model topology`);
        return importText(await readFile(file, 'utf8'), path.basename(file));
      }
      return importText(request.text, path.basename(request.fileName));
    },
  };
}

/** Parses and imports; every failure is INVALID_MODEL with the importer's own message. */
export function importText(text: string, fileName: string): CallResponse<'model:import'> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ApiFailure('INVALID_MODEL', `${fileName}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if ((raw as { format?: unknown } | null)?.format === 'netwright-project') {
    throw new ApiFailure('INVALID_MODEL', `${fileName} is a Netwright project, not a Keras model: open it instead of importing it`);
  }
  const imported = importKerasModel(raw, { name: fileName.replace(/\.json$/i, '') || undefined });
  if (!imported.ok) throw new ApiFailure('INVALID_MODEL', `${fileName}: ${imported.error}`);
  return { doc: imported.doc, warnings: imported.warnings };
}
