/**
 * React Flow's change events turned into document edits and selection updates. React Flow
 * never owns the graph: a drag becomes `moveNodes` edits inside one history gesture, a new
 * wire becomes `connect`, a selection click becomes store selection (never recorded).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Connection, EdgeChange, FinalConnectionState, IsValidConnection, NodeChange, OnConnectEnd } from '@xyflow/react';
import { useServices } from '../app/editor-context.js';
import { getValidation } from '../state/derived.js';
import { connect, moveNodes, type XY } from '../state/document-edits.js';
import { checkConnection } from './connection-check.js';
import { slotOfHandle, type LayerFlowNode, type ShapeFlowEdge } from './flow-adapter.js';

type Size = { width: number; height: number };

/** Applies select changes to a list of selected ids. */
function nextSelected(current: readonly string[], changes: readonly { id: string; selected: boolean }[]): readonly string[] {
  if (changes.length === 0) return current;
  const set = new Set(current);
  for (const c of changes) {
    if (c.selected) set.add(c.id);
    else set.delete(c.id);
  }
  const next = [...set];
  return next.length === current.length && next.every((id, i) => id === current[i]) ? current : next;
}

export function useCanvasHandlers() {
  const { store } = useServices();
  // Measured node sizes are view state: kept for React Flow, never in the document.
  const measured = useRef(new Map<string, Size>());
  const [measureTick, setMeasureTick] = useState(0);

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const s = store.getState();
      const moves = new Map<string, XY>();
      const selects: { id: string; selected: boolean }[] = [];
      let resized = false;
      for (const c of changes) {
        if (c.type === 'position' && c.position) moves.set(c.id, c.position);
        else if (c.type === 'select') selects.push(c);
        else if (c.type === 'dimensions' && c.dimensions) {
          const old = measured.current.get(c.id);
          if (old?.width !== c.dimensions.width || old?.height !== c.dimensions.height) {
            measured.current.set(c.id, c.dimensions);
            resized = true;
          }
        }
      }
      // During a drag the open gesture keeps these from being recorded one by one.
      if (moves.size > 0) s.apply(moveNodes(s.doc, moves));
      const nodes = nextSelected(store.getState().selection.nodes, selects);
      if (nodes !== store.getState().selection.nodes) store.getState().setSelection({ nodes, edges: store.getState().selection.edges });
      if (resized) setMeasureTick((t) => t + 1);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<ShapeFlowEdge>[]) => {
      const selects = changes.filter((c): c is Extract<EdgeChange, { type: 'select' }> => c.type === 'select');
      const sel = store.getState().selection;
      const edges = nextSelected(sel.edges, selects);
      if (edges !== sel.edges) store.getState().setSelection({ nodes: sel.nodes, edges });
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState();
      const slot = slotOfHandle(c.targetHandle);
      s.apply(connect(s.doc, { source: c.source, target: c.target, ...(slot !== undefined ? { targetIndex: slot } : {}) }));
    },
    [store],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) => {
      const doc = store.getState().doc;
      return checkConnection(doc, getValidation(doc), { source: c.source, target: c.target, targetHandle: c.targetHandle ?? null }).ok;
    },
    [store],
  );

  /** A refused drop explains itself in the status line (the wire already said it while dragging). */
  const onConnectEnd: OnConnectEnd = useCallback(
    (_event, state: FinalConnectionState) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode) return;
      const doc = store.getState().doc;
      const verdict = checkConnection(doc, getValidation(doc), {
        source: state.fromNode.id,
        target: state.toNode.id,
        targetHandle: state.toHandle?.id ?? null,
      });
      if (!verdict.ok) store.getState().notify(verdict.reason, 'error');
    },
    [store],
  );

  const gesture = useMemo(
    () => ({
      start: () => store.getState().beginGesture(),
      stop: () => store.getState().commitGesture(),
    }),
    [store],
  );

  return { measured: measured.current, measureTick, onNodesChange, onEdgesChange, onConnect, isValidConnection, onConnectEnd, gesture };
}
