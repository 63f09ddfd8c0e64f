/**
 * Proof (issue 13 §5): the bridge fuzzed over its contract and over raw HTTP, with and without the
 * token. (1) Every channel gets valid and hostile payloads through `dispatch` on a real session
 * (demo account, temp data dir): every answer is a value naming a field, never a throw, a stack
 * trace or a key. (2) A real `saldo serve` child gets hostile requests over raw sockets: no 5xx, no
 * crash, no stack trace or token or key in any answer, nothing accepted without the token. The SSE
 * flood's memory is sse-flood.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, CHANNELS, type Channel } from '../../shared/bridge/channels';
import { dispatch, openBridgeSession, type BridgeSession } from '../../electron/core/bridge';
import { MemorySecretStore } from '../../electron/core/secrets';
import { whileSaldoRuns } from '../electron/cli/cli-harness';
import { FAKE_ADMIN_KEY } from '../electron/core/secrets/secrets-test-kit';
import { recordFigures } from './support/figures';
import { hostileValue, leaksIn, payloadFor } from './support/bridge-payloads';
import { exchange, requestBytes, type RawExchange } from './support/raw-http';

const START_AT = Date.UTC(2026, 10, 20, 9, 30);
const RUNS_PER_CHANNEL = 40;
const HTTP_REQUESTS = 1200;
/** Requests in flight at once: below the server's cap on event streams, which answers 503 past it. */
const CONCURRENT = 32;

const homes: string[] = [];
function home(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-fuzz-'));
  homes.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of homes) fs.rmSync(dir, { recursive: true, force: true });
});

/** The network, as far as the fuzz may reach: this computer only (a key never goes elsewhere here). */
const loopbackOnly: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') throw new TypeError('fetch failed');
  return fetch(input, init);
};

interface Tally {
  requests: number;
  fiveXx: number;
  crashes: number;
  leaks: string[];
  acceptedWithoutToken: number;
  /** Requests to /api/ without the token (or from a foreign host or origin). */
  withoutToken: number;
  /** Answers that were not a value naming a field (contract fuzz), or a handler that threw. */
  unnamed: string[];
}

const emptyTally = (): Tally => ({
  requests: 0,
  fiveXx: 0,
  crashes: 0,
  leaks: [],
  acceptedWithoutToken: 0,
  withoutToken: 0,
  unnamed: [],
});
const contract = emptyTally();
const http = emptyTally();

/**
 * What is wrong with one answer of `dispatch`: not a value, an unnamed error, a handler's fault, or
 * an answer the receiving side would refuse (outside the channel's response schema).
 */
function contractFault(answer: unknown, channel?: Channel): string | null {
  if (channel !== undefined && !CHANNELS[channel].response.safeParse(answer).success)
    return 'outside the contract';
  if (typeof answer !== 'object' || answer === null) return 'not an object';
  const { ok, error } = answer as { ok?: unknown; error?: { field?: unknown; message?: unknown } };
  if (ok === true) return null;
  if (ok !== false) return 'no ok';
  if (typeof error?.field !== 'string' || error.field === '') return 'no field';
  if (typeof error.message !== 'string' || error.message === '') return 'no message';
  // `internal`: a handler threw; `response`: an answer outside the contract.
  if (error.field === 'internal' || error.field === 'response') return `${error.field}: ${error.message}`;
  return null;
}

describe('the bridge contract, fuzzed through dispatch on a real session', () => {
  it('answers every payload of every channel with a value naming a field; no throw, stack or key', async () => {
    const opened = await openBridgeSession({
      env: { SALDO_DEMO: '1' },
      dir: home(),
      openSecrets: async () => new MemorySecretStore(),
      demo: { simulator: { startAt: START_AT, speed: 1e-9 }, backend: { maxRetries: 0 } },
      client: { maxRetries: 0, fetch: loopbackOnly },
    });
    if (!opened.ok) throw new Error(opened.message);
    const session: BridgeSession = opened.session;
    const heard: string[] = [];
    session.subscribe((event) => heard.push(JSON.stringify(event)));
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    try {
      for (const channel of CHANNEL_NAMES) {
        await fc.assert(
          fc.asyncProperty(payloadFor(channel, false), async (payload) => {
            contract.requests++;
            let answer: unknown;
            try {
              answer = await dispatch(session.handlers, channel, payload, { checkResponses: true });
            } catch (error) {
              contract.crashes++;
              contract.unnamed.push(`${channel}: threw ${(error as Error)?.name}`);
              return;
            }
            const fault = contractFault(answer, channel);
            if (fault !== null)
              contract.unnamed.push(
                `${channel}: ${fault} ${JSON.stringify(answer).slice(0, 150)} ${fc.stringify(payload).slice(0, 150)}`,
              );
            const leaks = leaksIn(JSON.stringify(answer) ?? '');
            if (leaks.length > 0) contract.leaks.push(`${channel}: ${leaks.join(', ')}`);
          }),
          { numRuns: RUNS_PER_CHANNEL, seed: 13 },
        );
      }
      // A name that is not a channel, and a payload that is no object, for every kind of value.
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor')),
          hostileValue(false),
          async (name, payload) => {
            contract.requests++;
            const answer = await dispatch(session.handlers, name, payload);
            if (contractFault(answer) !== null) contract.unnamed.push(`${name}: ${contractFault(answer)}`);
          },
        ),
        { numRuns: 100, seed: 13 },
      );
    } finally {
      await session.close();
    }
    for (const event of heard) {
      const leaks = leaksIn(event);
      if (leaks.length > 0) contract.leaks.push(`event: ${leaks.join(', ')}`);
    }
    // No payload reached the prototype every object shares.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect(contract.unnamed).toEqual([]);
    expect(contract.leaks).toEqual([]);
    expect(contract.crashes).toBe(0);
  }, 60_000);
});

/** Everything a request line, its headers and its body can be, for a server on `port` with `token`. */
function hostileRequest(port: number, token: string) {
  const channel = fc.constantFrom(...CHANNEL_NAMES);
  const path = fc.oneof(
    { arbitrary: channel.map((name) => `/api/call/${name}`), weight: 6 },
    { arbitrary: fc.constantFrom('/api/events', '/api', '/api/', '/api/call/', '/'), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '/api/call/__proto__',
        '/api/call/constructor',
        '/api/call/%E0%A4%A',
        '/api/call/state%3Aget',
        '/API/call/state:get',
        '/api/call/state:get/../../settings:get',
        '/api/events?token=x',
        '/../../../../etc/passwd',
        '/..%2f..%2f..%2f..%2fetc%2fpasswd',
        '/%2e%2e/%2e%2e/package.json',
        '/assets/..%5c..%5c..%5cpackage.json',
        '/index.html%00.js',
        '//etc/passwd',
        '/.env',
        `/${'a'.repeat(8000)}`,
        `http://evil.example/api/call/state:get`,
        '*',
      ),
      weight: 3,
    },
    { arbitrary: fc.webPath(), weight: 1 },
  );
  const auth = fc.oneof(
    { arbitrary: fc.constant(`Bearer ${token}`), weight: 5 },
    {
      arbitrary: fc.constantFrom(
        undefined,
        `Bearer ${'x'.repeat(43)}`,
        `Bearer ${token}x`,
        `Bearer ${token.slice(0, -1)}`,
        `bearer ${token}`,
        `Bearer  ${token}`,
        token,
        `Basic ${Buffer.from(`u:${token}`).toString('base64')}`,
        `Bearer ${'y'.repeat(5000)}`,
      ),
      weight: 4,
    },
  );
  const host = fc.oneof(
    { arbitrary: fc.constant(`127.0.0.1:${port}`), weight: 8 },
    {
      arbitrary: fc.constantFrom(undefined, 'evil.example', `127.0.0.1:${port + 1}`, `LOCALHOST:${port}`),
      weight: 1,
    },
  );
  const origin = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 8 },
    { arbitrary: fc.constantFrom(`http://127.0.0.1:${port}`, 'http://evil.example', 'null'), weight: 1 },
  );
  const contentType = fc.constantFrom(
    undefined,
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
  );
  const body = fc.oneof(
    {
      arbitrary: channel.chain((name) => payloadFor(name, true)).map((value) => JSON.stringify(value) ?? ''),
      weight: 6,
    },
    {
      arbitrary: fc.constantFrom(
        '',
        '{',
        'null',
        '[]',
        '"text"',
        '1e999',
        '\ufeff{}',
        '{"__proto__":{"polluted":"yes"}}',
        `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
        'x'.repeat(200_000),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      weight: 1,
    },
  );
  const method = fc.oneof(
    { arbitrary: fc.constant('POST'), weight: 5 },
    {
      arbitrary: fc.constantFrom(
        'GET',
        'HEAD',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
        'TRACE',
        'PROPFIND',
        'XYZ',
      ),
      weight: 2,
    },
  );
  return fc.record({ method, path, auth, host, origin, contentType, body });
}

/** What no HTTP library would send: each as bytes. */
function garbledRequests(port: number, token: string): string[] {
  const host = `Host: 127.0.0.1:${port}`;
  const bearer = `Authorization: Bearer ${token}`;
  return [
    'GARBAGE\r\n\r\n',
    '\x00\x01\x02\xff\r\n\r\n',
    `GET /api/call/state:get\r\n\r\n`,
    `POST /api/call/state:get HTTP/1.0\r\n${bearer}\r\n\r\n{}`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{}\r\n`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nContent-Length: -1\r\n\r\n{}`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nContent-Length: 99999999999999999999\r\n\r\n{}`,
    `GET / HTTP/1.1\r\n${host}\r\nCookie: ${'c'.repeat(70_000)}\r\n\r\n`,
    `GET / HTTP/1.1\r\n${host}\r\n${'X-A: b\r\n'.repeat(3000)}\r\n`,
    `GET /api/events HTTP/1.1\r\n${host}\r\n${bearer}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    `CONNECT 127.0.0.1:${port} HTTP/1.1\r\n${host}\r\n\r\n`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nContent-Length: 2\r\n\r\n{}GET /api/call/settings:get HTTP/1.1\r\n${host}\r\nContent-Length: 0\r\n\r\n`,
    `POST /api/call/settings:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}`,
    `GET /api/call/state:get HTTP/1.1\r\n${host}\r\nAuthorization: Bearer ${token}\r\nAuthorization: Bearer x\r\n\r\n`,
    `GET /\xff\xfe HTTP/1.1\r\n${host}\r\n\r\n`,
    `GET / HTTP/9.9\r\n${host}\r\n\r\n`,
    `POST /api/call/state:get HTTP/1.1\r\n${host}\r\n${bearer}\r\nContent-Length: 10\r\n\r\n{}`,
  ];
}

/** The server answers a call with the token: it still runs, and still serves the contract. */
async function stillAnswers(port: number, token: string): Promise<boolean> {
  const body = Buffer.from('{}');
  const answer = await exchange(
    port,
    requestBytes({
      method: 'POST',
      path: '/api/call/state:get',
      headers: [
        ['Host', `127.0.0.1:${port}`],
        ['Authorization', `Bearer ${token}`],
      ],
      body,
    }),
    10_000,
  );
  return answer.statuses[0] === 200 && answer.text.includes('{"ok":true');
}

/** Whether the server takes `path` for an /api/ one; a path it cannot read is held to that standard too. */
function isApi(path: string): boolean {
  try {
    const { pathname } = new URL(path, 'http://127.0.0.1');
    return pathname === '/api' || pathname.startsWith('/api/');
  } catch {
    return true;
  }
}

/** Signs that a path outside the dashboard's folder was served. */
const OUTSIDE = /root:x:0:0|"devDependencies"/;

/** `what`: the request, briefly, to name it when a check fails. */
function tallyHttp(
  answer: RawExchange,
  authorized: boolean,
  api: boolean,
  secrets: readonly string[],
  what: string,
): void {
  http.requests++;
  if (answer.statuses.some((status) => status >= 500)) http.fiveXx++;
  if (!authorized && api) http.withoutToken++;
  if (!authorized && api && answer.statuses.some((status) => status >= 200 && status < 300)) {
    http.acceptedWithoutToken++;
    http.unnamed.push(`accepted: ${what} → ${answer.text.slice(0, 60)}`);
  }
  // The dashboard's own files are public; an error or an /api/ answer must say no more than it should.
  const checked = api || answer.statuses.some((status) => status >= 400) ? answer.text : '';
  const leaks = [...leaksIn(checked, secrets), ...(OUTSIDE.test(answer.text) ? ['a file outside'] : [])];
  if (leaks.length > 0) http.leaks.push(`${what}: ${leaks.join(', ')}`);
}

describe('saldo serve, fuzzed over raw HTTP with and without the token', () => {
  it('gives no 5xx, does not crash, leaks nothing, accepts nothing without the token', async () => {
    const ended = await whileSaldoRuns(
      ['serve', '--demo', '--port', '0'],
      async (stdout) => {
        const [, portText, token] = /127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/.exec(stdout)!;
        const port = Number(portText);
        const secrets = [token!, FAKE_ADMIN_KEY];
        const requests = fc.sample(hostileRequest(port, token!), { numRuns: HTTP_REQUESTS, seed: 13 });
        for (let at = 0; at < requests.length; at += CONCURRENT) {
          await Promise.all(
            requests.slice(at, at + CONCURRENT).map(async (request) => {
              const headers: [string, string][] = [];
              if (request.host !== undefined) headers.push(['Host', request.host]);
              if (request.origin !== undefined) headers.push(['Origin', request.origin]);
              if (request.auth !== undefined) headers.push(['Authorization', request.auth]);
              if (request.contentType !== undefined) headers.push(['Content-Type', request.contentType]);
              const answer = await exchange(
                port,
                requestBytes({ ...request, headers, body: Buffer.from(request.body, 'latin1') }),
              );
              // The token, from this computer's own page: the only way in.
              const host = request.host?.toLowerCase();
              const authorized =
                request.auth === `Bearer ${token}` &&
                (host === `127.0.0.1:${port}` || host === `localhost:${port}`) &&
                (request.origin === undefined || request.origin === `http://${host}`);
              tallyHttp(
                answer,
                authorized,
                isApi(request.path),
                secrets,
                `${request.method} ${request.path.slice(0, 60)} auth ${request.auth?.slice(0, 12)} host ${request.host} origin ${request.origin}`,
              );
            }),
          );
          if (!(await stillAnswers(port, token!))) http.crashes++;
        }
        for (const bytes of garbledRequests(port, token!)) {
          const answer = await exchange(port, Buffer.from(bytes, 'latin1'));
          // Only the pipelined pair's second request and the duplicated header lack a valid token.
          tallyHttp(answer, true, true, secrets, bytes.slice(0, 60));
          if (!(await stillAnswers(port, token!))) http.crashes++;
        }
      },
      { ...process.env, SALDO_HOME: home(), OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY },
    );
    if (ended.signal !== 'SIGTERM' && ended.code !== 0) http.crashes++;
    expect(leaksIn(ended.stderr)).toEqual([]);

    const total = contract.requests + http.requests;
    recordFigures('bridge fuzz', [
      {
        label: 'requests (contract + raw HTTP)',
        value: `${total} (${contract.requests} + ${http.requests})`,
      },
      { label: '5xx', value: String(http.fiveXx), target: '0' },
      { label: 'crashes', value: String(contract.crashes + http.crashes), target: '0' },
      { label: 'leaks', value: String(contract.leaks.length + http.leaks.length), target: '0' },
      { label: 'answers naming no field', value: String(contract.unnamed.length), target: '0' },
      {
        label: 'accepted without token',
        value: `${http.acceptedWithoutToken} of ${http.withoutToken}`,
        target: '0',
      },
    ]);
    expect(http.unnamed).toEqual([]);
    expect(http.leaks).toEqual([]);
    expect(http.fiveXx).toBe(0);
    expect(http.crashes).toBe(0);
    expect(http.acceptedWithoutToken).toBe(0);
  }, 90_000);
});
