/** Renders the whole editor over the in-memory host, the way main.tsx does in the browser. */
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App.js';
import { createCommands } from '../../../src-renderer/app/commands.js';
import { loadBundledTemplates } from '../../../src-renderer/host/bundled-templates.js';
import { createMemoryHost, demoFiles, type MemoryHost, type MemoryHostOptions } from '../../../src-renderer/host/memory-host.js';
import { createEditorStore, type EditorStore } from '../../../src-renderer/state/store.js';
import { createTrainingStore, type TrainingStore } from '../../../src-renderer/state/training-store.js';
import type { ProjectDocument } from '../../../src-shared/graph/document.js';
import { installDomStubs } from './dom-stubs.js';

export interface Rendered extends RenderResult {
  store: EditorStore;
  host: MemoryHost;
  training: TrainingStore;
  user: ReturnType<typeof userEvent.setup>;
}

export const TEMPLATES = loadBundledTemplates();

export function template(id: string): ProjectDocument {
  const doc = TEMPLATES.get(id);
  if (!doc) throw new Error(`no template ${id}`);
  return structuredClone(doc);
}

/**
 * The app showing `doc` (default: the MLP template), or started like the real app when `startup`.
 * `host` adds memory-host options (a fake dataset inspection, demo runs that do not play by themselves).
 */
export async function renderApp(
  opts: { doc?: ProjectDocument; startup?: boolean; host?: Partial<MemoryHostOptions> } = {},
): Promise<Rendered> {
  installDomStubs();
  const host = createMemoryHost({ templates: TEMPLATES, files: demoFiles(TEMPLATES), ...opts.host });
  const store = createEditorStore(opts.startup ? {} : { doc: opts.doc ?? template('mlp-mnist') });
  const commands = createCommands(store, host);
  const user = userEvent.setup();
  const training = createTrainingStore();
  const result = render(<App services={{ store, host, commands, training }} />);
  if (opts.startup) await commands.startup();
  return { ...result, store, host, training, user };
}
