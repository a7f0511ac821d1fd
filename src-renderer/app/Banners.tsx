/**
 * Messages above the canvas: an error that needs reading (a malformed project, with the core's
 * exact message; the current work is untouched) and the offer to restore autosaved work.
 */
import type { ReactElement } from 'react';
import { useEditor, useServices } from './editor-context.js';
import { Icon } from './Icon.js';

export function Banners(): ReactElement | null {
  const { store, commands } = useServices();
  const banner = useEditor((s) => s.banner);
  const recovery = useEditor((s) => s.recovery);
  if (!banner && !recovery) return null;
  return (
    <div className="banners">
      {banner && (
        <div className={`banner banner--${banner.tone}`} role="alert">
          <Icon name={banner.tone === 'error' ? 'error' : 'info'} size={18} className="banner__icon" />
          <div className="banner__text">
            <strong>{banner.title}</strong>
            <p className="banner__message">{banner.message}</p>
            {banner.tone === 'error' && <p className="banner__note">Your current network is unchanged.</p>}
          </div>
          <button type="button" className="icon-button" aria-label="Dismiss message" onClick={() => store.getState().showBanner(null)}>
            <Icon name="close" />
          </button>
        </div>
      )}
      {recovery && (
        <section className="banner banner--info" aria-label="Unsaved work found">
          <Icon name="info" size={18} className="banner__icon" />
          <div className="banner__text">
            <strong>Unsaved work from {new Date(recovery.savedAt).toLocaleString()} was found.</strong>
            <p className="banner__message">
              “{recovery.doc.name}” ({recovery.doc.nodes.length} layers{recovery.path ? `, ${recovery.path}` : ''}) was not saved before the
              app closed.
            </p>
          </div>
          <div className="banner__actions">
            <button type="button" className="btn btn--accent" onClick={() => commands.restoreRecovery()}>
              Restore
            </button>
            <button type="button" className="btn" onClick={() => void commands.discardRecovery()}>
              Discard
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
