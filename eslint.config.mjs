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
const layer = (groups, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: groups, paths }],
});

// IPC only through the typed wrappers (GitHub Desktop's rule): electron/main/ipc.ts in main, the
// preload's bridge; the entry files hand the real modules in.
const IPC_WRAPPERS = ['electron/main/ipc.ts', 'electron/main/index.ts', 'electron/preload/index.ts'];
const RAW_IPC = 'IPC goes through the typed wrappers only: electron/main/ipc.ts and electron/preload/.';
const noRawIpc = [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: RAW_IPC }];
const rawIpcProperties = ['ipcMain', 'ipcRenderer'].map((property) => ({ property, message: RAW_IPC }));

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
    rules: {
      ...layer([{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }], noRawIpc),
      'no-restricted-properties': ['error', ...rawIpcProperties],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: layer([
      { group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' },
      {
        group: [
          'electron',
          'electron/*',
          'electron-store',
          'electron-log',
          'electron-log/*',
          '**/main/**',
          '**/preload/**',
        ],
        message: 'core/ and cli/ run in plain Node: Electron stays in electron/main and electron/preload.',
        // Types vanish at build time: core may describe what main hands it.
        allowTypeImports: true,
      },
    ]),
  },
  {
    files: IPC_WRAPPERS,
    rules: { 'no-restricted-imports': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.cjs', 'scripts/**/*.ts', '*.mts', '*.mjs', 'bin/**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bin/**/*.cjs', 'test/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
