/** Bundled into an IIFE and evaluated in the benchmark's page: the core as the renderer runs it. */
export { validateDocument } from '../../src-shared/graph/validate.js';
export { summarizeModel } from '../../src-shared/graph/summary.js';
