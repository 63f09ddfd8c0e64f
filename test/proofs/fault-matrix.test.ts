/**
 * Proof (issue 13 §5, fault matrix): `saldo sync` against a hostile provider on 127.0.0.1 — hangs,
 * 5xx, 429 variants, quota codes, broken and deeply nested JSON, endless and looping pages,
 * redirects, a gzip bomb, huge and empty bodies, wrong content types, and rows the engine cannot
 * book. Each case records the exit, the error kind, the time and whether the stored files stayed as
 * they were. Survived: the expected exit (0, or 2 for a failed sync) with one clear error line and
 * no stack trace, the expected error kind or warning, the data files intact where the sync failed
 * (and the user's entries always), within the deadline. Most cases run in-process (`runCli`); the
 * bombs run as real `saldo sync` children whose peak memory is measured.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runInProcess, type CliRun } from '../electron/cli/cli-harness';
import {
  startTestServer,
  type Handler,
  type Reply,
  type TestServer,
} from '../electron/core/openai/http-test-server';
import { FAKE_ADMIN_KEY } from '../electron/core/secrets/secrets-test-kit';
import { recordFigures } from './support/figures';

const PROOF = 'fault matrix';
/** The sync's deadline in these runs (SALDO_SYNC_DEADLINE_MS): hangs end here, not at 90 s. */
const DEADLINE_MS = 2_000;
const DAY_S = 86_400;
const TODAY_S = Math.floor(Date.now() / 1000 / DAY_S) * DAY_S;

let hostile: TestServer;
/** Where redirects point: it must never be asked anything (the key stays with its host). */
let elsewhere: TestServer;
let handler: Handler = () => ({});
let base: string;
const homes: string[] = [];

interface Outcome {
  name: string;
  survived: boolean;
  exit: number | null;
  kind: string;
  ms: number;
  intact: boolean;
  why: string[];
}
const outcomes: Outcome[] = [];

function page(results: unknown[], extra: Record<string, unknown> = {}, start = TODAY_S): string {
  const data = [{ object: 'bucket', start_time: start, end_time: start + DAY_S, results }];
  return JSON.stringify({ object: 'page', data, has_more: false, next_page: null, ...extra });
}
const cost = (value: unknown, line = 'input') => ({
  object: 'organization.costs.result',
  amount: value === undefined ? undefined : { value, currency: 'usd' },
  line_item: line,
});
const GOOD_COSTS = page([cost(1.25)]);
const EMPTY = page([]);
const error = (
  status: number,
  code: string | null,
  type = 'invalid_request_error',
  message = 'no',
): Reply => ({
  status,
  body: JSON.stringify({ error: { message, type, param: null, code } }),
});

/** Costs answer `costs`; usage and the balance answer well unless told. */
function provider(costs: Handler, others: Partial<Record<'usage' | 'balance', Handler>> = {}): Handler {
  return (request, index) => {
    if (request.path.endsWith('/organization/costs')) return costs(request, index);
    if (request.path.endsWith('/usage/completions')) return others.usage?.(request, index) ?? { body: EMPTY };
    return (
      others.balance?.(request, index) ?? error(403, null, 'server_error', 'must be made with a session key')
    );
  };
}
const costsAnswer = (reply: Reply) => provider(() => reply);

function envFor(home: string, extra: Record<string, string> = {}) {
  return {
    SALDO_HOME: home,
    OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY,
    OPENAI_BASE_URL: hostile.baseUrl,
    SALDO_SYNC_DEADLINE_MS: String(DEADLINE_MS),
    ...extra,
  };
}

/** Every stored file but the sync's own health and the alerts (a failed sync writes those). */
function dataSnapshot(home: string): string {
  const files = fs
    .readdirSync(home, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.endsWith('.lock') && fs.statSync(path.join(home, name)).isFile())
    .sort();
  return JSON.stringify(
    files.map((name) => {
      const text = fs.readFileSync(path.join(home, name), 'utf8');
      if (path.basename(name) !== 'ledger.json') return [name, text];
      const { syncHealth, alertMemory, alertHistory, ...data } = JSON.parse(text);
      return [name, data, Boolean(syncHealth && alertMemory && alertHistory)];
    }),
  );
}

function entriesOf(home: string): string {
  return JSON.stringify(JSON.parse(fs.readFileSync(path.join(home, 'ledger.json'), 'utf8')).entries);
}

/** A copy of the base home: a purchase and one good sync already stored. */
function freshHome(empty = false): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-faults-'));
  homes.push(home);
  if (!empty) fs.cpSync(base, home, { recursive: true });
  return home;
}

/** The error kind of `error: sync: backend <kind>: …`, or `ok`. */
function kindOf(run: CliRun): string {
  return /^error: sync: \w+ ([\w-]+): /m.exec(run.stderr)?.[1] ?? (run.code === 0 ? 'ok' : 'unclear');
}

interface Case {
  name: string;
  handler: Handler;
  /** The error kind expected, or `ok` for a sync that succeeds. */
  kind: string | readonly string[];
  /** What the sync must say it left out or skipped (a success's warning or partial line). */
  says?: RegExp;
  /** Start without the base sync (a first sync asks for the balance too). */
  empty?: boolean;
  /** At most this many requests reach the server. */
  maxRequests?: number;
}

function judge(
  name: string,
  run: CliRun,
  ms: number,
  intact: boolean,
  expected: Pick<Case, 'kind' | 'says'>,
): Outcome {
  const kind = kindOf(run);
  const kinds = typeof expected.kind === 'string' ? [expected.kind] : expected.kind;
  const why: string[] = [];
  if (run.code !== (kind === 'ok' ? 0 : 2)) why.push(`exit ${run.code}`);
  if (!kinds.includes(kind)) why.push(`kind ${kind}, not ${kinds.join('/')}`);
  if (/^\s+at /m.test(run.stderr + run.stdout) || /RangeError|TypeError|heap/i.test(run.stderr)) {
    why.push('stack trace or crash');
  }
  if (kind !== 'ok' && run.stderr.split('\n').filter((line) => line.startsWith('error:')).length !== 1) {
    why.push('not one error line');
  }
  if (expected.says !== undefined && !expected.says.test(run.stdout))
    why.push(`does not say ${expected.says}`);
  if (!intact) why.push('stored files changed');
  if (ms > DEADLINE_MS + 1_500) why.push(`took ${Math.round(ms)} ms`);
  return { name, survived: why.length === 0, exit: run.code, kind, ms, intact, why };
}

async function runCase(c: Case): Promise<Outcome> {
  const home = freshHome(c.empty);
  const before = c.empty ? null : dataSnapshot(home);
  const entries = c.empty ? null : entriesOf(home);
  handler = c.handler;
  const asked = hostile.requests.length;
  const started = performance.now();
  const run = await runInProcess(['sync'], { env: envFor(home) });
  const ms = performance.now() - started;
  const failed = kindOf(run) !== 'ok';
  // A failed sync leaves every data file as it was; any sync leaves the user's entries.
  const intact =
    (before === null || !failed || dataSnapshot(home) === before) &&
    (entries === null || entriesOf(home) === entries);
  const outcome = judge(c.name, run, ms, intact, c);
  const requests = hostile.requests.length - asked;
  if (c.maxRequests !== undefined && requests > c.maxRequests) {
    outcome.why.push(`${requests} requests`);
    outcome.survived = false;
  }
  return outcome;
}

beforeAll(async () => {
  hostile = await startTestServer((request, index) => handler(request, index));
  elsewhere = await startTestServer(() => ({ body: GOOD_COSTS }));
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-faults-base-'));
  homes.push(base);
  handler = provider(() => ({ body: GOOD_COSTS }));
  const yesterday = new Date((TODAY_S - DAY_S) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const env = envFor(base);
  expect((await runInProcess(['purchase', 'add', '--amount', '20', '--at', yesterday], { env })).code).toBe(
    0,
  );
  const first = await runInProcess(['sync'], { env });
  expect(first.code, first.stderr).toBe(0);
});

afterAll(async () => {
  await hostile?.close();
  await elsewhere?.close();
  for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
});

const DEEP = '['.repeat(100_000);
const DEEP_CLOSED = `{"object":"page","data":[],"has_more":false,"next_page":null,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
const HOUR_AHEAD = () => new Date(Date.now() + 3_600_000).toUTCString();

const CASES: Case[] = [
  // Hangs: the sync's deadline ends them.
  { name: 'hang before headers', handler: costsAnswer({ hang: true }), kind: 'timeout' },
  {
    name: 'hang mid-body',
    handler: costsAnswer({ hangAfterBody: true, body: GOOD_COSTS.slice(0, 40) }),
    kind: 'timeout',
  },
  {
    name: 'hang on usage after good costs',
    handler: provider(() => ({ body: GOOD_COSTS }), { usage: () => ({ hang: true }) }),
    kind: 'timeout',
  },
  {
    name: 'hung balance skipped',
    handler: provider(() => ({ body: GOOD_COSTS }), { balance: () => ({ hang: true }) }),
    kind: 'ok',
    says: /balance not fetched.*its share of the sync/,
    empty: true,
  },
  // 5xx.
  {
    name: '500 (retry-after-ms 5)',
    handler: costsAnswer({ status: 500, headers: { 'retry-after-ms': '5' } }),
    kind: 'server',
    maxRequests: 4,
  },
  {
    name: '503 with backoff',
    handler: costsAnswer({ status: 503 }),
    kind: ['server', 'timeout'],
    maxRequests: 4,
  },
  {
    name: '502 then 200',
    handler: (() => {
      let n = 0;
      return provider(() => (n++ === 0 ? { status: 502 } : { body: GOOD_COSTS }));
    })(),
    kind: 'ok',
  },
  {
    name: '503 x-should-retry false',
    handler: costsAnswer({ status: 503, headers: { 'x-should-retry': 'false' } }),
    kind: 'server',
    maxRequests: 1,
  },
  {
    name: '503 retry-after 1 day',
    handler: costsAnswer({ status: 503, headers: { 'retry-after': '86400' } }),
    kind: 'server',
    maxRequests: 1,
  },
  // 429 variants.
  {
    name: '429 retry-after 0',
    handler: costsAnswer({ status: 429, headers: { 'retry-after': '0' } }),
    kind: 'rate-limit',
    maxRequests: 4,
  },
  {
    name: '429 retry-after-ms 20',
    handler: costsAnswer({ status: 429, headers: { 'retry-after-ms': '20' } }),
    kind: 'rate-limit',
    maxRequests: 4,
  },
  {
    name: '429 retry-after 3600 s',
    handler: costsAnswer({ status: 429, headers: { 'retry-after': '3600' } }),
    kind: 'rate-limit',
    maxRequests: 1,
  },
  {
    name: '429 retry-after date',
    handler: (request, index) =>
      costsAnswer({ status: 429, headers: { 'retry-after': HOUR_AHEAD() } })(request, index),
    kind: 'rate-limit',
    maxRequests: 1,
  },
  {
    name: '429 retry-after huge',
    handler: costsAnswer({ status: 429, headers: { 'retry-after': '99999999999999999999' } }),
    kind: 'rate-limit',
    maxRequests: 1,
  },
  {
    name: '429 retry-after garbage',
    handler: costsAnswer({ status: 429, headers: { 'retry-after': 'soon, maybe' } }),
    kind: ['rate-limit', 'timeout'],
    maxRequests: 4,
  },
  {
    name: '429 x-should-retry false',
    handler: costsAnswer({ status: 429, headers: { 'x-should-retry': 'false' } }),
    kind: 'rate-limit',
    maxRequests: 1,
  },
  // Quota codes: never retried.
  ...[
    'insufficient_quota',
    'credit_balance_exhausted',
    'organization_spend_limit_exceeded',
    'project_spend_limit_exceeded',
    'organization_usage_limit_exceeded',
    'billing_hard_limit_reached',
  ].map((code): Case => ({
    name: `quota ${code}`,
    handler: costsAnswer(error(429, code, 'insufficient_quota')),
    kind: 'quota',
    maxRequests: 1,
  })),
  {
    name: 'quota billing_hard_limit_reached (400)',
    handler: costsAnswer(error(400, 'billing_hard_limit_reached')),
    kind: 'quota',
    maxRequests: 1,
  },
  {
    name: '401 invalid key',
    handler: costsAnswer(error(401, 'invalid_api_key')),
    kind: 'auth',
    maxRequests: 1,
  },
  // Broken JSON.
  { name: 'truncated JSON', handler: costsAnswer({ body: GOOD_COSTS.slice(0, -7) }), kind: 'bad-response' },
  {
    name: 'malformed JSON',
    handler: costsAnswer({ body: '{"object":"page",data:[}' }),
    kind: 'bad-response',
  },
  { name: 'deep nesting 100k [', handler: costsAnswer({ body: DEEP }), kind: 'bad-response' },
  { name: 'deep nesting closed', handler: costsAnswer({ body: DEEP_CLOSED }), kind: ['bad-response', 'ok'] },
  {
    name: 'deep nesting in a 500 body',
    handler: costsAnswer({ status: 500, body: DEEP, headers: { 'x-should-retry': 'false' } }),
    kind: 'server',
  },
  // Pages.
  { name: 'endless page chain', handler: costsAnswer({ body: '' }), kind: ['bad-response', 'timeout'] },
  {
    name: 'repeated cursor',
    handler: costsAnswer({ body: page([], { has_more: true, next_page: 'same' }) }),
    kind: 'bad-response',
  },
  {
    name: 'has_more without cursor',
    handler: costsAnswer({ body: page([], { has_more: true, next_page: null }) }),
    kind: 'bad-response',
  },
  // Redirects: never followed, the other host never asked.
  ...[301, 302, 307, 308].map((status): Case => ({
    name: `redirect ${status}`,
    handler: (request, index) =>
      costsAnswer({ status, headers: { location: `${elsewhere.baseUrl}/organization/costs` } })(
        request,
        index,
      ),
    kind: 'server',
  })),
  // Sizes and content.
  {
    name: 'huge plain body (50 MB)',
    handler: costsAnswer({ body: Buffer.alloc(50 * 1024 * 1024, ' ') }),
    kind: 'bad-response',
  },
  {
    name: 'gzip bomb (in-process)',
    handler: costsAnswer({
      body: gzipSync(Buffer.alloc(200 * 1024 * 1024, ' ')),
      headers: { 'content-encoding': 'gzip' },
    }),
    kind: 'bad-response',
  },
  {
    name: 'HTML content type',
    handler: costsAnswer({ body: '<html>Bad gateway</html>', headers: { 'content-type': 'text/html' } }),
    kind: 'bad-response',
  },
  {
    name: 'JSON as text/plain',
    handler: costsAnswer({ body: GOOD_COSTS, headers: { 'content-type': 'text/plain' } }),
    kind: 'ok',
  },
  { name: 'empty 200 body', handler: costsAnswer({ body: '' }), kind: 'bad-response' },
  { name: '204 no content', handler: costsAnswer({ status: 204 }), kind: 'bad-response' },
  // Rows the engine cannot book: left out at the edge and named.
  {
    name: 'day total $999,999,999.999999 + more',
    handler: costsAnswer({ body: page([cost('999999999.999999'), cost(5, 'output')]) }),
    kind: 'ok',
    says: /Sync warning.*below 1,000,000,000 USD/,
  },
  {
    name: 'amount past 10^9',
    handler: costsAnswer({ body: page([cost('1000000000')]) }),
    kind: 'bad-response',
  },
  {
    name: 'missing amount',
    handler: costsAnswer({ body: page([cost(undefined), cost(1)]) }),
    kind: 'ok',
    says: /Sync warning.*had no amount/,
  },
  {
    name: 'bucket dated 9999-12-31',
    handler: costsAnswer({ body: page([cost(1)], {}, 253_402_214_400) }),
    kind: 'ok',
    says: /Sync warning.*dated after today/,
  },
  {
    name: 'sk- text in a line item',
    handler: costsAnswer({ body: page([cost(1, 'sk-proj-abcdefghijklmnopqrstuvwxyz012345')]) }),
    kind: 'ok',
    says: /Sync warning.*looked like an API key/,
  },
];
// The endless chain: a new cursor on every page.
CASES.find((c) => c.name === 'endless page chain')!.handler = (request) =>
  request.path.endsWith('/organization/costs')
    ? { body: page([], { has_more: true, next_page: `p${Math.random()}` }) }
    : { body: EMPTY };

it('every hostile answer ends in a clear error or a named warning, the stored files intact', async () => {
  for (const c of CASES) outcomes.push(await runCase(c));
  expect(elsewhere.requests).toHaveLength(0);
  const failed = outcomes.filter((o) => !o.survived).map((o) => `${o.name}: ${o.why.join(', ')}`);
  expect(failed).toEqual([]);
}, 120_000);

/** Peak resident memory of a real `saldo sync` child, from /usr/bin/time (KB → MB). */
async function childPeak(
  home: string,
): Promise<{ code: number | null; stderr: string; peakMb: number; ms: number }> {
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', 'peak-kb=%M', process.execPath, BIN, 'sync'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...envFor(home) },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const peakKb = Number(/peak-kb=(\d+)/.exec(stderr)?.[1] ?? NaN);
  return {
    code,
    stderr: stderr.replace(/^peak-kb=.*\n?/m, ''),
    peakMb: Math.round(peakKb / 1024),
    ms: performance.now() - started,
  };
}

/** A real `saldo sync` child against costs answered with `reply`: judged, and its peak memory. */
async function childCase(name: string, reply: Reply) {
  handler = costsAnswer(reply);
  const home = freshHome();
  const before = dataSnapshot(home);
  const run = await childPeak(home);
  const intact = dataSnapshot(home) === before;
  outcomes.push(
    judge(name, { code: run.code, stdout: '', stderr: run.stderr }, run.ms, intact, { kind: 'bad-response' }),
  );
  return run;
}

it('a real `saldo sync` against a 500 MB gzip bomb stops at the limit, far below 400 MB', async () => {
  // 500 MB of inflated text in about half a megabyte on the wire, as the report found.
  const bomb = gzipSync(Buffer.alloc(500 * 1024 * 1024, ' '), { level: 9 });
  const bombRun = await childCase('gzip bomb (child)', {
    body: bomb,
    headers: { 'content-encoding': 'gzip' },
  });
  expect(bombRun.stderr).toMatch(/more than 32 MB; Saldo stops reading there/);
  const plainRun = await childCase('huge plain body (child)', { body: Buffer.alloc(50 * 1024 * 1024, ' ') });

  const survived = outcomes.filter((o) => o.survived).length;
  const slowest = outcomes.reduce((a, b) => (b.ms > a.ms ? b : a));
  recordFigures(PROOF, [
    { label: 'survived / total', value: `${survived} / ${outcomes.length}`, target: 'all' },
    { label: 'gzip bomb peak RSS (500 MB inflated)', value: `${bombRun.peakMb} MB`, target: '≤ 400 MB' },
    { label: '50 MB plain body peak RSS', value: `${plainRun.peakMb} MB`, target: '≤ 400 MB' },
    {
      label: 'slowest case',
      value: `${slowest.name}: ${(slowest.ms / 1000).toFixed(1)} s`,
      target: `≤ deadline ${DEADLINE_MS / 1000} s + 1.5 s`,
    },
    {
      label: 'stored files changed by a failed sync',
      value: String(outcomes.filter((o) => !o.intact).length),
      target: '0',
    },
  ]);
  expect(outcomes.filter((o) => !o.survived).map((o) => `${o.name}: ${o.why.join(', ')}`)).toEqual([]);
  expect(bombRun.peakMb).toBeLessThanOrEqual(400);
  expect(plainRun.peakMb).toBeLessThanOrEqual(400);
}, 60_000);
