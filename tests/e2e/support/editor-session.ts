/**
 * One browser-mode app per suite and a fresh editor page per test, with the check every editor
 * test shares: the page logged no errors. Call at the top of a `describe`.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startBrowserMode, type BrowserModeApp, type Editor } from './browser-mode.js';

export interface EditorSession {
  /** The running app (valid inside tests, after the suite's beforeAll). */
  readonly app: BrowserModeApp;
  /** Opens a fresh editor page; it is checked for page errors and closed after the test. */
  openEditor(): Promise<Editor>;
}

export function useEditorSession(): EditorSession {
  let app: BrowserModeApp | undefined;
  let editor: Editor | undefined;
  beforeAll(async () => {
    app = await startBrowserMode();
  });
  afterAll(async () => app?.close());
  afterEach(async () => {
    expect(editor?.errors ?? []).toEqual([]);
    await editor?.context.close();
    editor = undefined;
  });
  return {
    get app() {
      if (!app) throw new Error('the browser-mode app is not started yet');
      return app;
    },
    async openEditor() {
      editor = await this.app.openEditor();
      return editor;
    },
  };
}
