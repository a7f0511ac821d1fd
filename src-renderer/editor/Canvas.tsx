/**
 * The network canvas: React Flow showing nodes and edges derived from the document (see
 * flow-adapter.ts), with drop targets for palette layers, model files and project files.
 */
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type ReactElement,
} from 'react';
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { parseProject } from '../../src-shared/graph/project-file.js';
import { isLayerType } from '../../src-shared/layers/catalog.js';
import { useEditor, useServices } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';
import { useDatasetTask } from '../datasets/useDatasetTask.js';
import { getValidation } from '../state/derived.js';
import { addNode } from '../state/document-edits.js';
import { categoryColor } from './categories.js';
import { ConnectionLine } from './ConnectionLine.js';
import { ContextMenu, type ContextMenuState } from './ContextMenu.js';
import { createFlowAdapter, type LayerFlowNode, type ShapeFlowEdge } from './flow-adapter.js';
import { LayerNode } from './LayerNode.js';
import { LAYER_MIME } from './Palette.js';
import { ShapeEdge } from './ShapeEdge.js';
import { useCanvasHandlers } from './useCanvasHandlers.js';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const fitOptions = { padding: 0.12, maxZoom: 1.2 };
/** Half a node card, so a dropped layer lands centred under the pointer. */
const DROP_OFFSET = { x: 95, y: 30 };
/** Beyond this many nodes React Flow renders only what is on screen. */
const VIRTUALIZE_ABOVE = 150;

export function Canvas(): ReactElement {
  const { store, commands } = useServices();
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const theme = useEditor((s) => s.theme);
  const fitRequest = useEditor((s) => s.fitRequest);
  const validation = getValidation(doc, useDatasetTask());
  const flow = useReactFlow();
  const h = useCanvasHandlers();
  const adapter = useMemo(createFlowAdapter, []);
  const mainRef = useRef<HTMLElement>(null);
  const [menu, setMenu] = useState<ContextMenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const openMenu = (e: ReactMouseEvent | MouseEvent, target: ContextMenuState['target']) => {
    e.preventDefault();
    const box = mainRef.current!.getBoundingClientRect();
    setMenu({ x: e.clientX - box.left, y: e.clientY - box.top, target });
  };

  const nodes = useMemo(
    () => adapter.nodes(doc, validation, selection, h.measured),
    // measureTick stands for the measured map's contents, which React cannot see change.
    [adapter, doc, validation, selection, h.measureTick],
  );
  const edges = useMemo(() => adapter.edges(doc, validation, selection), [adapter, doc, validation, selection]);

  // Fitting needs the new cards measured; wait (a few frames at most) until React Flow has sized them.
  useEffect(() => {
    if (fitRequest === 0) return;
    let frames = 0;
    let raf = 0;
    const tick = () => {
      const ids = store.getState().doc.nodes.map((n) => n.id);
      // Nothing to fit: React Flow would queue the fit and run it when the first layer is
      // dropped, yanking that layer away from under the pointer.
      if (ids.length === 0) return;
      const ready = flow.getNodes().length === ids.length && ids.every((id) => (flow.getInternalNode(id)?.measured.width ?? 0) > 0);
      // A canvas with no size (hidden, or a test DOM without layout) has nothing to fit into.
      const box = mainRef.current?.getBoundingClientRect();
      if (!box || box.width === 0 || box.height === 0) return;
      if (ready || frames++ > 60) void flow.fitView({ ...fitOptions, duration: 200 });
      else raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [fitRequest, flow, store]);

  // Bring a node into view when asked, unless it is already fully visible.
  const revealRequest = useEditor((s) => s.revealRequest);
  useEffect(() => {
    const node = revealRequest && flow.getInternalNode(revealRequest.nodeId);
    const box = mainRef.current?.getBoundingClientRect();
    if (!node || !box || box.width === 0) return;
    const { x, y, zoom } = flow.getViewport();
    const w = node.measured.width ?? 190;
    const h = node.measured.height ?? 70;
    const p = node.internals.positionAbsolute;
    const left = p.x * zoom + x;
    const top = p.y * zoom + y;
    const visible = left >= 0 && top >= 0 && left + w * zoom <= box.width && top + h * zoom <= box.height;
    if (!visible) void flow.setCenter(p.x + w / 2, p.y + h / 2, { zoom, duration: 250 });
  }, [revealRequest, flow]);

  const onDragOver = (e: DragEvent) => {
    if (e.dataTransfer.types.includes(LAYER_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const type = e.dataTransfer.getData(LAYER_MIME);
    if (type && isLayerType(type)) {
      const at = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const s = store.getState();
      s.apply(addNode(s.doc, type, { x: Math.round(at.x - DROP_OFFSET.x), y: Math.round(at.y - DROP_OFFSET.y) }));
      return;
    }
    const file = e.dataTransfer.files[0];
    if (file) void dropFile(file);
  };

  /** A dropped .nwproj opens (checked by the core); a .json is imported as a Keras / TF.js model. */
  async function dropFile(file: File): Promise<void> {
    const text = await file.text();
    if (file.name.endsWith('.nwproj')) {
      const loaded = parseProject(text);
      if (!loaded.ok) store.getState().showBanner({ tone: 'error', title: `Could not open ${file.name}`, message: loaded.error });
      else if (store.getState().doc !== store.getState().savedDoc)
        store.getState().setDialog({ kind: 'confirm-discard', then: { doc: loaded.doc, path: null, saved: false } });
      else store.getState().load(loaded.doc, null, { saved: false });
    } else if (file.name.toLowerCase().endsWith('.json')) {
      await commands.importModel({ text, fileName: file.name });
    } else {
      store.getState().notify(`${file.name}: drop a .nwproj project or a Keras / TF.js model .json`, 'warning');
    }
  }

  return (
    <main ref={mainRef} className="canvas" aria-label="Network canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<LayerFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={h.onNodesChange}
        onEdgesChange={h.onEdgesChange}
        onConnect={h.onConnect}
        isValidConnection={h.isValidConnection}
        onConnectEnd={h.onConnectEnd}
        onNodeContextMenu={(e, node) => {
          // Acting on a card that is not selected acts on that card alone.
          if (!store.getState().selection.nodes.includes(node.id)) store.getState().setSelection({ nodes: [node.id], edges: [] });
          openMenu(e, 'node');
        }}
        onPaneContextMenu={(e) => openMenu(e, 'pane')}
        onMoveStart={closeMenu}
        onNodeDragStart={h.gesture.start}
        onNodeDragStop={h.gesture.stop}
        onSelectionDragStart={h.gesture.start}
        onSelectionDragStop={h.gesture.stop}
        connectionLineComponent={ConnectionLine}
        colorMode={theme}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        fitViewOptions={fitOptions}
        minZoom={0.1}
        maxZoom={2.5}
        onlyRenderVisibleElements={doc.nodes.length > VIRTUALIZE_ABOVE}
        attributionPosition="top-right"
        ariaLabelConfig={{
          'node.a11yDescription.default': 'Press Enter or Space to select this layer; arrow keys move it; Delete removes it.',
        }}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
        {doc.nodes.length > 0 && (
          <MiniMap
            pannable
            zoomable
            ariaLabel="Overview of the network"
            nodeColor={(n) => categoryColor((n as LayerFlowNode).data.category)}
            nodeBorderRadius={6}
            maskColor="var(--minimap-mask)"
            style={{ width: 168, height: 120 }}
          />
        )}
        <Controls
          showInteractive={false}
          position="bottom-left"
          orientation="horizontal"
          className="canvas-controls"
          aria-label="Zoom controls"
        />
      </ReactFlow>
      {menu && <ContextMenu menu={menu} onClose={closeMenu} />}
      {doc.nodes.length === 0 && (
        <div className="canvas-empty">
          <Icon name="plus" size={28} />
          <h2>Start your network</h2>
          <p>Drag a layer from the palette, click one to add it, or drop a Keras model .json here.</p>
          <div className="canvas-empty__actions">
            <button type="button" className="btn btn--accent" onClick={() => store.getState().setDialog({ kind: 'templates' })}>
              Start from a template
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => store.getState().apply(addNode(store.getState().doc, 'Input', { x: 0, y: 0 }))}
            >
              Add an Input layer
            </button>
          </div>
        </div>
      )}
    </main>
  );
}
