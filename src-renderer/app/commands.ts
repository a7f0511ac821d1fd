/**
 * File workflows: startup, new, open, save, import, recovery and closing with unsaved work.
 * They talk to the Host and put results into the store; failures become a banner or a notice
 * that quotes the core's message, and never touch the document being edited.
 */
import { createEmptyDocument, type ProjectDocument } from '../../src-shared/graph/document.js';
import type { CallName, CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import type { Host } from '../../src-shared/ipc/host.js';
import { selectDirty, type AfterSave, type EditorStore, type PendingLoad } from '../state/store.js';

export const FIRST_TEMPLATE = 'mlp-mnist';

export interface Commands {
  startup(): Promise<void>;
  openTemplate(id: string): Promise<void>;
  newBlank(): void;
  /** Native dialog where there is one (Electron), else the in-app file browser. */
  open(): Promise<void>;
  openPath(path: string): Promise<void>;
  save(): Promise<boolean>;
  /** Asks where (native dialog or the in-app one), then saves; `then` continues a pending load or close. */
  saveAs(then?: AfterSave): Promise<boolean>;
  saveTo(path: string, then?: AfterSave): Promise<boolean>;
  import(): Promise<void>;
  importModel(request: CallRequest<'model:import'>): Promise<void>;
  /** The answer to "Save changes?": save (then continue), discard (continue) or cancel. */
  resolveUnsaved(choice: 'save' | 'discard' | 'cancel'): Promise<void>;
  closeRequested(): void;
  restoreRecovery(): void;
  discardRecovery(): Promise<void>;
  autosave(): Promise<void>;
}

/** `/home/ana/mlp.nwproj` → `mlp.nwproj` */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A file name for Save As from the project name: `MLP classifier (MNIST)` → `mlp-classifier-mnist.nwproj`. */
export function suggestFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'untitled'}.nwproj`;
}

export function createCommands(store: EditorStore, host: Host): Commands {
  const s = () => store.getState();

  /** Calls the host; a failure shows `title` with the server's message and returns null. */
  async function call<K extends CallName>(name: K, request: CallRequest<K>, title: string): Promise<CallResponse<K> | null> {
    const result = await host.call(name, request);
    if (result.ok) return result.value;
    s().showBanner({ tone: 'error', title, message: result.error.message });
    return null;
  }

  function load(p: PendingLoad): void {
    s().load(p.doc, p.path, { saved: p.saved });
    s().showBanner(null);
    if (p.note) s().notify(p.note, 'warning');
  }

  /** Loads now, or first asks about unsaved changes. */
  function offer(p: PendingLoad): void {
    if (selectDirty(s())) s().setDialog({ kind: 'confirm-discard', then: p });
    else load(p);
  }

  async function continueWith(then: AfterSave | undefined): Promise<void> {
    if (then === 'close') await host.call('app:confirmClose', { proceed: true });
    else if (then) load(then);
  }

  const commands: Commands = {
    async startup() {
      const opened = await host.call('templates:open', { id: FIRST_TEMPLATE });
      if (opened.ok) s().load(opened.value.doc, opened.value.path);
      else s().load(createEmptyDocument(), null);
      const recovery = await host.call('project:recovery', {});
      if (recovery.ok && recovery.value) s().setRecovery(recovery.value);
    },
    async openTemplate(id) {
      const opened = await call('templates:open', { id }, `Could not open the template "${id}"`);
      if (opened) offer({ doc: opened.doc, path: null, saved: true });
    },
    newBlank() {
      offer({ doc: createEmptyDocument(), path: null, saved: true });
    },
    async open() {
      const picked = await host.call('dialog:open', { kind: 'project' });
      if (!picked.ok || picked.value.unsupported) s().setDialog({ kind: 'open' });
      else if (!picked.value.canceled && picked.value.path) await commands.openPath(picked.value.path);
    },
    async openPath(path) {
      const opened = await call('project:open', { path }, `Could not open ${baseName(path)}`);
      if (!opened) return;
      const note = opened.migrated.length > 0 ? `Upgraded from an older format: ${opened.migrated.join('; ')}` : undefined;
      offer({ doc: opened.doc, path: opened.path ?? path, saved: true, ...(note ? { note } : {}) });
    },
    async save() {
      const path = s().path;
      return path ? commands.saveTo(path) : commands.saveAs();
    },
    async saveAs(then) {
      const picked = await host.call('dialog:save', { defaultName: suggestFileName(s().doc.name) });
      if (!picked.ok || picked.value.unsupported) {
        s().setDialog(then ? { kind: 'save', then } : { kind: 'save' });
        return false;
      }
      if (picked.value.canceled || !picked.value.path) return false;
      return commands.saveTo(picked.value.path, then);
    },
    async saveTo(path, then) {
      const doc: ProjectDocument = s().doc;
      const saved = await call('project:save', { path, doc }, `Could not save ${baseName(path)}`);
      if (!saved) return false;
      s().markSaved(saved.path, doc);
      s().notify(`Saved ${baseName(saved.path)}`, 'success');
      await host.call('project:discardRecovery', {});
      await continueWith(then);
      return true;
    },
    async import() {
      const picked = await host.call('dialog:open', { kind: 'model' });
      if (!picked.ok || picked.value.unsupported) s().setDialog({ kind: 'import' });
      else if (!picked.value.canceled && picked.value.path) await commands.importModel({ path: picked.value.path });
    },
    async importModel(request) {
      const what = 'path' in request ? baseName(request.path) : request.fileName;
      const imported = await call('model:import', request, `Could not import ${what}`);
      if (!imported) return;
      const note =
        imported.warnings.length > 0
          ? `Imported ${what} with ${imported.warnings.length} note(s): ${imported.warnings.join('; ')}`
          : undefined;
      offer({ doc: imported.doc, path: null, saved: false, ...(note ? { note } : {}) });
      if (!note) s().notify(`Imported ${what}: ${imported.doc.nodes.length} layers`, 'success');
    },
    async resolveUnsaved(choice) {
      const dialog = s().dialog;
      const then = dialog?.kind === 'confirm-discard' ? dialog.then : undefined;
      s().setDialog(null);
      if (choice === 'cancel') {
        if (then === 'close') await host.call('app:confirmClose', { proceed: false });
        return;
      }
      if (choice === 'discard') return continueWith(then);
      const path = s().path;
      if (path) await commands.saveTo(path, then);
      else await commands.saveAs(then);
    },
    closeRequested() {
      if (!selectDirty(s())) void host.call('app:confirmClose', { proceed: true });
      else s().setDialog({ kind: 'confirm-discard', then: 'close' });
    },
    restoreRecovery() {
      const r = s().recovery;
      if (!r) return;
      s().load(r.doc, r.path, { saved: false });
      s().setRecovery(null);
      s().notify('Restored your unsaved work', 'success');
    },
    async discardRecovery() {
      s().setRecovery(null);
      await host.call('project:discardRecovery', {});
    },
    async autosave() {
      const { doc, path } = s();
      if (selectDirty(s())) await host.call('project:autosave', { doc, path });
    },
  };
  return commands;
}
