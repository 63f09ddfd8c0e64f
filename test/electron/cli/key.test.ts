/**
 * `saldo key set|status|clear|test` with the real keychain: inside scripts/with-keyring.sh
 * (SALDO_TEST_KEYRING=1) a private gnome-keyring, under a service of the test's own so a
 * developer's `Saldo` entry is never touched. Run bare on a machine without a keychain, the
 * commands must say it is unavailable and what to install — both paths are asserted, neither skipped.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecretStore, type SecretStore } from '../../../electron/core/secrets';
import { startSimulator, type RunningSimulator } from '../../../electron/core/simulator';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY } from '../core/secrets/secrets-test-kit';
import { errorField, runInProcess, spawnSaldo, type CliRun, filesUnder } from './cli-harness';

const KEYRING_EXPECTED = process.env.SALDO_TEST_KEYRING === '1';
const SERVICE = `Saldo-cli-test-${randomUUID()}`;

let sim: RunningSimulator;
let home: string;
let secrets: SecretStore;
beforeAll(async () => {
  sim = await startSimulator();
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-key-'));
  secrets = await openSecretStore({}, { service: SERVICE });
});
afterAll(async () => {
  await secrets.delete('openai:default');
  await sim.close();
  fs.rmSync(home, { recursive: true, force: true });
});

function saldo(args: string[], stdin = '', env: Record<string, string> = {}): Promise<CliRun> {
  return runInProcess(args, {
    stdin,
    secrets,
    env: { SALDO_HOME: home, OPENAI_BASE_URL: sim.baseUrl, ...env },
  });
}

describe('saldo key', () => {
  it('refuses a key that is not an Admin key, explaining why, before touching the keychain', async () => {
    const run = await saldo(['key', 'set'], `${FAKE_PROJECT_KEY}\n`);
    expect(run.code).toBe(2);
    expect(errorField(run.stderr)).toBe('key');
    expect(run.stderr).toMatch(/project key.*Admin key \(sk-admin-…\).*Nothing was stored/);
    expectNoKey(run);
  });

  it('never takes the key as an argument, and does not repeat it', async () => {
    const run = await saldo(['key', 'set', FAKE_ADMIN_KEY]);
    expect(run.code).toBe(2);
    expect(errorField(run.stderr)).toBe('key set');
    expectNoKey(run);
  });

  it(`round trip: set from stdin, status, sync with it, test, clear${KEYRING_EXPECTED ? '' : ' (or: unavailable, and what to install)'}`, async () => {
    const available = secrets.describe().backend === 'keychain';
    if (KEYRING_EXPECTED) expect(available, 'with-keyring.sh provides an unlocked gnome-keyring').toBe(true);
    const set = await saldo(['key', 'set'], `${FAKE_ADMIN_KEY}\n`);
    if (!available) {
      expect(set.code).toBe(2);
      expect(errorField(set.stderr)).toBe('keychain');
      expect(set.stderr).toMatch(
        /sudo apt install libsecret-1-0 gnome-keyring|npm install|npm rebuild keytar|Reinstall Saldo/,
      );
      return;
    }
    expect(set, set.stderr).toMatchObject({ code: 0 });
    expect(set.stdout).toMatch(/^Stored sk-admin-…abcd in the Secret Service keyring/);

    const status = await saldo(['key', 'status']);
    // Bound to the simulator's origin: OPENAI_BASE_URL was set beside it.
    expect(status.stdout).toBe(
      `Stored: admin key sk-admin-…abcd in the Secret Service keyring (GNOME Keyring or KWallet), for ${new URL(sim.baseUrl).origin}.\n`,
    );

    // Storing the key chose the OpenAI account: sync now uses it (against the simulator).
    const synced = await saldo(['sync', '--json']);
    expect(synced.code, synced.stderr).toBe(0);
    expect(JSON.parse(synced.stdout)).toMatchObject({ backend: 'openai', lastSync: { ok: true } });

    const tested = await saldo(['key', 'test']);
    expect(tested).toMatchObject({ code: 0, stdout: expect.stringMatching(/^The key sk-admin-…abcd works/) });

    for (const run of [set, status, synced, tested]) expectNoKey(run);
    for (const text of filesUnder(home)) expectNoKey(text);

    const cleared = await saldo(['key', 'clear']);
    expect(cleared.stdout).toMatch(/^Removed the key from .*; Saldo shows the demo account\.\n$/);
    expect((await saldo(['key', 'status'])).stdout).toMatch(/^No key stored in /);
    expect((await saldo(['key', 'clear'])).stdout).toBe('No key was stored.\n');
    expect(JSON.parse((await saldo(['status', '--json'])).stdout).backend).toBe('demo');
  });

  it('test says what is wrong with a rejected key, and names the missing one', async () => {
    const rejected = await saldo(['key', 'test'], '', { OPENAI_ADMIN_KEY: FAKE_PROJECT_KEY });
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(/^error: key: auth: .+\n$/);
    expectNoKey(rejected);
    const none = await saldo(['key', 'test']);
    expect(errorField(none.stderr)).toBe('key');
  });

  it('status reports OPENAI_ADMIN_KEY beside the keychain', async () => {
    const run = await saldo(['key', 'status'], '', { OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY });
    expect(run.stdout).toMatch(
      /OPENAI_ADMIN_KEY is set: admin key sk-admin-…abcd for http:\/\/127\.0\.0\.1:\d+, used for this run instead\.\n$/,
    );
    expectNoKey(run);
  });

  it('as a real process: the key comes in on stdin, a bad one is refused without echo', async () => {
    const run = await spawnSaldo(['key', 'set'], `${FAKE_PROJECT_KEY}\n`, Infinity, {
      PATH: process.env.PATH ?? '',
      SALDO_HOME: home,
    });
    expect(run.code).toBe(2);
    expect(errorField(run.stderr)).toBe('key');
    expectNoKey(run);
  });
});
