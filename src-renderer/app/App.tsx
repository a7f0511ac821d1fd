/**
 * The app window: toolbar, banners, the workspace rail and the shown workspace (Design: palette |
 * canvas | inspector; Data; Train; Results), status bar and dialogs, wired to one store, one
 * Host, the file commands and the live training state.
 */
import { Suspense, type ReactElement } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { DataView } from '../datasets/DataView.js';
import { Canvas } from '../editor/Canvas.js';
import { Palette } from '../editor/Palette.js';
import { Inspector } from '../inspector/Inspector.js';
import type { WorkspaceId } from '../state/store.js';
import { TrainView } from '../training/TrainView.js';
import { useTrainingSession } from '../training/useTrainingSession.js';
import { Banners } from './Banners.js';
import { Dialogs } from './dialogs/Dialogs.js';
import { EditorContext, useEditor, type EditorServices } from './editor-context.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useDocumentStatus } from './useDocumentStatus.js';
import { useHostEvents } from './useHostEvents.js';
import { useShortcuts } from './useShortcuts.js';
import { WorkspaceBoundary } from './WorkspaceBoundary.js';
import { panelId, tabId, WorkspaceRail } from './WorkspaceRail.js';
import { ResultsWorkspace, WORKSPACES } from './workspaces.js';

export function App({ services }: { services: EditorServices }): ReactElement {
  return (
    <EditorContext.Provider value={services}>
      <ReactFlowProvider>
        <Shell />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}

function Shell(): ReactElement {
  useShortcuts();
  useHostEvents();
  useDocumentStatus();
  useTrainingSession();
  const panels = useEditor((s) => s.panels);
  const ready = useEditor((s) => s.ready);
  const workspace = useEditor((s) => s.workspace);
  return (
    <div className="app">
      <Toolbar />
      <Banners />
      <div className="app-body">
        <WorkspaceRail />
        {/* The editor stays mounted while hidden: its viewport and measured cards survive a tab switch. */}
        <div
          className="workspace"
          role="tabpanel"
          id={panelId('design')}
          aria-labelledby={tabId('design')}
          hidden={workspace !== 'design'}
          aria-busy={!ready}
        >
          {panels.palette && <Palette />}
          <Canvas />
          {panels.inspector && <Inspector />}
        </div>
        {workspace !== 'design' && (
          <div className="workspace workspace--page" role="tabpanel" id={panelId(workspace)} aria-labelledby={tabId(workspace)}>
            <WorkspaceBoundary key={workspace} name={WORKSPACES.find((w) => w.id === workspace)?.label ?? workspace}>
              <WorkspaceView id={workspace} />
            </WorkspaceBoundary>
          </div>
        )}
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
}

function WorkspaceView({ id }: { id: WorkspaceId }): ReactElement | null {
  if (id === 'data') return <DataView />;
  if (id === 'train') return <TrainView />;
  if (id === 'results') {
    if (!ResultsWorkspace) return <p className="workspace-empty">Results of finished runs will appear here.</p>;
    return (
      <Suspense fallback={<p className="workspace-empty">Loading results…</p>}>
        <ResultsWorkspace />
      </Suspense>
    );
  }
  return null;
}
