/**
 * Renders the Results view (and the dialogs, for Export) over the memory host without the
 * rest of the window: no React Flow, so these tests stay fast and about results. The document
 * is LeNet with the demo's recorded runs unless a test passes its own.
 */
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCommands } from '../../../src-renderer/app/commands.js';
import { Dialogs } from '../../../src-renderer/app/dialogs/Dialogs.js';
import { EditorContext } from '../../../src-renderer/app/editor-context.js';
import { loadBundledTemplates } from '../../../src-renderer/host/bundled-templates.js';
import { demoRuns, demoTrainedProject } from '../../../src-renderer/host/demo-runs.js';
import { createMemoryHost, demoFiles, type MemoryHost, type MemoryHostOptions } from '../../../src-renderer/host/memory-host.js';
import { ResultsView } from '../../../src-renderer/results/ResultsView.js';
import { createEditorStore, type EditorStore } from '../../../src-renderer/state/store.js';
import { createTrainingStore } from '../../../src-renderer/state/training-store.js';
import type { ProjectDocument } from '../../../src-shared/graph/document.js';
import type { StoredRun } from '../../../src-shared/ipc/contract-training.js';
import { installDomStubs } from './dom-stubs.js';

export interface RenderedResults extends RenderResult {
  store: EditorStore;
  host: MemoryHost;
  user: ReturnType<typeof userEvent.setup>;
}

// Not render-app's: that module imports the whole App, which these tests do not need.
const TEMPLATES = loadBundledTemplates();

/** LeNet with `runs` recorded (default: the demo's four runs, one of them failed). */
export function trainedDoc(runs: StoredRun[] = demoRuns()): ProjectDocument {
  return { ...demoTrainedProject(TEMPLATES.get('lenet-mnist')!), runs: runs as unknown as ProjectDocument['runs'] };
}

/** `electron` presents the memory host as Electron's, for the controls only Electron offers. */
export function renderResults(
  opts: { doc?: ProjectDocument; host?: Partial<MemoryHostOptions>; electron?: boolean } = {},
): RenderedResults {
  installDomStubs();
  // jsdom has no 2D canvas; without this stub it logs "not implemented" for every chart.
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
  const host = createMemoryHost({ templates: TEMPLATES, files: demoFiles(TEMPLATES), ...opts.host });
  const store = createEditorStore({ doc: opts.doc ?? trainedDoc() });
  const shown = opts.electron ? { ...host, mode: 'electron' as const } : host;
  const services = { store, host: shown, commands: createCommands(store, host), training: createTrainingStore() };
  const user = userEvent.setup();
  const result = render(
    <EditorContext.Provider value={services}>
      <ResultsView />
      <Dialogs />
    </EditorContext.Provider>,
  );
  return { ...result, store, host, user };
}
