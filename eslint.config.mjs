// Lint enforces the layering: syntax → model → features → (server | cli); the client only talks LSP.
import tseslint from 'typescript-eslint';

const nodeAndEditor = [
  { group: ['vscode', 'vscode-*', 'vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The pure layers never know about editors or LSP.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'net', 'http', 'https'], message: 'The pure layers do no I/O.' },
  { group: ['zod'], message: 'Settings are validated in the server, not in the pure layers.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test/fixtures/**', 'test/golden/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['server/src/syntax/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeAndEditor, { group: ['**/model/**', '**/features/**', '**/server/**', '**/cli/**', '../model*', '../features*'], message: 'syntax imports nothing above it.' }] }],
    },
  },
  {
    files: ['server/src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeAndEditor, { group: ['**/features/**', '**/server/**', '**/cli/**', '../features*', '../server*', '../cli*'], message: 'model imports only syntax.' }] }],
    },
  },
  {
    files: ['server/src/features/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...nodeAndEditor, { group: ['**/server/**', '**/cli/**', '../server*', '../cli*'], message: 'features import only model and syntax.' }] }],
    },
  },
  {
    files: ['server/src/launch/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/syntax/**', '**/model/**', '**/features/**', '**/server/**', '**/cli/**', '../*', 'vscode*', 'zod'], message: 'The launcher only starts the server: the client bundles its environment, so it imports nothing else.' }] }],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '../server*', '**/launch/**', '../launch*', 'vscode-languageserver*', 'vscode'], message: 'The CLI is an edge over the pure layers; it does not use the LSP server.' }] }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      // Except for how to start the server: the environment its process gets (server/src/launch/environment.ts).
      'no-restricted-imports': ['error', { patterns: [{ regex: 'server/src/(?!launch/environment$)', message: 'The client talks to the server over LSP only.' }] }],
    },
  },
);
