/**
 * The monitor end to end: real stores in a temp dir, the demo simulator over real HTTP, the alert
 * rules and a recording Notifier (the Notifier edge is what the desktop app implements over
 * Electron's Notification; here it records what it was asked to show).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationRequest, Notifier } from '../../../../shared/alerts/notifier';
import {
  openMonitor,
  type MonitorProgress,
  type MonitorState,
  type OpenedMonitor,
  type OpenMonitorOptions,
} from '../../../../electron/core/monitor';
import { DEFAULT_ACCOUNT, MemorySecretStore } from '../../../../electron/core/secrets';
import { startSimulator } from '../../../../electron/core/simulator';
import { openStores } from '../../../../electron/core/stores';
import { utcDayOf } from '../../../../electron/core/utc-day';
import { prepareLowBalanceDemo } from '../../support/demo-data-dir';

const START_AT = Date.UTC(2026, 10, 27, 9, 30);
/** Next to frozen: the simulated clock moves only when a test advances it. */
const FROZEN = 1e-9;

const opened: OpenedMonitor[] = [];
const closers: (() => Promise<void>)[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const monitor of opened.splice(0)) await monitor.close();
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-monitor-'));
  dirs.push(dir);
  return dir;
}

function recordingNotifier(): Notifier & { shown: NotificationRequest[] } {
  const shown: NotificationRequest[] = [];
  return { shown, show: (request) => void shown.push(request) };
}

async function openDemo(dir = tempDir(), extra: Partial<OpenMonitorOptions> = {}) {
  const result = await openMonitor({
    env: { SALDO_DEMO: '1', OPENAI_ADMIN_KEY: 'sk-admin-fake-ignored-under-demo-0000' },
    dir,
    openSecrets: () => Promise.reject(new Error('the keychain was asked under SALDO_DEMO=1')),
    demo: { simulator: { startAt: START_AT, speed: FROZEN }, backend: { maxRetries: 0 } },
    ...extra,
  });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.value);
  return { ...result.value, dir };
}

async function control(url: string | null, route: string, body?: unknown, method = 'POST'): Promise<void> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.ok, `${route}: ${await response.text()}`).toBe(true);
}

describe('the demo monitor', () => {
  it('backfills into its own ledger, evaluates, and signals only real changes', async () => {
    const { monitor, simulatorUrl, dir, choice } = await openDemo();
    expect(choice).toMatchObject({ backend: 'demo', reason: expect.stringContaining('SALDO_DEMO=1') });
    expect(monitor.state()).toEqual({
      backend: 'demo',
      lastSync: null,
      result: null,
      reading: null,
      alerts: [],
    });
    const changes: MonitorState[] = [];
    monitor.onChange((state) => changes.push(state));

    const first = await monitor.syncOnce();
    expect(first).toMatchObject({ ok: true, changed: true, at: START_AT });
    const { result, lastSync } = monitor.state();
    expect(lastSync).toEqual({
      at: START_AT,
      ok: true,
      partial: false,
      okAt: START_AT,
      failingSince: null,
      error: null,
      warnings: [],
    });
    expect(result!.balance).toBeGreaterThan(0n);
    expect(result!.usageByMonth.size).toBeGreaterThan(1);
    expect(result!.rejected).toEqual([]);
    expect(changes).toHaveLength(1);

    // The demo's data is kept apart from the user's: nothing of it in the data directory itself.
    expect(fs.existsSync(path.join(dir, 'ledger.json'))).toBe(false);
    const demoDir = path.join(dir, 'demo');
    const stored = JSON.parse(fs.readFileSync(path.join(demoDir, 'ledger.json'), 'utf8')) as {
      cursor: { costsAt: number };
      spendLimit: unknown;
    };
    expect(stored.cursor.costsAt).toBe(START_AT);
    // The demo organisation's $120 spend limit is kept with the synced data, and read against the month.
    expect(stored.spendLimit).toMatchObject({ limitMicros: 120_000_000, enforcing: true });
    const { reading } = monitor.state();
    expect(reading?.spendLimit).toEqual({
      limit: 120_000_000,
      spentThisMonth: reading?.month.spent,
      fraction: reading!.month.spent / 120_000_000,
    });
    const dayFiles = fs.readdirSync(path.join(demoDir, 'synced'));
    expect(dayFiles).toContain(`${utcDayOf(START_AT)}.json`);
    expect(dayFiles.length).toBeGreaterThan(60);

    const second = await monitor.syncOnce();
    expect(second).toMatchObject({ ok: true, changed: false });
    expect(changes).toHaveLength(1);

    await control(simulatorUrl(), '/sim/clock/advance', { days: 1 });
    const third = await monitor.syncOnce();
    expect(third).toMatchObject({ ok: true, changed: true });
    expect(changes).toHaveLength(2);
    expect(changes[1]!.result).not.toEqual(result);
  });

  it('tells how far a sync is: a backfill request by request, a steady poll as no backfill, null between', async () => {
    const { monitor, simulatorUrl } = await openDemo();
    const told: (MonitorProgress | null)[] = [];
    monitor.onProgress((progress) => told.push(progress));
    expect(monitor.progress()).toBeNull();
    await monitor.syncOnce();
    // A year: 3 costs pages and 12 usage pages, then the balance and the spend limit.
    const backfill = Array.from({ length: 18 }, (_, done) => ({ done, total: 17, backfill: true }));
    expect(told).toEqual([...backfill, null]);
    expect(monitor.progress()).toBeNull();

    told.length = 0;
    await control(simulatorUrl(), '/sim/clock/advance', { ms: 15 * 60_000 });
    await monitor.syncOnce();
    const steady = [0, 1, 2].map((done) => ({ done, total: 2, backfill: false }));
    expect(told).toEqual([...steady, null]);
  });

  it("mirrors the demo account's own auto-recharge at its first sync, for the CLI as for the app", async () => {
    const { monitor, ledger } = await openDemo();
    expect(ledger.read().autoRecharge).toBeNull();
    await monitor.syncOnce();
    expect(ledger.read().autoRecharge).toEqual({
      enabled: true,
      threshold: '10',
      mode: 'add',
      amount: '20',
      target: null,
      monthlyLimit: '80',
    });
  });

  it('gives a new demo simulator the auto-recharge the user applied before a restart', async () => {
    const { monitor, ledger, simulatorUrl } = await openDemo();
    const applied = {
      enabled: true,
      threshold: '15',
      mode: 'topUp' as const,
      amount: null,
      target: '45',
      monthlyLimit: null,
    };
    expect(ledger.setAutoRecharge(applied).ok).toBe(true);
    await monitor.syncOnce();
    expect(ledger.read().autoRecharge).toEqual(applied);
    const simulator = await fetch(`${simulatorUrl()}/sim/auto-recharge`);
    expect(await simulator.json()).toMatchObject({
      enabled: true,
      mode: 'topUp',
      threshold: '15',
      target: '45',
    });
  });

  it('keeps the synced data when a sync fails, and records only how syncing goes', async () => {
    const { monitor, simulatorUrl, dir } = await openDemo();
    expect((await monitor.syncOnce()).ok).toBe(true);
    const synced = path.join(dir, 'demo', 'synced');
    const snapshot = () =>
      fs.readdirSync(synced).map((name) => fs.readFileSync(path.join(synced, name), 'utf8'));
    const before = snapshot();
    const resultBefore = monitor.state().result;

    await control(simulatorUrl(), '/sim/clock/advance', { days: 1 });
    await control(simulatorUrl(), '/sim/faults', { count: 10, status: 500 });
    const failed = await monitor.syncOnce();
    expect(failed).toMatchObject({ ok: false, error: { source: 'backend', error: { kind: 'server' } } });
    expect(snapshot()).toEqual(before);
    expect(monitor.state().lastSync).toMatchObject({
      ok: false,
      okAt: START_AT,
      failingSince: START_AT + 86_400_000,
      error: { source: 'backend', kind: 'server' },
    });
    // Re-evaluated a day later over the same data: the same balance, a burn window moved on.
    expect(monitor.state().result?.balance).toBe(resultBefore?.balance);
    expect(monitor.state().result?.calibrations).toEqual(resultBefore?.calibrations);
    expect(JSON.stringify(failed)).not.toContain('sk-admin');
  });

  it('alerts once per crossing, with one notification per sync, and no repeat after a restart', async () => {
    const dir = tempDir();
    prepareLowBalanceDemo(dir);

    const notifier = recordingNotifier();
    const { monitor } = await openDemo(dir, { notifier });
    const first = await monitor.syncOnce();
    expect(first.notified?.kind).toBe('low-balance');
    expect(notifier.shown).toHaveLength(1);
    expect(notifier.shown[0]).toMatchObject({
      id: 'low-balance',
      title: expect.stringContaining('Low balance'),
    });
    expect(monitor.state().alerts.map((alert) => alert.kind)).toContain('low-balance');

    await monitor.syncOnce();
    expect(notifier.shown).toHaveLength(1);

    // A new process on the same data (the simulator restarts too): the memory says it was told.
    const again = recordingNotifier();
    const restarted = await openDemo(dir, { notifier: again });
    expect(restarted.monitor.state().alerts.map((alert) => alert.kind)).toContain('low-balance');
    await restarted.monitor.syncOnce();
    expect(again.shown).toEqual([]);
  });

  it('keeps every alert that newly fired in the ledger history, at the instant of the sync, once', async () => {
    const dir = tempDir();
    prepareLowBalanceDemo(dir);
    const { monitor, ledger, simulatorUrl } = await openDemo(dir);

    const first = await monitor.syncOnce();
    const history = ledger.read().alertHistory;
    expect(history.map((entry) => entry.alert.id)).toContain('low-balance');
    expect(history.map((entry) => entry.alert)).toContainEqual(first.notified);
    expect(new Set(history.map((entry) => entry.firedAt))).toEqual(new Set(['2026-11-27T09:30:00Z']));
    // Fired means newly: what still holds on the next syncs is not added again.
    await monitor.syncOnce();
    expect(ledger.read().alertHistory).toEqual(history);

    // A failure that lasts an hour fires sync-failing: appended at the failing sync's instant.
    await control(simulatorUrl(), '/sim/faults', { count: 100, status: 503 });
    for (let step = 0; step < 4; step += 1) {
      await control(simulatorUrl(), '/sim/clock/advance', { ms: 20 * 60_000 });
      await monitor.syncOnce();
    }
    const added = ledger.read().alertHistory.slice(history.length);
    expect(added).toEqual([
      { alert: expect.objectContaining({ id: 'sync-failing' }), firedAt: '2026-11-27T10:50:00Z' },
    ]);
  });

  it('keeps the code of a quota error in the sync health, and tells a refusal for the spend limit at once', async () => {
    const notifier = recordingNotifier();
    const { monitor, simulatorUrl } = await openDemo(tempDir(), { notifier });
    expect((await monitor.syncOnce()).ok).toBe(true);
    await control(simulatorUrl(), '/sim/faults', {
      count: 10,
      status: 429,
      body: {
        error: {
          message: 'spend limit',
          type: 'insufficient_quota',
          code: 'organization_spend_limit_exceeded',
        },
      },
    });
    await control(simulatorUrl(), '/sim/clock/advance', { ms: 60_000 });
    expect(await monitor.syncOnce()).toMatchObject({ ok: false, error: { error: { kind: 'quota' } } });
    expect(monitor.state().lastSync?.error).toEqual({
      source: 'backend',
      kind: 'quota',
      code: 'organization_spend_limit_exceeded',
      message: expect.any(String),
    });
    expect(notifier.shown.at(-1)?.title).toBe('Spend limit reached: OpenAI refuses API requests');
    expect(monitor.state().alerts).toContainEqual(
      expect.objectContaining({ id: 'spend-limit-exceeded', severity: 'critical' }),
    );
  });

  it.each([
    ['invalid-key', 401, 'Incorrect API key provided'],
    ['not-admin-key', 403, 'Missing scopes: api.usage.read'],
  ])('keeps the reason of an auth error (%s) in the sync health', async (reason, status, message) => {
    const { monitor, simulatorUrl } = await openDemo();
    expect((await monitor.syncOnce()).ok).toBe(true);
    await control(simulatorUrl(), '/sim/faults', {
      count: 10,
      status,
      body: { error: { message, type: 'invalid_request_error', code: null } },
    });
    await control(simulatorUrl(), '/sim/clock/advance', { ms: 60_000 });
    expect(await monitor.syncOnce()).toMatchObject({ ok: false, error: { error: { kind: 'auth' } } });
    expect(monitor.state().lastSync?.error).toEqual({
      source: 'backend',
      kind: 'auth',
      reason,
      message: expect.any(String),
    });
  });

  it('tells the user in Dutch when the settings say so', async () => {
    const dir = tempDir();
    prepareLowBalanceDemo(dir, { language: 'nl' });
    const notifier = recordingNotifier();
    const { monitor } = await openDemo(dir, { notifier });
    await monitor.syncOnce();
    expect(notifier.shown[0]?.title).toContain('Laag saldo');
  });

  it('raises the sync-health alert after an hour of failures, and clears it on success', async () => {
    const notifier = recordingNotifier();
    const { monitor, simulatorUrl } = await openDemo(tempDir(), { notifier });
    expect((await monitor.syncOnce()).ok).toBe(true);
    await control(simulatorUrl(), '/sim/faults', { count: 100, status: 503 });
    for (let step = 0; step < 5; step += 1) {
      await control(simulatorUrl(), '/sim/clock/advance', { ms: 20 * 60_000 });
      expect((await monitor.syncOnce()).ok).toBe(false);
    }
    expect(monitor.state().alerts.map((alert) => alert.kind)).toContain('sync-failing');
    expect(notifier.shown.map((shown) => shown.id)).toContain('sync-failing');

    await control(simulatorUrl(), '/sim/faults', undefined, 'DELETE');
    expect((await monitor.syncOnce()).ok).toBe(true);
    expect(monitor.state().alerts.map((alert) => alert.kind)).not.toContain('sync-failing');
  });

  it('shows what the ledger holds before any sync, and re-reads it on refresh', async () => {
    const { monitor, ledger } = await openDemo();
    expect(monitor.state().result).toBeNull();
    expect(ledger.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' }).ok).toBe(true);
    const changes: MonitorState[] = [];
    monitor.onChange((state) => changes.push(state));
    expect(monitor.refresh().result?.balance).toBe(20_000_000n);
    expect(changes).toHaveLength(1);
  });
});

describe('openMonitor on a key', () => {
  const FAKE_KEY = 'sk-admin-fake-test-key-0123456789';

  async function simulator() {
    const sim = await startSimulator({ startAt: START_AT, speed: FROZEN });
    closers.push(() => sim.close());
    return sim;
  }

  it('watches the account of OPENAI_ADMIN_KEY at OPENAI_BASE_URL, and writes the key nowhere', async () => {
    const sim = await simulator();
    const dir = tempDir();
    const result = await openMonitor({
      env: { OPENAI_ADMIN_KEY: FAKE_KEY, OPENAI_BASE_URL: sim.baseUrl },
      dir,
      // The variable decides: the keychain is not even opened.
      openSecrets: () => Promise.reject(new Error('the keychain was asked')),
      now: sim.now,
    });
    if (!result.ok) throw new Error(result.message);
    opened.push(result.value);
    expect(result.value.choice).toMatchObject({ backend: 'openai', keySource: 'environment' });
    expect(result.value.maskedKey).toBe('sk-admin-…6789');
    expect((await result.value.monitor.syncOnce()).ok).toBe(true);
    expect(result.value.monitor.state()).toMatchObject({ backend: 'openai', lastSync: { ok: true } });
    expect(fs.existsSync(path.join(dir, 'ledger.json'))).toBe(true);
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(dir, file);
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full, 'utf8')).not.toContain('0123456789');
    }
  });

  it('uses the keychain key once storing it chose openai', async () => {
    const sim = await simulator();
    const dir = tempDir();
    const stores = openStores({ dir });
    if (!stores.ok) throw new Error(stores.error.message);
    stores.settings.update({ backend: 'openai', baseUrl: sim.baseUrl });
    const secrets = new MemorySecretStore();
    await secrets.set(DEFAULT_ACCOUNT, FAKE_KEY, new URL(sim.baseUrl).origin);
    const result = await openMonitor({ env: {}, dir, openSecrets: async () => secrets, now: sim.now });
    if (!result.ok) throw new Error(result.message);
    opened.push(result.value);
    expect(result.value.choice).toMatchObject({ backend: 'openai', keySource: 'keychain' });
    expect(await result.value.monitor.syncOnce()).toMatchObject({ ok: true });
  });

  it('names OPENAI_BASE_URL when it is no http(s) URL', async () => {
    const result = await openMonitor({
      env: { OPENAI_ADMIN_KEY: FAKE_KEY, OPENAI_BASE_URL: 'ftp://example.com' },
      dir: tempDir(),
      openSecrets: async () => new MemorySecretStore(),
    });
    expect(result).toEqual({
      ok: false,
      field: 'OPENAI_BASE_URL',
      message: expect.stringContaining('http(s) URL'),
    });
  });
});
