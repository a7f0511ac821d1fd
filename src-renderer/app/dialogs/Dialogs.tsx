/** Shows whichever dialog the store says is open (dialog state is data, like everything else). */
import type { ReactElement } from 'react';
import { assertNever } from '../../../src-shared/util/assert-never.js';
import { ExportDialog } from '../../export/ExportDialog.js';
import { useEditor, useServices } from '../editor-context.js';
import { AboutDialog } from './AboutDialog.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { FileDialog } from './FileDialog.js';
import { TemplateDialog } from './TemplateDialog.js';

export function Dialogs(): ReactElement | null {
  const { store, host } = useServices();
  const dialog = useEditor((s) => s.dialog);
  const close = () => store.getState().setDialog(null);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'templates':
      return <TemplateDialog onClose={close} />;
    case 'open':
      return <FileDialog mode="open" onClose={close} onCancel={close} />;
    case 'import':
      return <FileDialog mode="import" onClose={close} onCancel={close} />;
    case 'save': {
      // Backing out of "Save as" while the window waits to close means: do not close.
      const cancel = () => {
        close();
        if (dialog.then === 'close') void host.call('app:confirmClose', { proceed: false });
      };
      return <FileDialog mode="save" onClose={close} onCancel={cancel} {...(dialog.then ? { then: dialog.then } : {})} />;
    }
    case 'confirm-discard':
      return <ConfirmDialog then={dialog.then} />;
    case 'about':
      return <AboutDialog onClose={close} />;
    case 'export':
      return <ExportDialog onClose={close} {...(dialog.runId ? { runId: dialog.runId } : {})} />;
    default:
      return assertNever(dialog);
  }
}
