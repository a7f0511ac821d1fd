/**
 * Which compute backend the run uses (GPU, native CPU, WebAssembly or plain JavaScript) and,
 * one click away, why each faster one is not used — a missing CUDA driver reads very
 * differently from "no GPU on this machine".
 */
import { useId, useState, type ReactElement } from 'react';
import type { BackendName, BackendReport } from '../../src-shared/training/protocol.js';
import { Icon } from '../app/Icon.js';

export const BACKEND_LABEL: Record<BackendName, string> = {
  'tfjs-node-gpu': 'GPU (CUDA)',
  'tfjs-node': 'CPU native',
  wasm: 'WebAssembly',
  cpu: 'CPU (JavaScript)',
};

const SPEED: Record<BackendName, 'fast' | 'medium' | 'slow'> = { 'tfjs-node-gpu': 'fast', 'tfjs-node': 'fast', wasm: 'medium', cpu: 'slow' };

export function BackendBadge({ backend }: { backend: BackendReport }): ReactElement {
  const [open, setOpen] = useState(false);
  const id = useId();
  const label = BACKEND_LABEL[backend.backend];
  const device = backend.device === 'gpu' ? 'GPU' : `CPU, ${backend.threads} thread${backend.threads === 1 ? '' : 's'}`;
  const reasons = backend.notUsed.map((n) => `${BACKEND_LABEL[n.backend]}: ${n.why}`).join('\n');
  return (
    <div className="backend">
      <button
        type="button"
        className={`backend-badge backend-badge--${SPEED[backend.backend]}`}
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Backend: ${label} (${device})${backend.notUsed.length > 0 ? ', show why faster backends are not used' : ''}`}
        title={reasons || `${label} on ${device}`}
        onClick={() => setOpen(!open)}
      >
        <Icon name="cpu" size={14} />
        <span>{label}</span>
        <span className="backend-badge__device">{backend.device === 'gpu' ? 'GPU' : 'CPU'}</span>
        {backend.notUsed.length > 0 && <Icon name="chevronDown" size={13} className={open ? 'is-flipped' : ''} />}
      </button>
      {open && (
        <div id={id} className="backend-details" role="region" aria-label="Backend details">
          <p>
            Running on <strong>{label}</strong> ({device}).
          </p>
          {backend.notUsed.length > 0 ? (
            <ul>
              {backend.notUsed.map((n) => (
                <li key={n.backend}>
                  <strong>{BACKEND_LABEL[n.backend]} not used:</strong> {n.why}
                </li>
              ))}
            </ul>
          ) : (
            <p>This is the fastest backend available.</p>
          )}
        </div>
      )}
    </div>
  );
}
