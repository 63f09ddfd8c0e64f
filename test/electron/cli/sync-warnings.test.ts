/**
 * A sync that meets cost rows Saldo cannot count in dollars (no amount value, another currency)
 * stores the rest and says what it left out — in `saldo sync`, `status` and `status --json` — instead
 * of failing. Against a real HTTP server on 127.0.0.1 answering as OpenAI's Admin API.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { FAKE_ADMIN_KEY } from '../core/secrets/secrets-test-kit';
import { startTestServer, type TestServer } from '../core/openai/http-test-server';
import { runInProcess } from './cli-harness';

let server: TestServer | undefined;
let home: string | undefined;
afterEach(async () => {
  await server?.close();
  if (home !== undefined) fs.rmSync(home, { recursive: true, force: true });
});

const DAY_S = 86_400;

function page(results: unknown[]): string {
  const today = Math.floor(Date.now() / 1000 / DAY_S) * DAY_S;
  const data = [{ object: 'bucket', start_time: today, end_time: today + DAY_S, results }];
  return JSON.stringify({ object: 'page', data, has_more: false, next_page: null });
}

const cost = (amount: unknown) => ({ object: 'organization.costs.result', amount, line_item: 'input' });

it('sync keeps the dollar rows, and says which rows it left out and why', async () => {
  server = await startTestServer((request) => {
    if (request.path.endsWith('/organization/costs')) {
      const body = page([
        cost({ value: 1.25, currency: 'usd' }),
        cost({ currency: 'usd' }),
        cost({ value: 4, currency: 'eur' }),
      ]);
      return { body };
    }
    if (request.path.endsWith('/usage/completions')) return { body: page([]) };
    // No spend limit set: this test is about the cost rows' warnings alone.
    if (request.path.endsWith('/spend_limit'))
      return { status: 404, body: '{"error":{"message":"Not found"}}' };
    const refusal = { message: 'must be made with a session key', type: 'server_error' };
    return { status: 403, body: JSON.stringify({ error: { ...refusal, param: null, code: null } }) };
  });
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-cli-'));
  const env = { SALDO_HOME: home, OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY, OPENAI_BASE_URL: server.baseUrl };
  const run = (...args: string[]) => runInProcess(args, { env });
  const yesterday = new Date(Date.now() - DAY_S * 1000).toISOString().replace(/\.\d+Z$/, 'Z');

  expect(await run('purchase', 'add', '--amount', '10', '--at', yesterday)).toMatchObject({
    code: 0,
  });
  const synced = await run('sync');
  expect(synced.code, synced.stderr).toBe(0);
  expect(synced.stdout).toMatch(/Balance\s+\$8\.75\n/);
  expect(synced.stdout).toMatch(
    /Sync warning\s+1 cost row on \d{4}-\d\d-\d\d had no amount and was left out/,
  );
  expect(synced.stdout).toMatch(
    /Sync warning\s+1 cost row on \S+ in EUR \(4 EUR\) was left out: Saldo counts US/,
  );

  const status = await run('status');
  expect(status.stdout.match(/Sync warning/g)).toHaveLength(2);
  const json = JSON.parse((await run('status', '--json')).stdout);
  expect(json.lastSync).toMatchObject({ ok: true, error: null });
  expect(json.lastSync.warnings).toEqual([
    { kind: 'cost-without-amount', message: expect.stringContaining('had no amount') },
    { kind: 'cost-not-usd', message: expect.stringContaining('in EUR (4 EUR)') },
  ]);
});
