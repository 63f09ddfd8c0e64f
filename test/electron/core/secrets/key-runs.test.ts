/**
 * Issue 13 §2: a server that echoes the key without its `sk-` (or in pieces) got the fragment into
 * what Saldo stores and prints; and a key typed where a command, option or path belongs was
 * echoed on stderr.
 */
import { describe, expect, it } from 'vitest';
import { redactSecrets, redactStrings } from '../../../../electron/core/secrets';
import { runInProcess } from '../../cli/cli-harness';

const KEY = `sk-admin-${'Zq7vW2mN9pL4kR8tY3bH6jD1fG5sA0cE2uI9oP3x'}`;

describe('runs of a known key', () => {
  it('scrubs the key without its sk-, and any 8-character run of it', () => {
    const text = `Incorrect key ${KEY.slice(3)}; pieces ${KEY.slice(12, 20)} and ${KEY.slice(30, 45)}`;
    const scrubbed = redactSecrets(text, KEY);
    expect(scrubbed).toBe('Incorrect key [key]; pieces [key] and [key]');
    // The words of its kind stay: advice can still name an Admin key.
    expect(redactSecrets('an Admin key (sk-admin-…)', KEY)).toBe('an Admin key (sk-admin-…)');
    expect(redactSecrets(`short ${KEY.slice(20, 27)}`, KEY)).toBe(`short ${KEY.slice(20, 27)}`);
  });

  it('scrubs every string of what a server sent', () => {
    expect(redactStrings([{ lineItem: `gpt ${KEY.slice(9, 30)}`, amount: 5 }], KEY)).toEqual([
      { lineItem: 'gpt [key]', amount: 5 },
    ]);
  });

  it.each([
    [[KEY]],
    [['status', `--${KEY}`]],
    [['status', `--${KEY.slice(3)}`]],
    [[KEY.slice(3)]],
    [['evaluate', `/tmp/${KEY.slice(9)}.json`]],
  ])('a key typed in place of a command, option or path is not echoed: %j', async (args) => {
    const run = await runInProcess(args, { env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: /);
    for (let at = 9; at + 12 <= KEY.length; at++) expect(run.stderr).not.toContain(KEY.slice(at, at + 12));
  });
});
