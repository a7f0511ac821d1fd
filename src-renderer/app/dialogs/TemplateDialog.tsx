/** "New": start from one of the bundled example networks, or from an empty canvas. */
import { useEffect, useState, type ReactElement } from 'react';
import type { TemplateInfo } from '../../../src-shared/ipc/contract.js';
import { useServices } from '../editor-context.js';
import { Icon } from '../Icon.js';
import { Modal } from './Modal.js';

export function TemplateDialog({ onClose }: { onClose(): void }): ReactElement {
  const { host, commands } = useServices();
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void host.call('templates:list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setTemplates(r.value);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [host]);

  const pick = (id: string | null) => {
    onClose();
    if (id) void commands.openTemplate(id);
    else commands.newBlank();
  };

  return (
    <Modal title="New network" onClose={onClose} size="large">
      <p className="muted">Start from an example that trains on MNIST out of the box, or from an empty canvas.</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <ul className="template-grid" aria-label="Templates">
        <li>
          <button type="button" className="template-card template-card--blank" onClick={() => pick(null)} data-autofocus>
            <span className="template-card__icon" aria-hidden="true">
              <Icon name="plus" size={22} />
            </span>
            <span className="template-card__name">Blank network</span>
            <span className="template-card__meta">Empty canvas</span>
          </button>
        </li>
        {(templates ?? []).map((t) => (
          <li key={t.id}>
            <button type="button" className="template-card" onClick={() => pick(t.id)}>
              <span className="template-card__icon" aria-hidden="true">
                <Icon name="layout" size={22} />
              </span>
              <span className="template-card__name">{t.name}</span>
              <span className="template-card__meta">
                {t.layers} layers · {t.id}
              </span>
            </button>
          </li>
        ))}
        {templates === null && !error && <li className="muted">Loading templates…</li>}
      </ul>
    </Modal>
  );
}
