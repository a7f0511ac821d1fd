/** dialog:open / dialog:save over Electron's native dialogs (passed in, so no electron import). */
import type { CallRequest, CallResponse } from '../../src-shared/ipc/contract.js';
import type { DialogProvider } from '../api/create-api.js';

interface FileFilter {
  name: string;
  extensions: string[];
}

/** The part of Electron's `dialog` module we use. */
export interface NativeDialogs<W> {
  showOpenDialog(window: W, options: { title?: string; properties: Array<'openFile' | 'openDirectory'>; filters?: FileFilter[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: W, options: { title?: string; defaultPath?: string; filters?: FileFilter[] }): Promise<{ canceled: boolean; filePath?: string }>;
}

type OpenKind = CallRequest<'dialog:open'>['kind'];

const OPEN_OPTIONS: Record<OpenKind, { title: string; properties: Array<'openFile' | 'openDirectory'>; filters?: FileFilter[] }> = {
  project: { title: 'Open Project', properties: ['openFile'], filters: [{ name: 'Netwright project', extensions: ['nwproj'] }] },
  model: { title: 'Import Keras / TF.js Model', properties: ['openFile'], filters: [{ name: 'Keras or TF.js model JSON', extensions: ['json'] }] },
  folder: { title: 'Choose an Image Folder', properties: ['openDirectory'] },
  csv: { title: 'Choose a CSV File', properties: ['openFile'], filters: [{ name: 'CSV table', extensions: ['csv', 'tsv', 'txt'] }] },
};

/** Creates the dialog provider; dialogs are modal to `getWindow()`'s window. */
export function createNativeDialogs<W>(dialog: NativeDialogs<W>, getWindow: () => W): DialogProvider {
  return {
    async open(kind): Promise<CallResponse<'dialog:open'>> {
      const result = await dialog.showOpenDialog(getWindow(), OPEN_OPTIONS[kind]);
      const path = result.filePaths[0];
      return result.canceled || path === undefined ? { canceled: true } : { canceled: false, path };
    },
    async save(defaultName): Promise<CallResponse<'dialog:save'>> {
      const name = /\.nwproj$/i.test(defaultName) ? defaultName : `${defaultName || 'Untitled'}.nwproj`;
      const result = await dialog.showSaveDialog(getWindow(), { title: 'Save Project', defaultPath: name, filters: [{ name: 'Netwright project', extensions: ['nwproj'] }] });
      return result.canceled || !result.filePath ? { canceled: true } : { canceled: false, path: result.filePath };
    },
  };
}
