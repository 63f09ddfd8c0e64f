/**
 * A sync that dies (killed, out of memory) leaves a trace: the monitor records the sync's start
 * before it fetches, so the next `saldo status` says the last sync has not finished instead of
 * showing the one before it as the latest word. A real `saldo sync` child, killed while it waits
 * on a real server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runInProcess } from '../cli/cli-harness';
import { startTestServer, type TestServer } from './openai/http-test-server';
import { FAKE_ADMIN_KEY } from './secrets/secrets-test-kit';

let server: TestServer | undefined;
let home: string | undefined;
afterEach(async () => {
  await server?.close();
  if (home !== undefined) fs.rmSync(home, { recursive: true, force: true });
});

it('a sync killed while fetching is reported by the next run as not finished', async () => {
  server = await startTestServer(() => ({ hang: true }));
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-unfinished-'));
  const env = { SALDO_HOME: home, OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY, OPENAI_BASE_URL: server.baseUrl };
  const child = spawn(process.execPath, [BIN, 'sync'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  child.kill('SIGKILL');
  await exited;

  const status = await runInProcess(['status', '--json'], { env });
  expect(status.code, status.stderr).toBe(0);
  const { lastSync } = JSON.parse(status.stdout);
  expect(lastSync).toMatchObject({ ok: false, error: { kind: 'unfinished' } });
  expect(lastSync.error.message).toMatch(/^the sync started at \S+ has not finished/);
  const shown = await runInProcess(['status'], { env });
  expect(shown.stdout).toMatch(/Sync problem\s+failed .*has not finished/);
});
