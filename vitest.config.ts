import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Renderer component tests are .tsx; React 19's automatic JSX runtime needs no React import.
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
