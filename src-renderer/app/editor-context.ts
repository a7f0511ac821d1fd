/**
 * How components reach the editor: one context holding the store, the Host and the file
 * commands, plus hooks that read the store and run registry actions.
 */
import { createContext, useContext, useMemo } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useStore } from 'zustand';
import type { FixedMenuAction } from '../../src-shared/ipc/actions.js';
import type { Host } from '../../src-shared/ipc/host.js';
import type { EditorState, EditorStore } from '../state/store.js';
import type { TrainingState, TrainingStore } from '../state/training-store.js';
import { getAction, performAction, type ActionContext } from './actions.js';
import type { Commands } from './commands.js';
import { formatShortcut } from './shortcuts.js';

export interface EditorServices {
  store: EditorStore;
  host: Host;
  commands: Commands;
  /** Live run, estimate and dataset inspection (state/training-store.ts). */
  training: TrainingStore;
}

export const EditorContext = createContext<EditorServices | null>(null);

export function useServices(): EditorServices {
  const services = useContext(EditorContext);
  if (!services) throw new Error('useServices: render inside <App> (EditorContext is missing)');
  return services;
}

/** Reads the editor state; the component re-renders only when the selected value changes. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useServices().store, selector);
}

/** Reads the live training state; re-renders only when the selected value changes. */
export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(useServices().training, selector);
}

/** Services plus the canvas viewport: everything an action needs. Needs a ReactFlowProvider above. */
export function useActionContext(): ActionContext {
  const { store, commands } = useServices();
  const flow = useReactFlow();
  return useMemo(
    () => ({
      store,
      commands,
      view: {
        fitView: () => void flow.fitView({ padding: 0.15, duration: 250 }),
        zoomIn: () => void flow.zoomIn({ duration: 150 }),
        zoomOut: () => void flow.zoomOut({ duration: 150 }),
      },
    }),
    [store, commands, flow],
  );
}

export interface BoundAction {
  label: string;
  /** Label with the first shortcut, for tooltips: "Undo (Ctrl+Z)". */
  title: string;
  enabled: boolean;
  run(): void;
}

/** A registry action bound to this editor, for buttons. */
export function useAction(name: FixedMenuAction): BoundAction {
  const ctx = useActionContext();
  const action = getAction(name);
  const enabled = useEditor((s) => action.enabled(s));
  const first = action.shortcuts[0];
  return {
    label: action.label,
    title: first ? `${action.label} (${formatShortcut(first)})` : action.label,
    enabled,
    run: () => void performAction(name, ctx),
  };
}
