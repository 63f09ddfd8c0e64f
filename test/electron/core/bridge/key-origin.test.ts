/**
 * Issue 13 §2: the dashboard token (or a compromised renderer) could move the key with
 * `settings:update {baseUrl}` and then `key:test`: the full key arrived in another host's
 * Authorization header, and every later poll kept sending it there. Here a real server records
 * every Authorization header it is sent; after the address moves, it must see none.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, openBridgeSession, type BridgeSessionOptions } from '../../../../electron/core/bridge';
import { MemorySecretStore } from '../../../../electron/core/secrets';
import { startSimulator } from '../../../../electron/core/simulator';
import { startRecordingServer } from '../../../support/recording-server';
import { FAKE_ADMIN_KEY } from '../secrets/secrets-test-kit';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function session(env: BridgeSessionOptions['env']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-key-origin-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const secrets = new MemorySecretStore();
  const opened = await openBridgeSession({
    env,
    dir,
    openSecrets: async () => secrets,
    client: { maxRetries: 0 },
  });
  if (!opened.ok) throw new Error(opened.message);
  cleanups.push(() => opened.session.close());
  return (channel: Parameters<typeof dispatch>[1], payload: unknown = {}) =>
    dispatch(opened.session.handlers, channel, payload, { checkResponses: true }) as Promise<{
      ok: boolean;
      value?: unknown;
      error?: { field: string; message: string };
    }>;
}

async function hostile() {
  // Another origin than the simulator's (localhost, not 127.0.0.1), answering like OpenAI would.
  const server = await startRecordingServer(
    () => ({
      status: 200,
      body: JSON.stringify({ object: 'page', data: [], has_more: false, next_page: null }),
    }),
    'localhost',
  );
  cleanups.push(() => server.close());
  return server;
}

describe('a key stays with the origin it was given for', () => {
  it('settings:update of baseUrl, then key:test and a sync: the other host hears no key, and the dashboard says to enter it again', async () => {
    const sim = await startSimulator({ scenario: 'empty' });
    cleanups.push(() => sim.close());
    const elsewhere = await hostile();
    const call = await session({});
    expect(await call('key:set', { key: FAKE_ADMIN_KEY, baseUrl: sim.baseUrl })).toMatchObject({ ok: true });
    expect(await call('sync:refresh-now')).toMatchObject({ ok: true, value: { state: 'ok' } });

    expect(await call('settings:update', { baseUrl: `${elsewhere.origin}/v1` })).toMatchObject({ ok: true });
    const tested = await call('key:test');
    expect(tested).toMatchObject({ ok: false, error: { field: 'key' } });
    expect(tested.error!.message).toBe(
      `The key was given for ${new URL(sim.baseUrl).origin}; enter it again to use it with ${elsewhere.origin}`,
    );
    const synced = await call('sync:refresh-now');
    expect(synced).toMatchObject({
      ok: true,
      value: { state: 'failing', error: { kind: 'auth', reason: 'key-origin' } },
    });
    const state = (await call('state:get')).value as { key: { stored: { origin: string } | null } };
    expect(state.key.stored?.origin).toBe(new URL(sim.baseUrl).origin);

    expect(elsewhere.requests).toEqual([]);
  });

  it('OPENAI_ADMIN_KEY is bound to OpenAI (no OPENAI_BASE_URL), never to the settings file', async () => {
    const elsewhere = await hostile();
    const call = await session({ OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY });
    expect(await call('settings:update', { baseUrl: `${elsewhere.origin}/v1` })).toMatchObject({ ok: true });
    expect(await call('key:test')).toMatchObject({
      ok: false,
      error: {
        field: 'key',
        message: expect.stringMatching(/^The key was given for https:\/\/api\.openai\.com;/),
      },
    });
    expect(await call('sync:refresh-now')).toMatchObject({
      value: { state: 'failing', error: { kind: 'auth', reason: 'key-origin' } },
    });
    expect(elsewhere.requests.filter((request) => request.authorization !== null)).toEqual([]);
  });

  it('refuses plain http:// to another computer, naming the field', async () => {
    const call = await session({});
    expect(await call('settings:update', { baseUrl: 'http://203.0.113.9/v1' })).toMatchObject({
      ok: false,
      error: { field: 'baseUrl', message: expect.stringMatching(/https:\/\/.*127\.0\.0\.1/) },
    });
    expect(await call('settings:update', { baseUrl: 'http://[::1]:8080/v1' })).toMatchObject({ ok: true });
  });
});
