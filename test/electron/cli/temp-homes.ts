/**
 * A `saldo` user of a test: a SALDO_HOME of their own in a temp folder (removed after each test),
 * in the language asked for, and commands run in-process that must succeed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { openStores } from '../../../electron/core/stores';
import { runInProcess } from './cli-harness';

/** Call at a test file's top level: a maker of homes, each removed after the test that made it. */
export function tempHomes(): (language?: 'en' | 'nl') => string {
  const homes: string[] = [];
  afterEach(() => {
    for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
  });
  return (language = 'en') => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-cli-'));
    homes.push(home);
    if (language === 'nl') {
      const stores = openStores({ dir: home });
      if (!stores.ok) throw new Error(stores.error.message);
      stores.settings.update({ language });
    }
    return home;
  };
}

/** `saldo …args` in `home` with `env`, expected to exit 0; resolves with what it printed. */
export function succeeding(home: string, env: Record<string, string>) {
  return async (...args: string[]): Promise<string> => {
    const run = await runInProcess(args, { env: { SALDO_HOME: home, ...env } });
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
}
