/** Renders the whole editor over the in-memory host, the way main.tsx does in the browser. */
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App.js';
import { createCommands } from '../../../src-renderer/app/commands.js';
import { loadBundledTemplates } from '../../../src-renderer/host/bundled-templates.js';
import { createMemoryHost, demoFiles, type MemoryHost } from '../../../src-renderer/host/memory-host.js';
import { createEditorStore, type EditorStore } from '../../../src-renderer/state/store.js';
import type { ProjectDocument } from '../../../src-shared/graph/document.js';
import { installDomStubs } from './dom-stubs.js';

export interface Rendered extends RenderResult {
  store: EditorStore;
  host: MemoryHost;
  user: ReturnType<typeof userEvent.setup>;
}

export const TEMPLATES = loadBundledTemplates();

export function template(id: string): ProjectDocument {
  const doc = TEMPLATES.get(id);
  if (!doc) throw new Error(`no template ${id}`);
  return structuredClone(doc);
}

/** The app showing `doc` (default: the MLP template), or started like the real app when `startup`. */
export async function renderApp(opts: { doc?: ProjectDocument; startup?: boolean } = {}): Promise<Rendered> {
  installDomStubs();
  const host = createMemoryHost({ templates: TEMPLATES, files: demoFiles(TEMPLATES) });
  const store = createEditorStore(opts.startup ? {} : { doc: opts.doc ?? template('mlp-mnist') });
  const commands = createCommands(store, host);
  const user = userEvent.setup();
  const result = render(<App services={{ store, host, commands }} />);
  if (opts.startup) await commands.startup();
  return { ...result, store, host, user };
}
