/**
 * `saldo simulator`: end to end as a real process (prints its URL, serves, stops cleanly on
 * SIGTERM), in-process with a stop of our own, and its option errors.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { simulatorCommand } from '../../../../electron/cli/commands/simulator';
import { BIN, expectUsageError, REPO_ROOT, runInProcess } from '../../cli/cli-harness';
import { MemorySecretStore } from '../../../../electron/core/secrets';
import { ADMIN_KEY, request } from './sim-harness';

const URL_LINE = /^Simulator: (http:\/\/127\.0\.0\.1:(\d+)\/v1)\n/;

describe('saldo simulator as a process', () => {
  it('prints its URL and a curl line, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'simulator', '--port', '0', '--scenario', 'empty'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          if (stdout.split('\n').length > 2) resolve();
        });
        child.on('exit', () => reject(new Error(`exited early: ${stderr}`)));
      });
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
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(stderr).toBe('');
  }, 20_000);
});

describe('saldo simulator in-process', () => {
  it('serves until told to stop, then closes', async () => {
    let stdout = '';
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = {
      stdout: (text: string) => (stdout += text),
      stderr: () => undefined,
      readStdin: async () => '',
      readFile: async () => '',
      writeFile: async () => undefined,
      env: {},
      readSecret: async () => '',
      openSecrets: async () => new MemorySecretStore(),
    };
    const running = simulatorCommand(['--scenario', 'exhausted', '--speed', '2.5'], io, () => stopped);
    while (!stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 10));
    const baseUrl = URL_LINE.exec(stdout)![1]!;
    expect((await request(`${baseUrl}/dashboard/billing/credit_grants`, { key: ADMIN_KEY })).status).toBe(
      200,
    );
    stop();
    expect(await running).toBe(0);
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
