/**
 * What the OpenAI client tests share: OpenAI's example bodies (the project's copies in
 * `test/fixtures/openai`), realistic keys, the fake clock, and a leak check.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { createOpenAiBackend, type OpenAiBackendOptions } from '../../../../electron/core/openai';

export const FIXTURES_DIR = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'openai');

/** A fixture's text, verbatim (so the client's exact number reading is what is tested). */
export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/** Shaped like real keys (gitleaks' pattern: 58-character halves around `T3BlbkFJ`). */
export const ADMIN_KEY = `sk-admin-${'a1B2c3D4e5'.repeat(5)}Zq9Xw7Vu${'T3BlbkFJ'}${'f6G7h8J9k0'.repeat(5)}Ly8Mx6Nz`;
export const PROJECT_KEY = `sk-proj-${'p0Q1r2S3t4'.repeat(7)}Uv5WxT3BlbkFJ${'y6Z7a8B9c0'.repeat(7)}Dd1Ee2`;

/**
 * The fake clock: `sleep` records each requested delay and resolves at once, so retry waits are
 * asserted instead of waited; `now` is a fixed instant unless set.
 */
export function createFakeClock(nowMs = Date.UTC(2026, 10, 27, 12, 0, 0)) {
  const sleeps: number[] = [];
  return {
    sleeps,
    nowMs,
    now: () => nowMs,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
  };
}

export type FakeClock = ReturnType<typeof createFakeClock>;

/** A backend with the fake clock, no jitter (random() = 0) and the admin key unless told. */
export function testBackend(
  baseUrl: string,
  fakeClock: FakeClock,
  options: Partial<OpenAiBackendOptions> = {},
) {
  return createOpenAiBackend({
    apiKey: ADMIN_KEY,
    // The test server's own origin: the key is given for it, as `saldo key set --base-url` does.
    keyOrigin: new URL(baseUrl).origin,
    baseUrl,
    sleep: fakeClock.sleep,
    now: fakeClock.now,
    random: () => 0,
    ...options,
  });
}

/** Neither key, nor its distinctive middle, nor a long run of it, appears in `value` once serialised. */
export function expectNoKey(value: unknown, ...keys: string[]): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const key of keys.length === 0 ? [ADMIN_KEY, PROJECT_KEY] : keys) {
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(9, 29));
  }
  expect(text).not.toContain('T3BlbkFJ');
}
