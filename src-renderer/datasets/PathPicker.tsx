/**
 * Choosing an image folder or a CSV file. In Electron, Browse opens the native dialog; in a
 * browser (or demo) there is none, so Browse shows a small list over the folders the server
 * allows (`files:list`). A typed path is checked on submit, before it goes into the document.
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type ReactElement } from 'react';
import type { FileEntry } from '../../src-shared/ipc/contract.js';
import { useServices } from '../app/editor-context.js';
import { Icon } from '../app/Icon.js';

export interface PathPickerProps {
  kind: 'folder' | 'csv';
  value: string;
  onChoose(path: string): void;
}

const CSV_EXTENSIONS = ['.csv', '.tsv', '.txt'];
const parentOf = (p: string) => p.replace(/[\\/]+$/, '').replace(/[\\/][^\\/]*$/, '') || '/';

export function PathPicker({ kind, value, onChoose }: PathPickerProps): ReactElement {
  const { host } = useServices();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);
  useEffect(() => setDraft(value), [value]);
  const noun = kind === 'folder' ? 'folder' : 'CSV file';

  /** Checks that the path exists and is the right kind; in Electron an unlisted path is left to the import to judge. */
  const check = async (path: string): Promise<string | null> => {
    if (kind === 'csv' && !CSV_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e))) return 'Choose a .csv file (comma- or tab-separated, one row per sample).';
    const listed = await host.call('files:list', { dir: kind === 'folder' ? path : parentOf(path) });
    if (!listed.ok) return host.mode === 'electron' && listed.error.code === 'FORBIDDEN' ? null : listed.error.message;
    if (kind === 'csv' && !listed.value.entries.some((e) => e.kind === 'file' && e.path === path)) return `There is no file ${path}.`;
    if (kind === 'folder' && !listed.value.entries.some((e) => e.kind === 'dir')) return `${path} has no sub-folders: put each class’s images in a folder named after the class.`;
    return null;
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    const path = draft.trim();
    if (!path) return setError(`Enter the ${noun}’s path, or browse for it.`);
    const problem = await check(path);
    setError(problem);
    if (!problem) {
      setBrowsing(false);
      onChoose(path);
    }
  };

  const browse = async () => {
    if (host.mode === 'electron') {
      const r = await host.call('dialog:open', { kind });
      if (r.ok && !r.value.canceled && r.value.path) {
        setError(null);
        return onChoose(r.value.path);
      }
      if (!(r.ok && r.value.unsupported)) return;
    }
    setBrowsing(!browsing);
  };

  return (
    <form className="path-picker" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={id} className="field__label">
        {kind === 'folder' ? 'Image folder' : 'CSV file'}
      </label>
      <div className="path-picker__row">
        <input
          id={id}
          className="mono"
          type="text"
          value={draft}
          spellCheck={false}
          placeholder={kind === 'folder' ? '/path/to/images' : '/path/to/table.csv'}
          aria-invalid={error !== null}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn--small" disabled={draft.trim() === value && value !== ''}>
          Use
        </button>
        <button type="button" className="btn btn--small" aria-expanded={host.mode === 'electron' ? undefined : browsing} onClick={() => void browse()}>
          <Icon name="folder" size={13} />
          Browse…
        </button>
      </div>
      {error ? (
        <p id={`${id}-hint`} className="field__error" role="alert">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="field__help">
          {kind === 'folder' ? 'One sub-folder per class (or train/ and test/ folders with class folders inside).' : 'A header row; the last column is the label unless you pick another.'}
        </p>
      )}
      {browsing && <Browser kind={kind} start={value ? (kind === 'folder' ? parentOf(value) : parentOf(value)) : undefined} onPick={(p) => { setDraft(p); setError(null); setBrowsing(false); onChoose(p); }} />}
    </form>
  );
}

function Browser({ kind, start, onPick }: { kind: 'folder' | 'csv'; start: string | undefined; onPick(path: string): void }): ReactElement {
  const { host } = useServices();
  const [dir, setDir] = useState<string | null>(null);
  const [parent, setParent] = useState<string | null>(null);
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const list = useCallback(
    async (at?: string) => {
      const r = await host.call('files:list', { ...(at ? { dir: at } : {}), extensions: kind === 'csv' ? CSV_EXTENSIONS : ['.none'] });
      if (!r.ok) return setError(r.error.message);
      setError(null);
      setDir(r.value.dir);
      setParent(r.value.parent);
      setEntries(r.value.entries);
    },
    [host, kind],
  );
  useEffect(() => void list(start), [list, start]);
  return (
    <div className="file-browser file-browser--inline">
      <div className="file-browser__bar">
        <button type="button" className="icon-button" aria-label="Up one folder" disabled={!parent} onClick={() => parent && void list(parent)}>
          <Icon name="up" />
        </button>
        <span className="file-browser__dir mono" title={dir ?? ''}>
          {dir ?? '…'}
        </span>
        {kind === 'folder' && dir && (
          <button type="button" className="btn btn--small btn--accent" onClick={() => onPick(dir)}>
            Use this folder
          </button>
        )}
      </div>
      <ul className="file-browser__list" aria-label={`Contents of ${dir ?? 'folder'}`}>
        {entries.length === 0 && !error && <li className="muted file-browser__empty">{kind === 'folder' ? 'No sub-folders here.' : 'No CSV files here.'}</li>}
        {entries.map((f) => (
          <li key={f.path}>
            <button
              type="button"
              className="file-entry"
              aria-label={f.kind === 'dir' ? `Folder ${f.name}` : f.name}
              onClick={() => (f.kind === 'dir' ? void list(f.path) : onPick(f.path))}
            >
              <Icon name={f.kind === 'dir' ? 'folder' : 'file'} />
              {f.name}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
