/**
 * The common headless case for real: a Linux process with no session bus (an SSH login, a server).
 * keytar loads, libsecret cannot reach D-Bus, and Saldo must say so instead of crashing — then take
 * OPENAI_ADMIN_KEY for the run when it is set. A child process, because libsecret keeps its first
 * connection for the life of a process.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_ADMIN_KEY, KEY_MARK } from './secrets-test-kit';

const ROOT = resolve(__dirname, '../../../..');

function openWithoutBus(extra: Record<string, string>): {
  describe: { backend: string; detail: string; advice?: string };
  set: unknown;
} {
  const unset = ['DBUS_SESSION_BUS_ADDRESS', 'DISPLAY', 'WAYLAND_DISPLAY', 'OPENAI_ADMIN_KEY'];
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !unset.includes(name))),
    SALDO_FIXTURE_KEY: FAKE_ADMIN_KEY,
    ...extra,
  };
  const out = execFileSync(
    process.execPath,
    ['bin/run-ts.cjs', 'test/electron/core/secrets/fixtures/open-store.ts'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  expect(out).not.toContain(KEY_MARK);
  return JSON.parse(out) as ReturnType<typeof openWithoutBus>;
}

describe.runIf(process.platform === 'linux')('without a D-Bus session (Linux)', () => {
  it('reports the keychain unavailable, says what to install, and refuses to store', () => {
    const { describe: found, set } = openWithoutBus({});
    expect(found.backend).toBe('unavailable');
    expect(found.detail).toMatch(/Cannot autolaunch D-Bus|keytar/);
    expect(found.detail).toContain('sudo apt install libsecret-1-0 gnome-keyring');
    expect(found.advice).toBe('install-keyring');
    expect(found.detail).toContain('OPENAI_ADMIN_KEY');
    expect(set).toEqual({ ok: false, error: { code: 'unavailable', message: found.detail } });
  });

  it('uses OPENAI_ADMIN_KEY for the run, and does not store it', () => {
    const { describe: found, set } = openWithoutBus({ OPENAI_ADMIN_KEY: `${FAKE_ADMIN_KEY}\n` });
    // The variable stands in for the missing keychain, whose advice stays on show.
    expect(found).toEqual({
      backend: 'environment',
      detail: expect.stringContaining('for this run only'),
      advice: 'install-keyring',
    });
    expect(set).toMatchObject({ ok: false, error: { code: 'read-only' } });
  });
});
