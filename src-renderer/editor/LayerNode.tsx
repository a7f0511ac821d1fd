/**
 * A layer on the canvas: a card in its category's colour with the name and type, the key
 * parameters, the output shape and the parameter count, a problem badge, one target handle per
 * input slot (merges show slot numbers: Subtract's order matters) and one source handle.
 */
import { memo, useEffect, useRef, type CSSProperties, type ReactElement } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { categoryColor } from './categories.js';
import { FindingBadge } from './FindingBadge.js';
import { SOURCE_HANDLE, targetHandleId, type LayerFlowNode } from './flow-adapter.js';

function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>): ReactElement {
  const updateNodeInternals = useUpdateNodeInternals();
  const slots = data.inputSlots;
  // React Flow caches handle positions; a merge that gains a slot must be re-measured. Not on
  // mount: React Flow measures new cards itself, and a call per mounted card forces a layout per
  // card (opening a 500-layer project froze the page for seconds).
  const measuredSlots = useRef(slots);
  useEffect(() => {
    if (measuredSlots.current === slots) return;
    measuredSlots.current = slots;
    updateNodeInternals(id);
  }, [id, slots, updateNodeInternals]);

  const classes = ['layer-node', selected && 'is-selected', data.severity && `has-${data.severity}`].filter(Boolean).join(' ');
  return (
    <div className={classes} style={{ '--cat': categoryColor(data.category) } as CSSProperties}>
      {Array.from({ length: slots }, (_, i) => (
        <Handle
          key={i}
          type="target"
          position={Position.Top}
          id={targetHandleId(i)}
          className="layer-handle layer-handle--target"
          style={{ left: `${((i + 1) / (slots + 1)) * 100}%` }}
          aria-label={slots > 1 ? `Input ${i + 1} of ${data.name}` : `Input of ${data.name}`}
        >
          {slots > 1 && <span className="layer-handle__slot">{i + 1}</span>}
        </Handle>
      ))}
      <div className="layer-node__head">
        <span className="layer-node__name" title={data.name}>
          {data.name}
        </span>
        <span className="layer-node__type">{data.label}</span>
      </div>
      <div className="layer-node__body">
        {data.keyParams && <div className="layer-node__params">{data.keyParams}</div>}
        <div className="layer-node__stats">
          <span className={data.output ? 'layer-node__shape' : 'layer-node__shape is-unknown'}>{data.output ?? '?'}</span>
          {data.paramCount !== null && data.paramCount !== '0' && <span className="layer-node__count">{data.paramCount} params</span>}
        </div>
      </div>
      {data.findings.length > 0 && <FindingBadge name={data.name} findings={data.findings} />}
      <Handle
        type="source"
        position={Position.Bottom}
        id={SOURCE_HANDLE}
        className="layer-handle layer-handle--source"
        aria-label={`Output of ${data.name}`}
      />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
