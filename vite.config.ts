// Builds the renderer (src-renderer) into dist/renderer. `base: './'` keeps every asset URL
// relative, so the same build loads from file:// in Electron and from `netwright serve`.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // zod + React Flow + the catalog are one app-sized chunk; splitting would only add requests.
    chunkSizeWarningLimit: 1500,
    // zod ships comments Rollup cannot place: harmless, and they would bury real warnings.
    rollupOptions: { onwarn: (warning, warn) => void (warning.code === 'INVALID_ANNOTATION' || warn(warning)) },
  },
  // The renderer bundles src-shared and the example templates from outside its root.
  server: { fs: { allow: ['..'] } },
});
