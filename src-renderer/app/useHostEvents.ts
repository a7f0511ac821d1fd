/**
 * Subscribes to what main pushes: native menu actions, close requests and projects the OS
 * hands the app. Once subscribed it tells main it is ready, so nothing sent at launch is lost.
 */
import { useEffect } from 'react';
import { MENU_ACTIONS, type FixedMenuAction } from '../../src-shared/ipc/actions.js';
import { performAction } from './actions.js';
import { useActionContext, useServices } from './editor-context.js';
import { isTextTarget } from './shortcuts.js';

/** Menu edit commands that a focused text field performs itself (the menu catches their keys first). */
const TEXT_COMMANDS: Partial<Record<FixedMenuAction, string>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.selectAll': 'selectAll',
};

export function useHostEvents(): void {
  const { host, commands } = useServices();
  const ctx = useActionContext();
  useEffect(() => {
    const offs = [
      host.on('menu:action', ({ action }) => {
        const spec = (MENU_ACTIONS as Record<string, { textEditing?: boolean }>)[action];
        const textCommand = TEXT_COMMANDS[action as FixedMenuAction];
        if (spec?.textEditing && textCommand && isTextTarget(document.activeElement)) {
          document.execCommand(textCommand);
          return;
        }
        if (!performAction(action, ctx)) ctx.store.getState().notify(`Unknown menu action "${action}"`, 'warning');
      }),
      host.on('app:closeRequested', () => commands.closeRequested()),
      host.on('project:openRequested', ({ path }) => void commands.openPath(path)),
    ];
    void host.call('app:ready', {});
    return () => offs.forEach((off) => off());
  }, [host, commands, ctx]);
}
