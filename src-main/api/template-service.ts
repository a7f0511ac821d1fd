/** templates:* calls: the bundled example projects a user can start from. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseProject } from '../../src-shared/graph/project-file.js';
import type { CallRequest, CallResponse, TemplateInfo } from '../../src-shared/ipc/contract.js';
import { ApiFailure } from './api-failure.js';

export type TemplateHandlers = {
  [K in 'templates:list' | 'templates:open']: (request: CallRequest<K>) => Promise<CallResponse<K>>;
};

/** Creates the templates:* handlers over `dir` (assets/templates, or its copy in the app bundle). */
export function createTemplateHandlers(dir: string): TemplateHandlers {
  const load = async (id: string) => {
    let text: string;
    try {
      text = await readFile(path.join(dir, `${id}.nwproj`), 'utf8');
    } catch {
      throw new ApiFailure('NOT_FOUND', `no bundled template "${id}"`);
    }
    const loaded = parseProject(text);
    // A broken bundled template is our bug, but the user still deserves a readable message.
    if (!loaded.ok) throw new ApiFailure('INVALID_PROJECT', `template ${id}: ${loaded.error}`);
    return loaded;
  };

  return {
    async 'templates:list'() {
      const ids = (await readdir(dir)).filter((f) => f.endsWith('.nwproj')).map((f) => f.slice(0, -'.nwproj'.length)).sort();
      const infos: TemplateInfo[] = [];
      for (const id of ids) {
        const loaded = await load(id).catch(() => null);
        if (loaded?.ok) infos.push({ id, name: loaded.doc.name, layers: loaded.doc.nodes.length });
      }
      return infos;
    },
    async 'templates:open'({ id }) {
      const loaded = await load(id);
      // path null: a template opens as a new, untitled project (saving must ask where).
      return { doc: loaded.doc, path: null, migrated: loaded.migrated };
    },
  };
}
