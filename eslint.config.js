// One lint for the whole repository. The import boundaries between runtimes live here:
// shared/ imports no Node, Electron, DOM or React; renderer/ reaches Node only through
// the contract; electron/ never imports the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'stream', 'events', 'util', 'buffer', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'scratch/**', 'content/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'shared/ runs everywhere: no Node built-ins.' },
          { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@monaco-editor/*', 'monaco-editor', '@dnd-kit/*'], message: 'shared/ must not import UI libraries.' },
          { group: ['**/electron/**', '**/renderer/**', '../electron', '../renderer'], message: 'shared/ is the bottom layer.' },
          { group: ['gray-matter', 'js-yaml'], message: 'gray-matter and js-yaml are test oracles, not dependencies.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The renderer talks to Node only through shared/api.ts.' },
          { group: ['electron', 'electron/*'], message: 'The renderer talks to Electron only through the preload contract.' },
          { group: ['**/electron/**', '../electron', '../../electron'], message: 'The renderer never imports the Node side.' },
          { group: ['gray-matter', 'js-yaml'], message: 'Test oracles, not dependencies.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/renderer/**', '../renderer'], message: 'The Node side never imports the renderer.' },
          { group: ['gray-matter', 'js-yaml'], message: 'Test oracles, not dependencies.' },
        ],
      }],
    },
  },
  {
    files: ['electron/workspace/**/*.ts', 'electron/host/**/*.ts', 'electron/validate-cli.ts', 'electron/preview-image-cli.ts', 'electron/bookFiles.ts', 'electron/serve.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The workspace service and the localhost host run without Electron.' },
          { group: ['**/renderer/**', '../renderer'], message: 'The Node side never imports the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
