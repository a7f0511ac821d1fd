// Lint zones mirror the architecture: src-shared is pure TypeScript; renderer and main meet
// only through src-shared. Type-aware rules stay off to keep `npm test` fast on 2 cores.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'crypto', 'stream', 'http', 'https', 'net'];
const nodeBuiltins = { paths: nodeBuiltinNames, patterns: ['node:*'] };

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'coverage/**', 'test-results/**', '.spike/**', '.scratch/**', 'runs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-sequences': 'off',
    },
  },
  {
    files: ['bin/**/*.mjs', 'scripts/**/*.{ts,mjs}', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinNames.map((name) => ({ name, message: 'src-shared is pure TypeScript: no Node built-ins.' })),
          patterns: [
            { group: nodeBuiltins.patterns, message: 'src-shared is pure TypeScript: no Node built-ins.' },
            { group: ['electron', 'electron/*'], message: 'src-shared must not import Electron.' },
            { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'chart.js', 'chart.js/*'], message: 'src-shared must not import UI libraries.' },
            { group: ['@tensorflow/*', 'sharp', 'onnxruntime-*'], message: 'Only the trainer and exporters load native ML libraries.' },
            { group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared imports nothing of ours outside itself.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltinNames.map((name) => ({ name, message: 'The renderer is sandboxed: use the Host interface.' })),
          patterns: [
            { group: nodeBuiltins.patterns, message: 'The renderer is sandboxed: use the Host interface.' },
            { group: ['electron', 'electron/*'], message: 'The renderer talks to main only through window.netwright (preload).' },
            { group: ['**/src-main/**'], message: 'Renderer and main meet only through src-shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src-renderer/**'], message: 'Renderer and main meet only through src-shared.' }] },
      ],
    },
  },
);
