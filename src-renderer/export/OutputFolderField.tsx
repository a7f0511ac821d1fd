/**
 * Where the export goes. A text field everywhere (a path can be typed or pasted); in Electron a
 * "Choose…" button opens the system folder dialog. In browser mode the path is on the machine
 * running `netwright serve`, inside the folders it was allowed to use.
 */
import type { ReactElement } from 'react';
import { useServices } from '../app/editor-context.js';

/** The folder an export of `runId` goes to by default: beside the project, or in the first allowed root. */
export function defaultOutDir(projectPath: string | null, roots: readonly string[], runId: string): string {
  const slug = runId.replace(/[^A-Za-z0-9._-]+/g, '-');
  const cut = projectPath ? projectPath.search(/[\\/][^\\/]*$/) : -1;
  const base = projectPath && cut > 0 ? projectPath.slice(0, cut) : roots[0];
  return base ? `${base}/exports/${slug}` : '';
}

export interface OutputFolderFieldProps {
  value: string;
  onChange(value: string): void;
  roots: readonly string[];
  disabled?: boolean;
}

export function OutputFolderField({ value, onChange, roots, disabled }: OutputFolderFieldProps): ReactElement {
  const { host } = useServices();
  const choose = async () => {
    const picked = await host.call('dialog:open', { kind: 'folder' });
    if (picked.ok && !picked.value.canceled && picked.value.path) onChange(picked.value.path);
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor="export-out-dir">
        Output folder
      </label>
      <div className="export-folder__row">
        <input
          id="export-out-dir"
          type="text"
          className="mono"
          value={value}
          spellCheck={false}
          disabled={disabled}
          placeholder="/path/to/exports"
          aria-describedby="export-out-dir-help"
          onChange={(e) => onChange(e.target.value)}
        />
        {host.mode === 'electron' && (
          <button type="button" className="btn" disabled={disabled} onClick={() => void choose()}>
            Choose…
          </button>
        )}
      </div>
      <span id="export-out-dir-help" className="field__help">
        {host.mode === 'electron'
          ? 'One subfolder per format is created inside it.'
          : `A folder on the machine running Netwright, inside ${roots.length > 0 ? roots.join(', ') : 'the allowed folders'}. One subfolder per format.`}
      </span>
    </div>
  );
}
