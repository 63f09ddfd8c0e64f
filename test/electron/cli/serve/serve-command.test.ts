/**
 * `saldo serve`: as a real process (prints the dashboard line, answers with its token, stops cleanly
 * on SIGTERM), in-process with a stop of our own, and its option errors.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../../../electron/cli/commands/serve';
import { expectUsageError, runInProcess, startInProcess, whileSaldoRuns } from '../cli-harness';
import { raw } from './serve-harness';

const DASHBOARD_LINE = /^Dashboard: (http:\/\/127\.0\.0\.1:(\d+))\/#token=([A-Za-z0-9_-]{43})\n/;

const homes: string[] = [];
afterAll(() => {
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});
function home(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-serve-cmd-'));
  homes.push(dir);
  return dir;
}

describe('saldo serve as a process', () => {
  it('prints the dashboard line once, answers with the token (not without), and exits 0 on SIGTERM', async () => {
    const ended = await whileSaldoRuns(
      ['serve', '--demo', '--port', '0'],
      async (stdout) => {
        const [, url, port, token] = DASHBOARD_LINE.exec(stdout)!;
        const lines = stdout.split('\n');
        expect(lines[1]).toBe(
          'SALDO_DEMO=1 is set: showing the demo account. Open the address above; stop with Ctrl-C.',
        );
        // The token is printed exactly once.
        expect(stdout.split(token!).length).toBe(2);

        const denied = await raw(Number(port), { method: 'POST', path: '/api/call/state:get', body: '{}' });
        expect(denied.status).toBe(401);
        const answer = await fetch(`${url}/api/call/settings:get`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}` },
          body: '{}',
        });
        expect(answer.status).toBe(200);
        expect(await answer.json()).toMatchObject({ ok: true, value: { backend: 'demo' } });
        expect((await raw(Number(port), { path: '/' })).status).toBe(200);
      },
      { ...process.env, SALDO_HOME: home() },
    );
    expect(ended).toMatchObject({ code: 0, signal: null });
    expect(ended.stderr).not.toContain('error');
  }, 30_000);
});

describe('saldo serve in-process', () => {
  it('serves until told to stop, then closes the server', async () => {
    const running = startInProcess(serveCommand, ['--demo'], { SALDO_HOME: home() });
    const [, url, , token] = DASHBOARD_LINE.exec(await running.printed('stop with Ctrl-C'))!;
    const answer = await fetch(`${url}/api/call/state:get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(await answer.json()).toMatchObject({ ok: true, value: { backend: { name: 'demo' } } });
    expect(await running.stop()).toBe(0);
    await expect(fetch(`${url}/`)).rejects.toThrow();
  });

  it.each([
    [['--port', '70000'], 'port'],
    [['--port', 'abc'], 'port'],
    [['--speed', '2'], 'serve'],
    [['extra'], 'serve'],
  ])('%j is a usage error naming %s', async (args, field) => {
    expectUsageError(await runInProcess(['serve', ...args]), field);
  });

  it('a port in use is an error naming the port', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const run = await runInProcess(['serve', '--demo', '--port', String(port)], {
        env: { SALDO_HOME: home() },
      });
      expectUsageError(run, 'port');
      expect(run.stderr).toContain('EADDRINUSE');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
