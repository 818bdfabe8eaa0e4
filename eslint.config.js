import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { fileURLToPath } from 'node:url';

/** Folders tag where code runs (docs/ARCHITECTURE.md); these rules keep each folder's imports honest. */
const noElectron = {
  paths: [{ name: 'electron', message: 'Only src/main/platform, src/main/security and src/main/index.ts may import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only src/main/platform, src/main/security and src/main/index.ts may import electron.' }],
};
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'tls', 'url'];
/** The SDK's traps are guarded in one place (docs/MESSAGEBIRD.md): nothing else may call it. */
const onlyGatewayImportsMessageBird = {
  paths: [{ name: 'messagebird', message: 'Only src/main/services/gateway may import messagebird.' }],
  patterns: [{ group: ['messagebird/*'], message: 'Only src/main/services/gateway may import messagebird.' }],
};
/** One no-restricted-imports setting from several lists (a later config object replaces, never merges). */
const restrict = (...lists) => ({ paths: lists.flatMap((l) => l.paths ?? []), patterns: lists.flatMap((l) => l.patterns ?? []) });
const gatewayFiles = 'src/main/services/gateway/**';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.tools/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        restrict(noElectron, onlyGatewayImportsMessageBird, {
          patterns: [
            { group: nodeBuiltins, message: 'src/shared runs in the renderer too: no Node built-ins.' },
            { group: ['react', 'react-dom', 'zustand'], message: 'src/shared has no UI.' },
          ],
        }),
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    ignores: [gatewayFiles],
    rules: { 'no-restricted-imports': ['error', onlyGatewayImportsMessageBird] },
  },
  {
    files: ['src/main/services/**/*.ts', 'src/main/ipc/**/*.ts', 'src/host/**/*.ts'],
    ignores: [gatewayFiles],
    rules: { 'no-restricted-imports': ['error', restrict(noElectron, onlyGatewayImportsMessageBird)] },
  },
  {
    files: [gatewayFiles],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        restrict(noElectron, onlyGatewayImportsMessageBird, {
          patterns: [{ group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins.' }],
        }),
      ],
    },
  },
  {
    // Import direction between rooms (docs/ARCHITECTURE.md), checked on resolved paths so `../../..` and
    // `import type` are caught alike; and no import cycles inside src.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          alias: { '@shared': [fileURLToPath(new URL('./src/shared', import.meta.url))] },
        }),
      ],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: ['./src/main', './src/preload', './src/host', './src/renderer'],
              message: 'src/shared is used by every room and imports none of them.',
            },
            {
              target: './src/renderer',
              from: ['./src/main', './src/preload', './src/host'],
              message: 'The renderer reaches main only through the contract in src/shared and window.smsAdmin.',
            },
            {
              target: './src/main/services',
              from: ['./src/main/ipc', './src/main/platform', './src/main/security', './src/main/index.ts'],
              message: 'Services are plain TypeScript: the IPC layer, platform adapters and security controls call them, never the other way.',
            },
          ],
        },
      ],
      // Value imports only: `import type` is erased at build time and cannot form a run-time cycle.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['test/components/**/*.{ts,tsx}', 'test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
