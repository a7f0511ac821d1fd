/** About Netwright, with the keyboard shortcuts read from the action registry. */
import { useEffect, useState, type ReactElement } from 'react';
import type { AppInfo } from '../../../src-shared/ipc/contract.js';
import { ACTIONS } from '../actions.js';
import { useServices } from '../editor-context.js';
import { BrandMark } from '../Icon.js';
import { formatShortcut } from '../shortcuts.js';
import { Modal } from './Modal.js';

export function AboutDialog({ onClose }: { onClose(): void }): ReactElement {
  const { host } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void host.call('app:info', {}).then((r) => r.ok && setInfo(r.value));
  }, [host]);
  return (
    <Modal title="About Netwright" onClose={onClose}>
      <div className="about-head">
        <BrandMark size={40} />
        <div>
          <strong>Netwright {info?.version ?? ''}</strong>
          <p className="muted">
            Design, train and export neural networks visually.{' '}
            {host.mode === 'memory' ? 'Demo mode (no backend).' : `Running in ${info?.mode ?? host.mode} mode.`}
          </p>
        </div>
      </div>
      <h3 className="section-title">Keyboard shortcuts</h3>
      <table className="shortcut-table">
        <tbody>
          {ACTIONS.filter((a) => a.shortcuts.length > 0).map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.label.replace(/…$/, '')}</th>
              <td>
                {a.shortcuts.map((s, i) => (
                  <kbd key={i}>{formatShortcut(s)}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
