/**
 * Builds the renderer once before the e2e suites (a no-op when dist/renderer is newer than its
 * sources), so browser suites serve what the sources say and no suite pays for the build.
 */
import { ensureRendererBuilt } from '../../../src-main/server/renderer-build.js';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt({ log: (line) => console.log(line) });
}
