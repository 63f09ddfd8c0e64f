/**
 * Issue 13 §2 refuses plain http:// to another computer. A settings.json an older Saldo wrote may
 * still hold such an address: it must cost the user that one setting only (back to OpenAI's
 * address, named in the notice), every other setting kept, and no request may go to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, openBridgeSession } from '../../../../electron/core/bridge';
import { DEFAULT_ACCOUNT, MemorySecretStore } from '../../../../electron/core/secrets';
import { confStoreClass } from '../../../../electron/core/stores';
import { openSettingsStore } from '../../../../electron/core/stores/settings-store';
import { defaultSettings } from '../../../../shared/settings/settings-schema';
import { startRecordingServer } from '../../../support/recording-server';
import { FAKE_ADMIN_KEY } from '../secrets/secrets-test-kit';
import { NOW, tempDir } from './store-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** What an older Saldo kept beside the address: all of it must survive. */
const OTHERS = {
  backend: 'openai',
  pollIntervalMinutes: 30,
  lowBalanceThreshold: '12.5',
  language: 'nl',
  notificationSound: false,
  expiryReminderDays: [14, 2],
} as const;

function writeSettings(dir: string, document: object): string {
  const text = JSON.stringify(document);
  fs.writeFileSync(path.join(dir, 'settings.json'), text);
  return text;
}

describe('a stored plain-http address to another computer', () => {
  it.each([
    ['current (v3)', { schemaVersion: 3 }],
    ['older (v2)', { schemaVersion: 2 }],
  ])('%s: only baseUrl goes back to the default, the notice names it, the bytes are kept', (_, version) => {
    const dir = tempDir();
    const original = writeSettings(dir, { ...version, ...OTHERS, baseUrl: 'http://203.0.113.9/v1' });
    const opened = openSettingsStore({ dir, storeClass: confStoreClass, now: () => NOW });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.store.read()).toEqual({
      ...defaultSettings(),
      ...OTHERS,
      baseUrl: 'https://api.openai.com/v1',
    });
    expect(opened.notice).toMatch(
      /^settings\.json had parts Saldo cannot read: baseUrl: must start with https:\/\//,
    );
    expect(opened.notice).toContain('(reset to the default)');
    const copies = fs.readdirSync(dir).filter((name) => name.startsWith('settings.corrupt-'));
    expect(copies.map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))).toEqual([original]);
  });

  it('is never asked: the key bound to this computer stays here, and the sync says to enter it again', async () => {
    const server = await startRecordingServer(() => ({
      status: 200,
      body: JSON.stringify({ object: 'page', data: [], has_more: false, next_page: null }),
    }));
    cleanups.push(() => server.close());
    const dir = tempDir();
    // `127.1` is 127.0.0.1 to fetch, but the address rules read it as another computer: kept, it
    // would carry the key (bound to 127.0.0.1) to this server over plain http.
    const port = new URL(server.origin).port;
    writeSettings(dir, { schemaVersion: 3, ...OTHERS, baseUrl: `http://127.1:${port}/v1` });
    const secrets = new MemorySecretStore();
    await secrets.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY, server.origin);
    const opened = await openBridgeSession({
      env: {},
      dir,
      openSecrets: async () => secrets,
      client: { maxRetries: 0 },
    });
    if (!opened.ok) throw new Error(opened.message);
    cleanups.push(() => opened.session.close());
    const call = (channel: Parameters<typeof dispatch>[1]) =>
      dispatch(opened.session.handlers, channel, {}, { checkResponses: true });

    expect(await call('sync:refresh-now')).toMatchObject({
      ok: true,
      value: { state: 'failing', error: { kind: 'auth', reason: 'key-origin' } },
    });
    expect(await call('key:test')).toMatchObject({ ok: false, error: { field: 'key' } });
    expect(await call('settings:get')).toMatchObject({
      ok: true,
      value: { ...OTHERS, baseUrl: 'https://api.openai.com/v1' },
    });
    expect(server.requests).toEqual([]);
  });
});
