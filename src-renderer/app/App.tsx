/**
 * The editor window: toolbar, banners, palette | canvas | inspector, status bar and dialogs,
 * wired to one store, one Host and the file commands.
 */
import type { ReactElement } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../editor/Canvas.js';
import { Palette } from '../editor/Palette.js';
import { Inspector } from '../inspector/Inspector.js';
import { Banners } from './Banners.js';
import { Dialogs } from './dialogs/Dialogs.js';
import { EditorContext, useEditor, type EditorServices } from './editor-context.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import { useDocumentStatus } from './useDocumentStatus.js';
import { useHostEvents } from './useHostEvents.js';
import { useShortcuts } from './useShortcuts.js';

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
  const panels = useEditor((s) => s.panels);
  const ready = useEditor((s) => s.ready);
  return (
    <div className="app">
      <Toolbar />
      <Banners />
      <div className="workspace" aria-busy={!ready}>
        {panels.palette && <Palette />}
        <Canvas />
        {panels.inspector && <Inspector />}
      </div>
      <StatusBar />
      <Dialogs />
    </div>
  );
}
