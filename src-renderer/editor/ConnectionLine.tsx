/**
 * The wire being dragged. Over a handle that would refuse it, it turns red and says why
 * (a cycle, a full input, or the shape error the connection would cause), before the user
 * lets go.
 */
import type { ReactElement } from 'react';
import { getBezierPath, type ConnectionLineComponentProps } from '@xyflow/react';
import { useServices } from '../app/editor-context.js';
import { getValidation } from '../state/derived.js';
import { checkConnection } from './connection-check.js';

export function ConnectionLine(props: ConnectionLineComponentProps): ReactElement {
  const { fromX, fromY, toX, toY, fromPosition, toPosition, fromNode, toNode, toHandle, connectionStatus } = props;
  const { store } = useServices();
  const [path] = getBezierPath({
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: fromPosition,
    targetX: toX,
    targetY: toY,
    targetPosition: toPosition,
  });
  let reason: string | null = null;
  if (toNode && connectionStatus === 'invalid') {
    const doc = store.getState().doc;
    const verdict = checkConnection(doc, getValidation(doc), {
      source: fromNode.id,
      target: toNode.id,
      targetHandle: toHandle?.id ?? null,
    });
    reason = verdict.ok ? null : verdict.reason;
  }
  const cls = `connection-line ${connectionStatus ? `is-${connectionStatus}` : ''}`;
  return (
    <g className={cls}>
      <path d={path} fill="none" />
      <circle cx={toX} cy={toY} r={3.5} />
      {reason && (
        <foreignObject x={toX + 14} y={toY + 10} width={300} height={120} className="connection-reason-box">
          <div className="connection-reason" role="alert">
            {reason}
          </div>
        </foreignObject>
      )}
    </g>
  );
}
