import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's one-way arrows are lint errors, not just words (guide: "enforce it").
const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleErrors(rules: readonly string[], file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId !== null && rules.includes(message.ruleId))
    .map((message) => message.message);
}

const importErrors = (file: string, source: string) => ruleErrors(['no-restricted-imports'], file, source);
const ipcErrors = (file: string, source: string) =>
  ruleErrors(['no-restricted-imports', 'no-restricted-properties'], file, source);

describe('layer rules', () => {
  it.each([
    ['shared/billing/x.ts', "import x from 'node:fs';"],
    ['shared/billing/x.ts', "import x from 'electron';"],
    ['shared/billing/x.ts', "import x from '../../electron/cli/run';"],
    ['shared/billing/x.ts', "import x from '../../renderer/bridge';"],
    ['renderer/x.ts', "import x from 'node:path';"],
    ['renderer/x.ts', "import x from '../electron/cli/run';"],
    ['electron/cli/x.ts', "import x from '../../renderer/bridge';"],
    ['electron/core/x.ts', "import x from 'electron';"],
    ['electron/core/x.ts', "import x from 'electron-store';"],
    ['electron/cli/x.ts', "import x from 'electron-log/main';"],
    ['electron/core/x.ts', "import x from '../main/app';"],
  ])('%s may not %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['shared/billing/x.ts', "import x from 'lossless-json';"],
    ['renderer/x.ts', "import x from '../shared/billing/evaluate';"],
    ['electron/cli/x.ts', "import x from 'node:fs';"],
    ['electron/cli/x.ts', "import x from '../../shared/billing/evaluate';"],
    ['electron/core/x.ts', "import type x from 'electron-log';"],
    ['electron/main/x.ts', "import x from 'electron';"],
  ])('%s may %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { ipcMain as x } from 'electron';"],
    ['electron/main/x.ts', "import * as electron from 'electron'; const x = electron.ipcMain;"],
    ['electron/preload/x.ts', "import { ipcRenderer as x } from 'electron';"],
    ['electron/main/x.ts', 'const x = (edge: { ipcMain: unknown }) => edge.ipcMain;'],
  ])('raw IPC outside the typed wrappers: %s may not %s', async (file, source) => {
    expect(await ipcErrors(file, source)).toContainEqual(expect.stringContaining('typed wrappers'));
  });

  it.each([
    ['electron/main/ipc.ts', 'const x = (edge: { ipcMain: unknown }) => edge.ipcMain;'],
    ['electron/preload/index.ts', "import { ipcRenderer as x } from 'electron';"],
  ])('the typed wrappers themselves: %s may %s', async (file, source) => {
    expect(await ipcErrors(file, source)).toEqual([]);
  });
});
