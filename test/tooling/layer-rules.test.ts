import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's one-way arrows are lint errors, not just words (guide: "enforce it").
const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/billing/x.ts', "import x from 'node:fs';"],
    ['shared/billing/x.ts', "import x from 'electron';"],
    ['shared/billing/x.ts', "import x from '../../electron/cli/run';"],
    ['shared/billing/x.ts', "import x from '../../renderer/bridge';"],
    ['renderer/x.ts', "import x from 'node:path';"],
    ['renderer/x.ts', "import x from '../electron/cli/run';"],
    ['electron/cli/x.ts', "import x from '../../renderer/bridge';"],
  ])('%s may not %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['shared/billing/x.ts', "import x from 'lossless-json';"],
    ['renderer/x.ts', "import x from '../shared/billing/evaluate';"],
    ['electron/cli/x.ts', "import x from 'node:fs';"],
    ['electron/cli/x.ts', "import x from '../../shared/billing/evaluate';"],
  ])('%s may %s', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
