/**
 * View state of the Results tab: which run is open and which runs are being compared. It is
 * not part of the document (never saved, never undone) and outlives the tab's components, so
 * switching to the editor and back keeps the user's place. One state per editor store.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useServices } from '../app/editor-context.js';
import type { EditorStore } from '../state/store.js';

export type ResultsMode = 'details' | 'compare';

export interface ResultsViewState {
  /** The run whose details are shown; null = the newest. */
  selectedId: string | null;
  /** Runs ticked for comparison, in the order they were ticked. */
  compareIds: readonly string[];
  mode: ResultsMode;
  select(id: string): void;
  toggleCompare(id: string): void;
  setMode(mode: ResultsMode): void;
  /** Forgets ids of runs that no longer exist (deleted, another project loaded). */
  prune(existing: ReadonlySet<string>): void;
}

function createResultsViewStore(): StoreApi<ResultsViewState> {
  return createStore<ResultsViewState>()((set, get) => ({
    selectedId: null,
    compareIds: [],
    mode: 'details',
    select: (id) => set({ selectedId: id, mode: 'details' }),
    toggleCompare(id) {
      const ids = get().compareIds;
      const compareIds = ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];
      // Ticking a second run is asking to compare; unticking below two leaves nothing to compare.
      const mode = compareIds.length >= 2 && !ids.includes(id) ? 'compare' : compareIds.length < 2 ? 'details' : get().mode;
      set({ compareIds, mode });
    },
    setMode: (mode) => set({ mode }),
    prune(existing) {
      const s = get();
      const compareIds = s.compareIds.filter((id) => existing.has(id));
      const selectedId = s.selectedId !== null && existing.has(s.selectedId) ? s.selectedId : null;
      if (compareIds.length !== s.compareIds.length || selectedId !== s.selectedId)
        set({ compareIds, selectedId, mode: compareIds.length < 2 ? 'details' : s.mode });
    },
  }));
}

const stores = new WeakMap<EditorStore, StoreApi<ResultsViewState>>();

/** The Results view state of this editor window (created on first use). */
export function resultsViewStore(editor: EditorStore): StoreApi<ResultsViewState> {
  let store = stores.get(editor);
  if (!store) {
    store = createResultsViewStore();
    stores.set(editor, store);
  }
  return store;
}

export function useResultsView<T>(selector: (s: ResultsViewState) => T): T {
  return useStore(resultsViewStore(useServices().store), selector);
}
