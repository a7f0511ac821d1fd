/**
 * The editor store: the project document (the source of truth), its file path and saved
 * state, undo history, selection and UI state. The document changes only through `apply`
 * (pure edits from document-edits.ts); only edits marked `record` enter the history, and
 * selection, panels, dialogs and notices never do.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createEmptyDocument, type ProjectDocument } from '../../src-shared/graph/document.js';
import type { Clipboard } from './clipboard-edits.js';
import type { CreatedNodes } from './document-edits.js';
import { beginMark, commitMark, createHistory, record, redo, undo, type History } from './history.js';

export type Theme = 'light' | 'dark';

/** The app's workspaces (tabs of the left rail); app/workspaces.ts describes each. */
export type WorkspaceId = 'design' | 'data' | 'train' | 'results';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

export type Tone = 'info' | 'success' | 'warning' | 'error';

/** A document waiting for the user's "discard unsaved changes?" answer: data, not a callback. */
export interface PendingLoad {
  doc: ProjectDocument;
  path: string | null;
  /** False for imports and recovered work: they are not on disk yet. */
  saved: boolean;
  note?: string;
}

/** What to do once unsaved work is saved: load another document, or let the window close. */
export type AfterSave = PendingLoad | 'close';

export type Dialog =
  | { kind: 'templates' }
  | { kind: 'open' }
  | { kind: 'import' }
  | { kind: 'save'; then?: AfterSave }
  | { kind: 'confirm-discard'; then: AfterSave }
  | { kind: 'about' }
  /** Export a run (src-renderer/export); `runId` preselects one, else the newest finished run. */
  | { kind: 'export'; runId?: string };

export interface Banner {
  tone: Tone;
  title: string;
  message: string;
}

export interface Recovery {
  doc: ProjectDocument;
  path: string | null;
  savedAt: string;
}

export interface EditorState {
  doc: ProjectDocument;
  /** The document as last opened or saved; `doc !== savedDoc` means unsaved changes. */
  savedDoc: ProjectDocument | null;
  path: string | null;
  history: History<ProjectDocument>;
  selection: Selection;
  clipboard: Clipboard | null;
  theme: Theme;
  panels: { palette: boolean; inspector: boolean };
  /** Which workspace is showing; view state, never history. */
  workspace: WorkspaceId;
  notice: { text: string; tone: Tone; id: number } | null;
  banner: Banner | null;
  dialog: Dialog | null;
  recovery: Recovery | null;
  /** False until the first document (template or recovery) is in. */
  ready: boolean;
  /** Bumped to ask the canvas to fit the graph (after a load or auto-layout); view state, never history. */
  fitRequest: number;
  /** Asks the canvas to bring a node into view (after adding it, or "Show" in a list). */
  revealRequest: { nodeId: string; n: number } | null;

  /** Replaces the document with the result of an edit; `record` (default true) adds one undo step. */
  apply(next: ProjectDocument | CreatedNodes, opts?: { record?: boolean; select?: readonly string[] }): void;
  /** Starts a gesture (a drag): edits until `commitGesture` are one undo step. */
  beginGesture(): void;
  commitGesture(): void;
  undo(): void;
  redo(): void;
  setSelection(selection: Selection): void;
  /** Loads a whole document: clears history and selection. */
  load(doc: ProjectDocument, path: string | null, opts?: { saved?: boolean }): void;
  markSaved(path: string, doc: ProjectDocument): void;
  setTheme(theme: Theme): void;
  togglePanel(panel: 'palette' | 'inspector'): void;
  setWorkspace(workspace: WorkspaceId): void;
  setClipboard(clip: Clipboard | null): void;
  notify(text: string, tone?: Tone): void;
  dismissNotice(): void;
  showBanner(banner: Banner | null): void;
  setDialog(dialog: Dialog | null): void;
  setRecovery(recovery: Recovery | null): void;
  requestFit(): void;
  /** Selects a node and asks the canvas to scroll it into view. */
  reveal(nodeId: string): void;
}

export type EditorStore = StoreApi<EditorState>;

export const selectDirty = (s: EditorState): boolean => s.doc !== s.savedDoc;

/** Drops selected ids that the document no longer has (after delete, undo, load). */
function pruneSelection(sel: Selection, doc: ProjectDocument): Selection {
  if (sel.nodes.length === 0 && sel.edges.length === 0) return sel;
  const nodeIds = new Set(doc.nodes.map((n) => n.id));
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const nodes = sel.nodes.filter((id) => nodeIds.has(id));
  const edges = sel.edges.filter((id) => edgeIds.has(id));
  return nodes.length === sel.nodes.length && edges.length === sel.edges.length ? sel : { nodes, edges };
}

let noticeId = 0;

export function createEditorStore(init: { doc?: ProjectDocument; theme?: Theme } = {}): EditorStore {
  const doc = init.doc ?? createEmptyDocument();
  return createStore<EditorState>()((set, get) => ({
    doc,
    savedDoc: doc,
    path: null,
    history: createHistory<ProjectDocument>(),
    selection: EMPTY_SELECTION,
    clipboard: null,
    theme: init.theme ?? 'light',
    panels: { palette: true, inspector: true },
    workspace: 'design',
    notice: null,
    banner: null,
    dialog: null,
    recovery: null,
    ready: init.doc !== undefined,
    fitRequest: 0,
    revealRequest: null,

    apply(next, opts = {}) {
      const s = get();
      const nextDoc = 'ids' in next ? next.doc : next;
      const select = opts.select ?? ('ids' in next && next.ids.length > 0 ? next.ids : undefined);
      const selection = select ? { nodes: [...select], edges: [] } : pruneSelection(s.selection, nextDoc);
      if (nextDoc === s.doc) {
        if (selection !== s.selection) set({ selection });
        return;
      }
      const history = opts.record === false ? s.history : record(s.history, s.doc);
      set({ doc: nextDoc, history, selection });
    },
    beginGesture() {
      set({ history: beginMark(get().history, get().doc) });
    },
    commitGesture() {
      set({ history: commitMark(get().history, get().doc) });
    },
    undo() {
      const s = get();
      const step = undo(s.history, s.doc);
      if (step) set({ doc: step.value, history: step.history, selection: pruneSelection(s.selection, step.value) });
    },
    redo() {
      const s = get();
      const step = redo(s.history, s.doc);
      if (step) set({ doc: step.value, history: step.history, selection: pruneSelection(s.selection, step.value) });
    },
    setSelection(selection) {
      set({ selection });
    },
    load(next, path, opts = {}) {
      set({
        doc: next,
        savedDoc: opts.saved === false ? null : next,
        path,
        history: createHistory<ProjectDocument>(),
        selection: EMPTY_SELECTION,
        ready: true,
        fitRequest: get().fitRequest + 1,
      });
    },
    markSaved(path, saved) {
      set({ path, savedDoc: saved });
    },
    setTheme(theme) {
      set({ theme });
    },
    togglePanel(panel) {
      const panels = get().panels;
      set({ panels: { ...panels, [panel]: !panels[panel] } });
    },
    setWorkspace(workspace) {
      set({ workspace });
    },
    setClipboard(clipboard) {
      set({ clipboard });
    },
    notify(text, tone = 'info') {
      noticeId += 1;
      set({ notice: { text, tone, id: noticeId } });
    },
    dismissNotice() {
      set({ notice: null });
    },
    showBanner(banner) {
      set({ banner });
    },
    setDialog(dialog) {
      set({ dialog });
    },
    setRecovery(recovery) {
      set({ recovery });
    },
    requestFit() {
      set({ fitRequest: get().fitRequest + 1 });
    },
    reveal(nodeId) {
      set({ selection: { nodes: [nodeId], edges: [] }, revealRequest: { nodeId, n: (get().revealRequest?.n ?? 0) + 1 } });
    },
  }));
}
