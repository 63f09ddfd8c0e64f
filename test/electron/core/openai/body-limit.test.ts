/**
 * Provider bodies are read with a limit on the decompressed bytes (read-body.ts): a gzip bomb, a
 * huge plain page or an endless body ends as a `bad-response` naming the limit, after about that
 * many bytes, and the connection is given up. Against a real HTTP server on 127.0.0.1.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../../electron/core/openai/read-body';
import { always, startTestServer, type TestServer } from './http-test-server';
import { createFakeClock, fixture, testBackend } from './openai-test-kit';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(reply: Parameters<typeof always>[0]) {
  server = await startTestServer(always(reply));
  return testBackend(server.baseUrl, createFakeClock());
}

/** `size` bytes of JSON-looking filler, gzipped: a few hundred KB on the wire. */
function gzipBomb(size: number): Buffer {
  return gzipSync(Buffer.alloc(size, ' '), { level: 9 });
}

it('a gzip body inflating past the limit is refused at the limit, naming it, and not retried', async () => {
  const bomb = gzipBomb(MAX_BODY_BYTES * 2);
  expect(bomb.byteLength).toBeLessThan(200_000);
  const backend = await serve({ body: bomb, headers: { 'content-encoding': 'gzip' } });
  const result = await backend.fetchCosts({ startDay: '2024-11-01' });
  expect(result).toEqual({
    ok: false,
    error: {
      kind: 'bad-response',
      message: 'costs: the server answered more than 32 MB; Saldo stops reading there',
    },
  });
  expect(server!.requests).toHaveLength(1);
});

it('a plain body past the limit is refused the same way; one just under it is read', async () => {
  const page = fixture('openai-costs-page.json');
  const backend = await serve({ body: page + ' '.repeat(MAX_BODY_BYTES) });
  const result = await backend.fetchCosts({ startDay: '2024-11-01' });
  expect(!result.ok && result.error.message).toMatch(/more than 32 MB; Saldo stops reading there/);
  await server!.close();
  const fits = await serve({ body: page + ' '.repeat(MAX_BODY_BYTES - page.length - 1) });
  expect((await fits.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
});

it('a huge error body is cut, not refused: the 503 stays a server error', async () => {
  const backend = await serve({ status: 503, body: 'x'.repeat(MAX_BODY_BYTES * 2) });
  const result = await backend.fetchCosts({ startDay: '2024-11-01' });
  expect(result).toMatchObject({ ok: false, error: { kind: 'server', status: 503 } });
});
