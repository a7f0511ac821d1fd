/**
 * Opens whatever a user hands the CLI as a model: a `.nwproj` project, a Keras `model.to_json()`
 * file, a TF.js `model.json`, or the name of a bundled template.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importKerasModel } from '../../src-shared/compile/from-keras.js';
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { loadProjectValue } from '../../src-shared/graph/project-file.js';
import { CliError } from '../cli/cli-error.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../assets/templates/', import.meta.url));

export interface LoadedModel {
  doc: ProjectDocument;
  source: string;
  warnings: string[];
}

/** Resolves a template name (`mlp-mnist`) or a path; templates win only when no such file exists. */
export async function resolveModelPath(arg: string): Promise<string> {
  if (await isFile(arg)) return arg;
  const template = path.join(TEMPLATES_DIR, `${arg.replace(/\.nwproj$/, '')}.nwproj`);
  if (!arg.includes('/') && (await isFile(template))) return template;
  throw new CliError(`${arg}: no such file (and no bundled template of that name; try "netwright templates")`);
}

export async function loadModelFile(arg: string): Promise<LoadedModel> {
  const file = await resolveModelPath(arg);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const looksLikeProject = typeof raw === 'object' && raw !== null && 'format' in raw && (raw as { format: unknown }).format === 'netwright-project';
  if (looksLikeProject || file.endsWith('.nwproj')) {
    const loaded = loadProjectValue(raw);
    if (!loaded.ok) throw new CliError(`${file}: ${loaded.error}`);
    return { doc: loaded.doc, source: file, warnings: loaded.migrated.map((m) => `upgraded: ${m}`) };
  }
  const imported = importKerasModel(raw, { name: path.basename(file).replace(/\.json$/i, '') });
  if (!imported.ok) throw new CliError(`${file}: ${imported.error}`);
  return { doc: imported.doc, source: file, warnings: imported.warnings };
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
