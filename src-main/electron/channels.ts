/**
 * The names the Electron shell and its preload share: the two IPC channels (one for calls, one
 * for events) and the app:// origin the renderer is served from.
 */

/** Renderer → main: `invoke(CALL_CHANNEL, name, request)` resolves to a CallResult. */
export const CALL_CHANNEL = 'netwright:call';
/** Main → renderer: `{ event, payload }` messages. */
export const EVENT_CHANNEL = 'netwright:event';

/**
 * The renderer loads from `app://netwright/`, a privileged standard scheme served from
 * dist/renderer, rather than file:// — so `'self'` in the CSP means exactly our files, and
 * the sender check has one origin to trust.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'netwright';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
