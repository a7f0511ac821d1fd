// Bundles the Electron main process (ESM, dist/main/main.js), the trainer process entry
// (dist/main/trainer-main.js, run by utilityProcess.fork) and the sandboxed preload
// (CommonJS, dist/main/preload.cjs — sandboxed preloads cannot be ES modules). Two builds of
// one config: `vite build -c vite.main.config.ts` for main, `--mode preload` for the preload.
// Our code and pure-JS dependencies are bundled; Electron, Node built-ins and native modules
// (which must stay unpacked on disk, see electron-builder.yml) are not.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const NATIVE = ['electron', 'sharp', 'onnxruntime-node', /^@tensorflow\/tfjs-node/, /^@img\//];
// Loaded from node_modules rather than bundled: tfjs's CommonJS internals call `require('util')`,
// which an ES-module bundle does not have, and h5wasm / the wasm backend locate their .wasm files
// relative to their own package. All are production dependencies, so the packaged app has them.
const RUNTIME_LIBRARIES = [/^@tensorflow\//, 'h5wasm', 'onnx-proto', 'protobufjs'];
const isExternal = (id: string) =>
  id.startsWith('node:') ||
  builtinModules.includes(id) ||
  [...NATIVE, ...RUNTIME_LIBRARIES].some((n) => (typeof n === 'string' ? id === n || id.startsWith(`${n}/`) : n.test(id)));

export default defineConfig(({ mode }) => {
  const preload = mode === 'preload';
  return {
    root,
    // Bundled code reads no .env files and needs no public folder.
    envDir: false,
    publicDir: false,
    build: {
      ssr: true,
      outDir: 'dist/main',
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        // trainer-main is the entry of each trainer utilityProcess; it shares chunks (tfjs, datasets) with main.
        input: preload
          ? { preload: 'src-main/electron/preload.ts' }
          : { main: 'src-main/electron/main.ts', 'trainer-main': 'src-main/training/trainer/trainer-main.ts' },
        external: isExternal,
        // zod ships comments Rollup cannot place; they are harmless and would drown real warnings.
        onwarn: (warning, warn) => void (warning.code === 'INVALID_ANNOTATION' || warn(warning)),
        output: { format: preload ? 'cjs' : 'es', entryFileNames: preload ? '[name].cjs' : '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
});
