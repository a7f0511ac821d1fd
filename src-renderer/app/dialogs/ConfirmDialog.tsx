/** "Save your changes?" before a load replaces the document or the window closes. */
import type { ReactElement } from 'react';
import type { AfterSave } from '../../state/store.js';
import { useEditor, useServices } from '../editor-context.js';
import { Modal } from './Modal.js';

export function ConfirmDialog({ then }: { then: AfterSave }): ReactElement {
  const { commands } = useServices();
  const name = useEditor((s) => s.doc.name);
  const closing = then === 'close';
  return (
    <Modal
      title={closing ? 'Save changes before closing?' : 'Save changes first?'}
      size="small"
      onClose={() => void commands.resolveUnsaved('cancel')}
      footer={
        <>
          <button type="button" className="btn" onClick={() => void commands.resolveUnsaved('cancel')}>
            Cancel
          </button>
          <button type="button" className="btn btn--danger-quiet" onClick={() => void commands.resolveUnsaved('discard')}>
            Don’t save
          </button>
          <button type="button" className="btn btn--accent" data-autofocus onClick={() => void commands.resolveUnsaved('save')}>
            Save
          </button>
        </>
      }
    >
      <p>
        “{name}” has changes that are not saved.{' '}
        {closing ? 'They are lost if you close without saving.' : 'They are lost if you continue without saving.'}
      </p>
    </Modal>
  );
}
