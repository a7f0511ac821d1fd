/**
 * The app's workspaces, shown as tabs in the left rail: Design (the network editor), Data (the
 * dataset), Train (settings and the live dashboard) and Results (finished runs). The editor
 * stays mounted while hidden, so its viewport and measurements survive a tab switch; the other
 * workspaces mount when shown. Each workspace module registers its view here.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { WorkspaceId } from '../state/store.js';
import type { IconName } from './Icon.js';

export interface WorkspaceSpec {
  id: WorkspaceId;
  label: string;
  icon: IconName;
  /** Tooltip: what the workspace is for. */
  title: string;
  /** Keyboard shortcut digit (Alt + digit). */
  digit: string;
}

export const WORKSPACES: readonly WorkspaceSpec[] = [
  { id: 'design', label: 'Design', icon: 'network', title: 'Design the network', digit: '1' },
  { id: 'data', label: 'Data', icon: 'database', title: 'Choose and inspect the dataset', digit: '2' },
  { id: 'train', label: 'Train', icon: 'play', title: 'Training settings and the live dashboard', digit: '3' },
  { id: 'results', label: 'Results', icon: 'chart', title: 'Finished runs: metrics, mistakes, export', digit: '4' },
];

type ViewModule = { default?: ComponentType; ResultsView?: ComponentType };

// The Results view is built separately; until its module exists the tab shows a placeholder.
// import.meta.glob resolves to {} for a missing file instead of failing the build.
const resultsModules = import.meta.glob<ViewModule>('../results/ResultsView.tsx');
const loadResults = Object.values(resultsModules)[0];

/** The Results workspace view, loaded on first use; null when that module is not in this build. */
export const ResultsWorkspace: LazyExoticComponent<ComponentType> | null = loadResults
  ? lazy(async () => {
      const mod = await loadResults();
      const view = mod.ResultsView ?? mod.default;
      if (!view) throw new Error('results/ResultsView.tsx exports neither ResultsView nor a default component');
      return { default: view };
    })
  : null;
