/**
 * Choosing a file where there is no native dialog (browser mode, demo): a path field plus a
 * small browser over the folders the server allows (`files:list`). One component serves Open,
 * Import and Save As.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { FileEntry } from '../../../src-shared/ipc/contract.js';
import type { AfterSave } from '../../state/store.js';
import { suggestFileName } from '../commands.js';
import { useServices } from '../editor-context.js';
import { Icon } from '../Icon.js';
import { Modal } from './Modal.js';

export type FileDialogMode = 'open' | 'import' | 'save';

const MODES = {
  open: { title: 'Open project', verb: 'Open', extensions: ['.nwproj'] },
  import: { title: 'Import Keras / TF.js model', verb: 'Import', extensions: ['.json'] },
  save: { title: 'Save project as', verb: 'Save', extensions: ['.nwproj'] },
} as const;

/** `onClose` runs when a file was chosen, `onCancel` when the user backs out. */
export function FileDialog({
  mode,
  then,
  onClose,
  onCancel,
}: {
  mode: FileDialogMode;
  then?: AfterSave;
  onClose(): void;
  onCancel(): void;
}): ReactElement {
  const { host, store, commands } = useServices();
  const m = MODES[mode];
  const pathId = useId();
  const [dir, setDir] = useState<string | null>(null);
  const [parent, setParent] = useState<string | null>(null);
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [path, setPath] = useState('');
  // A slow folder listing (a remote box) must not replace a path the user has started typing.
  const typed = useRef(false);
  const [error, setError] = useState<string | null>(null);

  const list = useCallback(
    async (at?: string) => {
      const r = await host.call('files:list', { ...(at ? { dir: at } : {}), extensions: [...m.extensions] });
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setDir(r.value.dir);
      setParent(r.value.parent);
      setEntries(r.value.entries);
      if (mode === 'save' && !typed.current) setPath(`${r.value.dir}/${suggestFileName(store.getState().doc.name)}`);
    },
    [host, m, mode, store],
  );

  useEffect(() => {
    void list(store.getState().path?.replace(/[\\/][^\\/]*$/, '') || undefined);
  }, [list, store]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const p = path.trim();
    if (!p) return setError('Enter a file path, or pick a file below.');
    onClose();
    if (mode === 'open') void commands.openPath(p);
    else if (mode === 'import') void commands.importModel({ path: p });
    else void commands.saveTo(p.endsWith('.nwproj') ? p : `${p}.nwproj`, then);
  };

  return (
    <Modal
      title={m.title}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" form={`${pathId}-form`} className="btn btn--accent">
            {m.verb}
          </button>
        </>
      }
    >
      <form id={`${pathId}-form`} onSubmit={submit} className="file-dialog">
        <label htmlFor={pathId} className="field__label">
          File path
        </label>
        <input
          id={pathId}
          className="mono"
          type="text"
          value={path}
          onChange={(e) => {
            typed.current = true;
            setPath(e.target.value);
          }}
          spellCheck={false}
          data-autofocus
          placeholder={`${dir ?? ''}/…${m.extensions[0]}`}
        />
        <div className="file-browser">
          <div className="file-browser__bar">
            <button
              type="button"
              className="icon-button"
              aria-label="Up one folder"
              disabled={!parent}
              onClick={() => {
                typed.current = false; // going elsewhere: suggest a name there
                if (parent) void list(parent);
              }}
            >
              <Icon name="up" />
            </button>
            <span className="file-browser__dir mono" title={dir ?? ''}>
              {dir ?? '…'}
            </span>
          </div>
          <ul className="file-browser__list" aria-label={`Files in ${dir ?? 'folder'}`}>
            {entries.length === 0 && !error && <li className="muted file-browser__empty">No {m.extensions.join(' or ')} files here.</li>}
            {entries.map((f) => (
              <li key={f.path}>
                <button
                  type="button"
                  className={`file-entry ${f.path === path ? 'is-selected' : ''}`}
                  onClick={() => {
                    if (f.kind === 'file') return setPath(f.path);
                    typed.current = false;
                    void list(f.path);
                  }}
                  onDoubleClick={() => f.kind === 'file' && submit()}
                  aria-label={f.kind === 'dir' ? `Folder ${f.name}` : f.name}
                >
                  <Icon name={f.kind === 'dir' ? 'folder' : 'file'} />
                  {f.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
