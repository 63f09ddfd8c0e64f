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

  it('--help lists every command, each with its summary beneath, and exits 0', () => {
    expectNoStackTrace(help);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    const commands = ['status', 'sync', 'check', 'alerts', 'purchase add', 'grant add', 'calibrate'];
    commands.push(
      'ledger list',
      'auto-recharge show',
      'export',
      'key',
      'evaluate',
      'simulator',
      'serve',
      '--help',
    );
    for (const command of commands) {
      expect(help.stdout).toMatch(
        new RegExp(`^ {2}saldo ${command}[ |].*\n {6}\\S|^ {2}saldo ${command}\n {6}\\S`, 'm'),
      );
    }
    expect(help.stdout).toMatch(/SALDO_HOME.*SALDO_DEMO=1.*\n.*OPENAI_BASE_URL/);
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
      /^error: command: missing; one of: status, sync, check, .*, evaluate, simulator, serve \(see saldo --help\)\n$/,
    );
  });

  it('puts each summary on its own line, indented under its command', () => {
    const lines = helpText().split('\n');
    const commands = lines.flatMap((line, index) => (line.startsWith('  saldo ') ? [index] : []));
    expect(commands.length).toBeGreaterThanOrEqual(13);
    for (const index of commands) expect(lines[index + 1]).toMatch(/^ {6}\S/);
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
