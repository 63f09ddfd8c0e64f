// Lint rules, including the layer rules of the architecture guide: arrows point one way —
// renderer → shared, electron → shared, never shared → anything, never renderer ↔ electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'util',
  'stream',
  'events',
  'url',
  'worker_threads',
];
const layer = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer([
      { group: nodeBuiltins, message: 'shared/ runs everywhere: no Node built-ins.' },
      {
        group: ['electron', 'electron/*', 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
        message: 'shared/ imports nothing of electron/ or renderer/.',
      },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: layer([
      { group: nodeBuiltins, message: 'The renderer has no Node: ask main through renderer/bridge.ts.' },
      {
        group: ['electron', 'electron/*', '**/electron/**'],
        message: 'The renderer reaches main only through the bridge contract.',
      },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: layer([{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }]),
  },
  {
    files: ['test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', '*.mts', '*.mjs', 'bin/**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
