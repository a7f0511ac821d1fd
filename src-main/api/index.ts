/** The API services: import from here, not from the files. */
export { ApiFailure, toApiError, type ApiErrorCode } from './api-failure.js';
export { writeFileAtomic, type AtomicWriteFs } from './atomic-write.js';
export { createApi, type ApiHandlers, type ApiOptions, type DialogProvider, type WindowHooks } from './create-api.js';
export { dispatchCall, type Logger } from './dispatch.js';
export { dropEvents, lateBoundSink, type EventSink } from './events.js';
export { createRootsPolicy, createUnrestrictedPolicy, isInside, type PathKind, type PathPolicy } from './path-policy.js';
export { resolveUserDataDir } from './user-data-dir.js';
