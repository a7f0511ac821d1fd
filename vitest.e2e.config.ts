// End-to-end suites (tests/e2e): slower, and they need a build, a browser or an Electron
// binary — each suite skips itself with a printed reason when what it needs is missing.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // The renderer is built once here, not per suite (browser suites serve dist/renderer).
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time: two cores, and timing-sensitive pointer gestures.
    fileParallelism: false,
  },
});
