/**
 * A wire labelled with the tensor it carries ("26×26×32"), coloured when a finding points at it.
 */
import { memo, type ReactElement } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ShapeFlowEdge } from './flow-adapter.js';

/** The label sits beside the wire (as Netron prints shapes), not on it, so short wires stay readable. */
const LABEL_GAP = 7;

function ShapeEdgeView(props: EdgeProps<ShapeFlowEdge>): ReactElement {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const severity = data?.severity ?? null;
  const cls = ['shape-edge', selected && 'is-selected', severity && `has-${severity}`].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={cls} {...(markerEnd ? { markerEnd } : {})} interactionWidth={16} />
      {data?.label && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${cls}`}
            style={{ transform: `translate(${labelX + LABEL_GAP}px, ${labelY}px) translateY(-50%)` }}
            aria-hidden="true"
          >
            {data.label}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ShapeEdge = memo(ShapeEdgeView);
