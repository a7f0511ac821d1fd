/** Browser mode: import from here, not from the files. */
export { createBrowserApi, readPackageVersion, type BrowserApiOptions } from './browser-api.js';
export { EVENTS_PATH } from './event-socket.js';
export { openInBrowser } from './open-browser.js';
export { checkRendererBuild, ensureRendererBuilt, RENDERER_DIST, REPO_ROOT } from './renderer-build.js';
export { buildCsp, createToken, isAllowedHost } from './security.js';
export { DEFAULT_MAX_BODY_BYTES, startServer, type RunningServer, type ServerOptions } from './start-server.js';
