/**
 * Browser mode's server over real HTTP on 127.0.0.1: who may talk to it (token, Host, Origin), the
 * headers every page gets, the built dashboard as static files, every bridge channel as a POST, and
 * the event stream. The demo account runs on its real embedded simulator (frozen clock); keys live
 * in memory; a second simulator stands in for OpenAI behind a stored key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardStateSchema, type DashboardState } from '../../../../shared/bridge/dashboard-state';
import { CHANNELS, CHANNEL_NAMES, type Channel } from '../../../../shared/bridge/channels';
import {
  startDashboardServer,
  type DashboardServer,
  MAX_BODY_BYTES,
} from '../../../../electron/cli/serve/server';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/core/content-security-policy';
import { packageRoot, rendererDir } from '../../../../electron/cli/serve/static-files';
import { MemorySecretStore } from '../../../../electron/core/secrets';
import { startSimulator, type RunningSimulator } from '../../../../electron/core/simulator';
import { ADD_10_BELOW_5 } from '../../core/bridge/bridge-test-kit';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, KEY_MARK } from '../../core/secrets/secrets-test-kit';
import { fakeRendererBuild, openEvents, raw } from './serve-harness';

const START_AT = Date.UTC(2026, 10, 20, 9, 30);
const FROZEN = 1e-9;

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-serve-home-'));
  dirs.push(dir);
  return dir;
}

async function start(
  options: Partial<Parameters<typeof startDashboardServer>[0]> = {},
): Promise<DashboardServer> {
  const started = await startDashboardServer({
    env: {},
    demo: true,
    dir: tempDir(),
    openSecrets: async () => new MemorySecretStore(),
    poll: false,
    session: {
      demo: { simulator: { startAt: START_AT, speed: FROZEN }, backend: { maxRetries: 0 } },
      client: { maxRetries: 0 },
    },
    ...options,
  });
  if (!started.ok) throw new Error(`${started.field}: ${started.message}`);
  return started.server;
}

let server: DashboardServer;
let build: ReturnType<typeof fakeRendererBuild>;

beforeAll(async () => {
  build = fakeRendererBuild();
  server = await start({ rendererDir: build.dir, heartbeatMs: 200 });
}, 30_000);

afterAll(async () => {
  await server?.close();
  for (const dir of [...dirs, build.root]) fs.rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  ok: boolean;
  value?: Record<string, unknown>;
  error?: { field: string; message: string };
}

/** The snapshot in an answer. */
const stateOf = (answer: Answer) => answer.value as unknown as DashboardState;

/** POST /api/call/<channel> with the token; the JSON answer and its status. */
async function call(channel: string, payload: unknown = {}, target: DashboardServer = server) {
  const response = await fetch(`${target.url}/api/call/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: JSON.parse(text) as Answer,
  };
}

/** The answer, checked against the channel's response schema. */
async function valid(channel: Channel, payload: unknown = {}, target: DashboardServer = server) {
  const answer = await call(channel, payload, target);
  expect(answer.status).toBe(200);
  const parsed = CHANNELS[channel].response.safeParse(answer.json);
  expect(parsed.success, `${channel}: ${answer.text.slice(0, 300)}`).toBe(true);
  return answer.json;
}

describe('who may call', () => {
  const bearer = () => ({ Authorization: `Bearer ${server.token}` });

  it.each([
    ['POST', '/api/call/state:get'],
    ['GET', '/api/events'],
    ['GET', '/api/no-such-route'],
    ['DELETE', '/api/'],
    ['GET', '/api'],
  ])('%s %s without the token: 401 before any routing', async (method, route) => {
    const answer = await raw(server.port, {
      method,
      path: route,
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toEqual({ error: 'unauthorized' });
  });

  it.each([
    ['a wrong token', () => `Bearer ${'x'.repeat(43)}`],
    ['the token with one more character', () => `Bearer ${server.token}x`],
    ['the token cut short', () => `Bearer ${server.token.slice(0, -1)}`],
    ['the token without Bearer', () => server.token],
    ['basic auth', () => `Basic ${Buffer.from(`u:${server.token}`).toString('base64')}`],
  ])('%s: 401, also on unknown paths and the event stream', async (_name, header) => {
    for (const route of ['/api/call/state:get', '/api/events', '/api/unknown']) {
      const answer = await raw(server.port, {
        method: 'POST',
        path: route,
        headers: { Authorization: header() },
      });
      expect(answer.status, route).toBe(401);
    }
  });

  it('with the token: an unknown /api/ path is 404, a GET on a call 405', async () => {
    expect((await raw(server.port, { path: '/api/unknown', headers: bearer() })).status).toBe(404);
    const get = await raw(server.port, { path: '/api/call/state:get', headers: bearer() });
    expect(get).toMatchObject({ status: 405, headers: { allow: 'POST' } });
  });

  it.each([
    ['a foreign host (DNS rebinding)', (port: number) => ({ Host: `evil.example:${port}` })],
    ['the right name on another port', (port: number) => ({ Host: `127.0.0.1:${port + 1}` })],
    ['no port', () => ({ Host: '127.0.0.1' })],
    ['a foreign origin', (port: number) => ({ Origin: 'http://evil.example', Host: `127.0.0.1:${port}` })],
    ['the null origin', () => ({ Origin: 'null' })],
    ['https on the same host', (port: number) => ({ Origin: `https://127.0.0.1:${port}` })],
    ['localhost for a 127.0.0.1 page', (port: number) => ({ Origin: `http://localhost:${port}` })],
  ])('%s: 403, even with the token, on the API and on pages', async (_name, headers) => {
    for (const route of ['/api/call/state:get', '/']) {
      const answer = await raw(server.port, {
        method: route === '/' ? 'GET' : 'POST',
        path: route,
        headers: { ...bearer(), ...headers(server.port) },
        body: route === '/' ? undefined : '{}',
      });
      expect(answer.status, route).toBe(403);
      expect(answer.body).not.toContain('INDEX');
    }
  });

  it('answers its own origin, under either name', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const answer = await raw(server.port, {
        method: 'POST',
        path: '/api/call/settings:get',
        headers: { ...bearer(), Host: host, Origin: `http://${host}` },
        body: '{}',
      });
      expect(answer.status, host).toBe(200);
    }
  });
});

describe('pages', () => {
  it('/ is the dashboard with a strict CSP and the protective headers, never cached', async () => {
    const answer = await raw(server.port, { path: '/' });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('INDEX');
    expect(answer.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    });
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves assets with their types; any other path is the single-page app', async () => {
    expect(await raw(server.port, { path: '/assets/app.js' })).toMatchObject({
      status: 200,
      body: 'console.log("app");',
      headers: { 'content-type': 'text/javascript; charset=utf-8', 'x-content-type-options': 'nosniff' },
    });
    expect((await raw(server.port, { path: '/assets/app.css' })).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    for (const route of ['/overview', '/credits/p1', '/assets/missing.js', '/index.html']) {
      const answer = await raw(server.port, { path: route });
      expect(answer.body, route).toContain('INDEX');
      expect(answer.headers['content-security-policy'], route).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(await raw(server.port, { path: '/favicon.ico' })).toMatchObject({ status: 204, body: '' });
    expect((await raw(server.port, { method: 'POST', path: '/' })).status).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    '/assets/link.txt',
    '/.env',
    `/${encodeURIComponent(path.join('..', 'secret.txt'))}`,
  ])('never serves what lies outside the build (or hidden in it): %s', async (route) => {
    const answer = await raw(server.port, { path: route });
    expect(answer.body).not.toContain('SECRET OUTSIDE');
    expect(answer.body).not.toContain('HIDDEN');
  });

  it('without a build, / says how to make one', async () => {
    const bare = await start({ rendererDir: path.join(build.root, 'no-such-dir') });
    try {
      const answer = await raw(bare.port, { path: '/' });
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('run npm run build:renderer');
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await bare.close();
    }
  });

  it('finds the build from the package root, wherever Saldo runs from', () => {
    expect(fs.existsSync(path.join(packageRoot(), 'package.json'))).toBe(true);
    expect(rendererDir()).toBe(path.join(packageRoot(), 'dist', 'renderer'));
    expect(packageRoot(path.join(packageRoot(), 'electron', 'cli', 'serve'))).toBe(packageRoot());
  });
});

describe('the bridge over HTTP (demo account)', () => {
  beforeAll(async () => {
    await valid('sync:refresh-now');
  }, 30_000);

  it('state:get answers a valid snapshot of the synced demo', async () => {
    const answer = await valid('state:get');
    const snapshot = dashboardStateSchema.parse(answer.value);
    expect(snapshot).toMatchObject({ backend: { name: 'demo' }, sync: { state: 'ok' }, now: START_AT });
    expect(snapshot.account).not.toBeNull();
  });

  it('records a purchase; refuses $60 naming the amount and the $5–$50 limits', async () => {
    expect(await valid('ledger:add-purchase', { amount: '20', id: 'HTTP-1' })).toMatchObject({
      ok: true,
      value: { id: 'HTTP-1', amount: '20' },
    });
    expect(await valid('ledger:add-purchase', { amount: '60' })).toEqual({
      ok: false,
      error: { field: 'amount', message: 'must be within the purchase limits ($5 to $50)' },
    });
  });

  it('adds a grant, calibrates, removes an entry', async () => {
    expect(await valid('ledger:add-grant', { amount: '5', id: 'PROMO' })).toMatchObject({
      ok: true,
      value: { type: 'grant' },
    });
    const calibrated = await valid('ledger:calibrate', { balance: '12.34', at: '2026-11-19T12:00:00Z' });
    expect(calibrated).toMatchObject({ ok: true, value: { type: 'balance', balance: '12.34' } });
    expect(await valid('ledger:remove-entry', { id: 'PROMO' })).toEqual({ ok: true, value: { id: 'PROMO' } });
    expect(await valid('ledger:remove-entry', { id: 'PROMO' })).toMatchObject({
      ok: false,
      error: { field: 'id' },
    });
    const entries = stateOf(await valid('state:get')).entries.map((entry) => entry.id);
    expect(entries).toContain(calibrated.value!.id);
    expect(entries).not.toContain('PROMO');
  });

  it('auto-recharge set with apply changes the demo simulator; get reads it back', async () => {
    const settings = {
      enabled: true,
      threshold: '8',
      mode: 'topUp',
      amount: null,
      target: '40',
      monthlyLimit: null,
    };
    expect(await valid('auto-recharge:set', { settings, apply: true })).toMatchObject({
      ok: true,
      value: { applied: true, settings: { threshold: '8', target: '40', mode: 'topUp' } },
    });
    const simulator = (await (
      await fetch(`${server.session.simulatorUrl()}/sim/auto-recharge`)
    ).json()) as Record<string, unknown>;
    expect(simulator).toMatchObject({ enabled: true, mode: 'topUp' });
    expect([simulator.threshold, simulator.target].map(String)).toEqual(['8', '40']);
    expect(await valid('auto-recharge:get')).toMatchObject({
      ok: true,
      value: { settings: { target: '40' } },
    });
  });

  it('settings: update, a bad value naming its field (stored settings unchanged), get', async () => {
    expect(await valid('settings:update', { runwayDays: 5 })).toMatchObject({
      ok: true,
      value: { runwayDays: 5 },
    });
    expect(await valid('settings:update', { runwayDays: 500 })).toEqual({
      ok: false,
      error: { field: 'runwayDays', message: 'must be at most 365' },
    });
    expect(await valid('settings:update', { runwayDays: 'five' })).toMatchObject({
      ok: false,
      error: { field: 'runwayDays' },
    });
    expect(await valid('settings:get')).toMatchObject({
      ok: true,
      value: { runwayDays: 5, backend: 'demo' },
    });
  });

  it('key: a project key is refused with the Admin-key explanation; test and clear say there is none', async () => {
    const set = await call('key:set', { key: FAKE_PROJECT_KEY, baseUrl: 'https://api.openai.com/v1' });
    expect(set.json).toEqual({
      ok: false,
      error: {
        field: 'key',
        message: expect.stringMatching(/^This is a project key\. The costs API needs an Admin key/),
      },
    });
    expect(set.text).not.toContain(KEY_MARK);
    expect(stateOf(await valid('state:get')).key.stored).toBeNull();
    expect(await valid('key:test')).toMatchObject({ ok: false, error: { field: 'key' } });
    expect(await valid('key:clear')).toEqual({ ok: true, value: { removed: false } });
  });

  it('sync:refresh-now answers the sync status; data:export answers a CSV file', async () => {
    expect(await valid('sync:refresh-now')).toMatchObject({
      ok: true,
      value: { state: 'ok', lastOkAt: START_AT },
    });
    const exported = await valid('data:export', { format: 'csv' });
    expect(exported.value).toMatchObject({
      filename: 'saldo-export-2026-11-20.csv',
      mediaType: 'text/csv; charset=utf-8',
    });
    expect(exported.value!.content).toMatch(/^record,id,date,amount,source,kind,effective_at,expires_at/);
    expect(exported.value!.content).toContain('purchase,HTTP-1,');
  });

  it('notifications:test says browser mode shows none', async () => {
    expect(await valid('notifications:test')).toEqual({
      ok: false,
      error: {
        field: 'notifications',
        message: 'Only the desktop app shows notifications; this is the browser.',
      },
    });
  });

  it('every channel of the contract answers over HTTP', async () => {
    const answered = new Set<string>();
    for (const channel of CHANNEL_NAMES) {
      const answer = await call(channel, { not: 'a field' });
      expect(answer.status).toBe(200);
      // Each refuses before its handler runs: a required field missing, else the stray one by name.
      const shape = CHANNELS[channel].request.shape as Record<
        string,
        { safeParse(value: unknown): { success: boolean } }
      >;
      const required = Object.keys(shape).filter((name) => !shape[name]!.safeParse(undefined).success);
      expect(answer.json, channel).toEqual({
        ok: false,
        error:
          required.length === 0
            ? { field: 'not', message: 'is not a known field' }
            : { field: required[0], message: 'is required' },
      });
      answered.add(channel);
    }
    expect(answered.size).toBe(Object.keys(CHANNELS).length);
  });

  it('bad requests are error values: an unknown channel (200), bad JSON (400), too large (413)', async () => {
    expect(await call('no:such-channel')).toMatchObject({
      status: 200,
      json: { ok: false, error: { field: 'channel' } },
    });
    const badJson = await raw(server.port, {
      method: 'POST',
      path: '/api/call/state:get',
      headers: { Authorization: `Bearer ${server.token}` },
      body: '{"oops"',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toEqual({
      ok: false,
      error: { field: 'request', message: 'must be JSON' },
    });
    const big = await raw(server.port, {
      method: 'POST',
      path: '/api/call/ledger:add-purchase',
      headers: { Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({ amount: '20', id: 'x'.repeat(MAX_BODY_BYTES) }),
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { field: 'request' } });
    expect(
      (
        await raw(server.port, {
          path: '/api/call/state:get',
          headers: { Authorization: `Bearer ${server.token}` },
        })
      ).headers['cache-control'],
    ).toBe('no-store');
  });
});

describe('the event stream', () => {
  it('sends the state at once, then state:changed after a purchase, with heartbeats between', async () => {
    const stream = await openEvents(server.url, server.token);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(stream.headers.get('cache-control')).toBe('no-store');
      const first = await stream.next((message) => message.event !== 'comment');
      expect(first.event).toBe('state:changed');
      expect(dashboardStateSchema.safeParse(JSON.parse(first.data)).success).toBe(true);

      expect(await valid('ledger:add-purchase', { amount: '15', id: 'SSE-1' })).toMatchObject({ ok: true });
      const changed = await stream.next(
        (message) => message.event === 'state:changed' && message.data.includes('"SSE-1"'),
      );
      const state = JSON.parse(changed.data) as DashboardState;
      expect(state.entries.map((entry) => entry.id)).toContain('SSE-1');
      await stream.next((message) => message.event === 'comment');
      expect(stream.text()).toMatch(/\n: heartbeat\n\n/);
    } finally {
      stream.close();
    }
  });
});

describe('an Admin key over HTTP', () => {
  let openai: RunningSimulator;
  let keyed: DashboardServer;

  beforeAll(async () => {
    openai = await startSimulator({ startAt: START_AT, speed: FROZEN, scenario: 'empty' });
    keyed = await start({ demo: false, env: { OPENAI_BASE_URL: openai.baseUrl } });
  }, 30_000);

  afterAll(async () => {
    await keyed?.close();
    await openai?.close();
  });

  it('answers kind and last four, watches the account, refuses apply there; the key is in no answer and no event', async () => {
    const stream = await openEvents(keyed.url, keyed.token);
    const bodies: string[] = [];
    const post = async (channel: Channel, payload: unknown = {}) => {
      const answer = await call(channel, payload, keyed);
      bodies.push(answer.text);
      return answer.json;
    };
    try {
      await stream.next((message) => message.event === 'state:changed');
      expect(await post('key:set', { key: FAKE_ADMIN_KEY, baseUrl: openai.baseUrl })).toEqual({
        ok: true,
        value: { kind: 'admin', last4: 'abcd' },
      });
      await stream.next(
        (message) => message.event === 'state:changed' && message.data.includes('"name":"openai"'),
      );
      expect(await post('sync:refresh-now')).toMatchObject({ ok: true, value: { state: 'ok' } });
      const state = stateOf(await post('state:get'));
      expect(state.backend).toMatchObject({ name: 'openai', baseUrl: openai.baseUrl });
      expect(state.key.stored).toEqual({
        kind: 'admin',
        last4: 'abcd',
        source: 'keychain',
        origin: new URL(openai.baseUrl).origin,
      });
      expect(await post('auto-recharge:set', { settings: ADD_10_BELOW_5, apply: true })).toMatchObject({
        ok: false,
        error: { field: 'apply', message: expect.stringContaining('OpenAI has no API') },
      });
      expect(await post('key:test')).toMatchObject({ ok: true });
    } finally {
      stream.close();
    }
    for (const body of [...bodies, stream.text()]) expectNoKey(body);
    expect(stream.text()).not.toContain(FAKE_ADMIN_KEY.slice(20, 40));
  });
});
