/**
 * The example projects from assets/templates, bundled into the renderer so the in-memory
 * host (tests, the demo without a backend) offers the same templates the app does.
 */
import type { ProjectDocument } from '../../src-shared/graph/document.js';
import { parseProject } from '../../src-shared/graph/project-file.js';

const files = import.meta.glob<string>('../../assets/templates/*.nwproj', { query: '?raw', import: 'default', eager: true });

/** Simplest first: the order a course meets them in. Templates not listed follow by name. */
const ORDER = ['mlp-mnist', 'lenet-mnist', 'conv1x1-mnist', 'lstm-mnist', 'regression-mlp'];

/** Template id (file name without extension) → document; a template that fails to parse is left out. */
export function loadBundledTemplates(): Map<string, ProjectDocument> {
  const found: [string, ProjectDocument][] = [];
  for (const [file, text] of Object.entries(files)) {
    const id = /([a-z0-9-]+)\.nwproj$/.exec(file)?.[1];
    const parsed = parseProject(text);
    if (id && parsed.ok) found.push([id, parsed.doc]);
  }
  const rank = (id: string) => (ORDER.includes(id) ? ORDER.indexOf(id) : ORDER.length);
  found.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return new Map(found);
}
