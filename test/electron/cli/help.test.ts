/** `saldo --help` and command dispatch: help lists the commands; an unknown one is one error line. */
import { beforeAll, describe, expect, it } from 'vitest';
import { helpText } from '../../../electron/cli/run';
import { expectNoStackTrace, expectUsageError, runInProcess, spawnSaldo, type CliRun } from './cli-harness';

describe('saldo as a process', () => {
  let help: CliRun;
  let unknown: CliRun;

  beforeAll(async () => {
    [help, unknown] = await Promise.all([spawnSaldo(['--help']), spawnSaldo(['frobnicate', 'x.json'])]);
  }, 30_000);

  it('--help lists evaluate and exits 0', () => {
    expectNoStackTrace(help);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^ {2}saldo evaluate CASE\.json +\S/m);
    expect(help.stdout).toMatch(/^ {2}saldo --help +\S/m);
  });

  it('an unknown command exits 2 with one error line', () => {
    expectUsageError(unknown, 'command');
    expect(unknown.stderr).toContain('"frobnicate"');
  });
});

describe('saldo in-process', () => {
  it.each(['--help', '-h', 'help'])('%s prints the help, exit 0', async (flag) => {
    expect(await runInProcess([flag])).toEqual({ code: 0, stdout: helpText(), stderr: '' });
  });

  it('with no command is a usage error that names the commands, exit 2', async () => {
    const run = await runInProcess([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: command: missing; one of: evaluate, simulator \(see saldo --help\)\n$/,
    );
  });

  it('aligns the summaries of the help in one column', () => {
    const rows = helpText()
      .split('\n')
      .filter((line) => line.startsWith('  saldo '));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const columns = new Set(rows.map((row) => /^ {2}saldo \S+(?: \S+)* {2,}/.exec(row)?.[0].length));
    expect([...columns]).toHaveLength(1);
    expect(columns.has(undefined)).toBe(false);
  });

  it.each([
    ['a plain name', 'frobnicate'],
    ['a name with a colon', 'a: b'],
    ['a name with a newline', 'a\nb'],
    ['an empty name', ''],
    ['a prototype name', '__proto__'],
    ['a prototype method', 'toString'],
    ['an option', '--verbose'],
  ])('an unknown command (%s): exit 2, one error line naming "command"', async (_what, name) => {
    expectUsageError(await runInProcess([name, 'case.json']), 'command');
  });
});
