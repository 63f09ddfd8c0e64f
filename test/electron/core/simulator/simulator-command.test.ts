/**
 * `saldo simulator`: end to end as a real process (prints its URL, serves, stops cleanly on
 * SIGTERM), in-process with a stop of our own, and its option errors.
 */
import { describe, expect, it } from 'vitest';
import { simulatorCommand } from '../../../../electron/cli/commands/simulator';
import { expectUsageError, runInProcess, startInProcess, whileSaldoRuns } from '../../cli/cli-harness';
import { ADMIN_KEY, request } from './sim-harness';

const URL_LINE = /^Simulator: (http:\/\/127\.0\.0\.1:(\d+)\/v1)\n/;

describe('saldo simulator as a process', () => {
  it('prints its URL and a curl line, serves, and exits 0 on SIGTERM', async () => {
    const ended = await whileSaldoRuns(
      ['simulator', '--port', '0', '--scenario', 'empty'],
      async (stdout) => {
        const [, baseUrl, port] = URL_LINE.exec(stdout)!;
        expect(Number(port)).toBeGreaterThan(0);
        const [, curl] = stdout.split('\n');
        expect(curl).toMatch(/curl .*Bearer sk-admin-demo.*\/v1\/organization\/costs\?start_time=\d+/);
        // What the curl line does.
        const start = /start_time=(\d+)/.exec(curl!)![1];
        const answer = await request(`${baseUrl}/organization/costs?start_time=${start}`, {
          key: 'sk-admin-demo',
        });
        expect(answer.status).toBe(200);
        expect((answer.plain as { object: string }).object).toBe('page');
      },
    );
    expect(ended).toEqual({ code: 0, signal: null, stderr: '' });
  }, 20_000);
});

describe('saldo simulator in-process', () => {
  it('serves until told to stop, then closes', async () => {
    const running = startInProcess(simulatorCommand, ['--scenario', 'listed-grants', '--speed', '2.5']);
    const baseUrl = URL_LINE.exec(await running.printed('\n'))![1]!;
    expect((await request(`${baseUrl}/dashboard/billing/credit_grants`, { key: ADMIN_KEY })).status).toBe(
      200,
    );
    expect(await running.stop()).toBe(0);
    await expect(fetch(`${baseUrl}/dashboard/billing/credit_grants`)).rejects.toThrow();
  });

  it.each([
    [['--port', '70000'], 'port'],
    [['--port', 'abc'], 'port'],
    [['--port', '-1'], 'port'],
    [['--port'], 'port'],
    [['--speed', '0'], 'speed'],
    [['--speed', 'fast'], 'speed'],
    [['--speed', '1e9'], 'speed'],
    [['--scenario', 'rich'], 'scenario'],
    [['--verbose'], 'simulator'],
    [['now'], 'simulator'],
  ])('%j is one error line naming %s, exit 2', async (args, field) => {
    expectUsageError(await runInProcess(['simulator', ...args]), field);
  });
});
