/**
 * The bridge session end to end, in-process: real stores in a temp dir, the demo's embedded
 * simulator over real HTTP (frozen clock), a simulator standing in for OpenAI behind a stored key,
 * an in-memory key store. Every request goes through `dispatch`, as both transports send it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dashboardStateSchema, type DashboardState } from '../../../../shared/bridge/dashboard-state';
import type { Channel } from '../../../../shared/bridge/channels';
import {
  dispatch,
  NO_AUTO_RECHARGE_API,
  openBridgeSession,
  type BridgeEvent,
  type BridgeSession,
  type BridgeSessionOptions,
} from '../../../../electron/core/bridge';
import { DEFAULT_ACCOUNT, MemorySecretStore } from '../../../../electron/core/secrets';
import { startSimulator } from '../../../../electron/core/simulator';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY } from '../secrets/secrets-test-kit';
import { ADD_10_BELOW_5 } from './bridge-test-kit';
import { prepareLowBalanceDemo } from '../../support/demo-data-dir';

const START_AT = Date.UTC(2026, 10, 20, 9, 30);
/** Next to frozen: the simulated clock moves only when a test advances it. */
const FROZEN = 1e-9;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-bridge-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Opened {
  session: BridgeSession;
  events: BridgeEvent[];
  dir: string;
  secrets: MemorySecretStore;
  call: (channel: Channel, payload?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;
}

async function open(options: Partial<BridgeSessionOptions> = {}): Promise<Opened> {
  const dir = options.dir ?? tempDir();
  const secrets = new MemorySecretStore();
  const opened = await openBridgeSession({
    env: { SALDO_DEMO: '1' },
    dir,
    openSecrets: async () => secrets,
    demo: { simulator: { startAt: START_AT, speed: FROZEN }, backend: { maxRetries: 0 } },
    client: { maxRetries: 0 },
    ...options,
  });
  if (!opened.ok) throw new Error(opened.message);
  const { session } = opened;
  cleanups.push(() => session.close());
  const events: BridgeEvent[] = [];
  session.subscribe((event) => events.push(event));
  const call = async (channel: Channel, payload: unknown = {}) => {
    const answer = (await dispatch(session.handlers, channel, payload, { checkResponses: true })) as {
      ok: boolean;
      value?: unknown;
      error?: unknown;
    };
    return answer;
  };
  return { session, events, dir, secrets, call };
}

async function state(opened: Opened): Promise<DashboardState> {
  const answer = await opened.call('state:get');
  expect(answer.ok, JSON.stringify(answer)).toBe(true);
  return dashboardStateSchema.parse(answer.value);
}

const names = (events: BridgeEvent[]) => events.map((event) => event.name);

describe('the bridge session on the demo account', () => {
  it('after a sync, state:get is a valid snapshot of the demo, with its history and alerts', async () => {
    const dir = tempDir();
    const opened = await open({ dir });
    const before = await state(opened);
    expect(before).toMatchObject({ account: null, sync: { state: 'never' }, backend: { name: 'demo' } });

    const synced = await opened.call('sync:refresh-now');
    expect(synced).toMatchObject({ ok: true, value: { state: 'ok', lastOkAt: START_AT, error: null } });
    const snapshot = await state(opened);
    expect(snapshot.now).toBe(START_AT);
    expect(snapshot.dataDir).toBe(dir);
    expect(snapshot.backend).toEqual({
      name: 'demo',
      reason: 'SALDO_DEMO=1 is set: showing the demo account.',
      baseUrl: null,
      // As OpenAI: the balance endpoint is refused.
      capabilities: { balance: 'absent', autoRechargeSettings: true },
    });
    expect(snapshot.key).toEqual({
      store: 'keychain',
      keeper: null,
      file: null,
      advice: null,
      stored: null,
      address: 'https://api.openai.com/v1',
      lastCheck: null,
    });
    expect(snapshot.account?.balance).toBeGreaterThan(0);
    expect(snapshot.account?.historyDays).toBeGreaterThanOrEqual(90);
    expect(snapshot.spend.days.at(-1)).toBe('2026-11-20');
    expect(snapshot.spend.days.length).toBeGreaterThanOrEqual(90);
    expect(snapshot.spend.byProject.length).toBe(3);
    expect(snapshot.spend.balance.at(-1)).toBe(snapshot.account?.balance);
    expect(snapshot.grants.length).toBeGreaterThan(0);
    // The demo's credits are its owner's entries (purchases, free credit, one correction) and the
    // recharges the engine makes by the auto-recharge mirrored at the first sync.
    expect(new Set(snapshot.markers.map((marker) => marker.kind))).toEqual(
      new Set(['purchase', 'auto-recharge', 'free-credit', 'correction']),
    );
    expect(snapshot.autoRecharge.made.length).toBeGreaterThan(0);
    // The first sync's alerts fired, and were kept for the history at the sync's instant.
    expect(snapshot.alerts.past.length).toBeGreaterThan(0);
    expect(snapshot.alerts.past.every((past) => past.firedAt === START_AT)).toBe(true);
    expect(names(opened.events)).toContain('state:changed');
  });

  it('records, refuses by name, calibrates and removes entries, telling listeners each change once', async () => {
    const opened = await open();
    await opened.call('sync:refresh-now');
    opened.events.length = 0;

    const refused = await opened.call('ledger:add-purchase', { amount: '60' });
    expect(refused).toEqual({
      ok: false,
      error: { field: 'amount', message: 'must be within the purchase limits ($5 to $50)' },
    });
    expect(opened.events).toEqual([]);

    const added = await opened.call('ledger:add-purchase', { amount: '20', id: 'INV-42' });
    expect(added).toMatchObject({
      ok: true,
      value: { type: 'purchase', id: 'INV-42', amount: '20', source: 'manual', at: '2026-11-20T09:30:00Z' },
    });
    expect(names(opened.events)).toEqual(['state:changed']);
    const changed = opened.events[0]!.payload as DashboardState;
    const own = (snapshot: DashboardState) =>
      snapshot.entries.filter((entry) => !entry.id.startsWith('demo-')).map((entry) => entry.id);
    expect(own(changed)).toEqual(['INV-42']);
    expect(changed.grants.find((grant) => grant.id === 'INV-42')).toMatchObject({
      amount: 20_000_000,
      source: 'manual',
    });
    expect(changed.markers).toContainEqual({
      kind: 'purchase',
      id: 'INV-42',
      amount: 20_000_000,
      at: START_AT,
    });

    expect(await opened.call('ledger:add-purchase', { amount: '20', id: 'INV-42' })).toEqual({
      ok: false,
      error: { field: 'id', message: 'is used twice' },
    });
    expect(
      await opened.call('ledger:add-grant', {
        amount: '5',
        at: '2026-11-01T00:00:00Z',
        expiresAt: '2026-10-01T00:00:00Z',
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'expiresAt' },
    });
    expect(await opened.call('ledger:calibrate', { balance: 'lots' })).toMatchObject({
      ok: false,
      error: { field: 'balance' },
    });
    expect(names(opened.events)).toEqual(['state:changed']);

    const calibrations = (snapshot: DashboardState) =>
      snapshot.markers.filter((marker) => marker.kind === 'correction').length;
    const before = calibrations(await state(opened));
    const calibrated = await opened.call('ledger:calibrate', {
      balance: '41.50',
      at: '2026-11-19T00:00:00Z',
    });
    expect(calibrated).toMatchObject({ ok: true, value: { type: 'balance', balance: '41.50' } });
    // Before the demo's own correction (the end of yesterday): one more, and that one stays the last.
    expect(calibrations(await state(opened))).toBe(before + 1);

    const id = (calibrated.value as { id: string }).id;
    expect(await opened.call('ledger:remove-entry', { id })).toEqual({ ok: true, value: { id } });
    expect(await opened.call('ledger:remove-entry', { id })).toEqual({
      ok: false,
      error: { field: 'id', message: 'no entry has this id' },
    });
    expect(own(await state(opened))).toEqual(['INV-42']);
    expect(names(opened.events)).toEqual(['state:changed', 'state:changed', 'state:changed']);
  });

  it('buys a purchase on the demo account too: a sync later the balance is still $20 higher, the grant listed once', async () => {
    const opened = await open();
    await opened.call('sync:refresh-now');
    const before = (await state(opened)).account!.balance;

    const added = await opened.call('ledger:add-purchase', { amount: '20' });
    expect(added).toMatchObject({ ok: true, value: { type: 'purchase', amount: '20' } });
    const { id } = added.value as { id: string };
    expect((await state(opened)).account?.balance).toBe(before + 20_000_000);

    // The demo reports no balance that could undo it, as OpenAI reports none; the simulator holds it too.
    await opened.call('sync:refresh-now');
    const after = await state(opened);
    expect(after.account?.balance).toBe(before + 20_000_000);
    expect(after.grants.filter((grant) => grant.id === id)).toEqual([
      expect.objectContaining({ amount: 20_000_000, source: 'manual' }),
    ]);
    const simulated = (await (await fetch(`${opened.session.simulatorUrl()}/sim/state`)).json()) as {
      account: { grants: { id: string; amount: number }[] };
    };
    expect(simulated.account.grants.filter((grant) => grant.id === id)).toEqual([
      expect.objectContaining({ amount: 20 }),
    ]);
  });

  it('on the demo, a purchase the simulator refuses is not kept: the error names its field', async () => {
    const opened = await open();
    await opened.call('sync:refresh-now');
    const before = await state(opened);
    opened.events.length = 0;

    // The ledger has no entry by this id, but the demo account's welcome grant has it.
    const refused = await opened.call('ledger:add-purchase', { amount: '20', id: 'grant-welcome' });
    expect(refused).toEqual({
      ok: false,
      error: {
        field: 'id',
        message: expect.stringMatching(/^The demo account refused the purchase: id: duplicate-id/),
      },
    });
    const after = await state(opened);
    expect(after.entries).toEqual(before.entries);
    expect(after.account?.balance).toBe(before.account?.balance);
    expect(opened.events).toEqual([]);
  });

  it('on the demo, a purchase before the first sync starts the simulator and buys there', async () => {
    const opened = await open();
    expect(opened.session.simulatorUrl()).toBeNull();
    const added = await opened.call('ledger:add-purchase', { amount: '15', id: 'INV-1' });
    expect(added).toMatchObject({ ok: true, value: { id: 'INV-1' } });
    const simulated = (await (await fetch(`${opened.session.simulatorUrl()}/sim/state`)).json()) as {
      account: { grants: { id: string }[] };
    };
    expect(simulated.account.grants.map((grant) => grant.id)).toContain('INV-1');
    expect((await state(opened)).sync).toMatchObject({ state: 'ok', lastOkAt: START_AT });
  });

  it('settings: a bad value names the field and keeps what is stored; an unchanged one tells nothing', async () => {
    const opened = await open();
    const stored = () => fs.readFileSync(path.join(opened.dir, 'settings.json'), 'utf8');
    expect(
      await opened.call('settings:update', { lowBalanceThreshold: '12.5', language: 'nl' }),
    ).toMatchObject({
      ok: true,
      value: { lowBalanceThreshold: '12.5', language: 'nl', backend: 'demo', pollIntervalMinutes: 15 },
    });
    const file = stored();
    opened.events.length = 0;

    expect(await opened.call('settings:update', { pollIntervalMinutes: 0, language: 'en' })).toEqual({
      ok: false,
      error: { field: 'pollIntervalMinutes', message: 'must be at least 1' },
    });
    expect(await opened.call('settings:update', { baseUrl: 'ftp://example.com' })).toMatchObject({
      ok: false,
      error: { field: 'baseUrl' },
    });
    expect(await opened.call('settings:update', { lowBalanceThreshold: FAKE_ADMIN_KEY })).toMatchObject({
      ok: false,
      error: { field: 'lowBalanceThreshold' },
    });
    expect(stored()).toBe(file);
    expect((await opened.call('settings:get')).value).toMatchObject({
      lowBalanceThreshold: '12.5',
      language: 'nl',
    });

    expect(await opened.call('settings:update', { language: 'nl' })).toMatchObject({ ok: true });
    expect(opened.events).toEqual([]);
    expect(await opened.call('settings:update', { theme: 'dark' })).toMatchObject({ ok: true });
    expect(names(opened.events)).toEqual(['state:changed']);
  });

  it("auto-recharge: refused by the field's name; applied on the demo, the simulator takes it", async () => {
    const opened = await open();
    await opened.call('sync:refresh-now');
    const settings = {
      enabled: true,
      threshold: '5',
      mode: 'add',
      amount: '60',
      target: null,
      monthlyLimit: null,
    };
    expect(await opened.call('auto-recharge:set', { settings, apply: true })).toEqual({
      ok: false,
      error: { field: 'amount', message: 'must be within the purchase limits ($5 to $50)' },
    });
    expect(
      await opened.call('auto-recharge:set', {
        settings: { ...settings, amount: '10', threshold: 'x' },
        apply: false,
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'threshold' },
    });

    const simulatorUrl = opened.session.simulatorUrl();
    expect(simulatorUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const before = await (await fetch(`${simulatorUrl}/sim/auto-recharge`)).json();
    expect(before).not.toMatchObject({ threshold: '7', amount: '15' });

    const applied = await opened.call('auto-recharge:set', {
      settings: { ...settings, threshold: '7', amount: '15', monthlyLimit: '100' },
      apply: true,
    });
    expect(applied).toEqual({
      ok: true,
      value: {
        settings: {
          enabled: true,
          threshold: '7',
          mode: 'add',
          amount: '15',
          target: null,
          monthlyLimit: '100',
        },
        applied: true,
      },
    });
    const after = (await (await fetch(`${simulatorUrl}/sim/auto-recharge`)).json()) as Record<
      string,
      unknown
    >;
    expect(after).toMatchObject({ enabled: true, mode: 'add' });
    expect([after.threshold, after.amount, after.monthlyLimit].map(String)).toEqual(['7', '15', '100']);
    expect(await opened.call('auto-recharge:get')).toEqual({
      ok: true,
      value: { settings: (applied.value as { settings: unknown }).settings },
    });

    // Cleared (null), and recorded only.
    expect(await opened.call('auto-recharge:set', { settings: null, apply: false })).toEqual({
      ok: true,
      value: { settings: null, applied: false },
    });
  });

  it('exports csv and json for bookkeeping', async () => {
    const opened = await open();
    await opened.call('sync:refresh-now');
    const csv = await opened.call('data:export', { format: 'csv' });
    expect(csv).toMatchObject({
      ok: true,
      value: { filename: 'saldo-export-2026-11-20.csv', mediaType: 'text/csv; charset=utf-8' },
    });
    expect((csv.value as { content: string }).content).toMatch(/^record,id,date,amount,source,/);
    const json = await opened.call('data:export', { format: 'json' });
    expect(JSON.parse((json.value as { content: string }).content)).toMatchObject({ currency: 'USD' });
  });

  it('started, it polls on its own: sync:changed tells syncing, then ok with the next poll; alerts are raised', async () => {
    const dir = tempDir();
    // The first sync fires the low-balance notification.
    prepareLowBalanceDemo(dir);
    const opened = await open({ dir });
    opened.session.start();
    await until(() =>
      opened.events.some((event) => event.name === 'sync:changed' && event.payload.state === 'ok'),
    );
    const syncs = opened.events.flatMap((event) => (event.name === 'sync:changed' ? [event.payload] : []));
    expect(syncs[0]).toMatchObject({ state: 'syncing', nextAt: null });
    expect(syncs.at(-1)).toMatchObject({ state: 'ok', lastOkAt: START_AT, nextAt: expect.any(Number) });
    const raised = opened.events.find((event) => event.name === 'alert:raised');
    expect(raised?.payload).toMatchObject({ id: 'low-balance', kind: 'low-balance' });
    expect(names(opened.events)).toContain('state:changed');

    // A shorter interval: the poller starts over with it.
    opened.events.length = 0;
    expect(await opened.call('settings:update', { pollIntervalMinutes: 5 })).toMatchObject({ ok: true });
    await until(() =>
      opened.events.some((event) => event.name === 'sync:changed' && event.payload.state === 'ok'),
    );
    const next = opened.events
      .flatMap((event) => (event.name === 'sync:changed' ? [event.payload] : []))
      .at(-1)!;
    expect(next.nextAt! - Date.now()).toBeLessThan(6 * 60_000);
  });
});

describe('the bridge session while the demo syncs', () => {
  const syncEvents = (events: BridgeEvent[]) =>
    events.flatMap((event) => (event.name === 'sync:changed' ? [event.payload] : []));
  const isOk = (event: BridgeEvent) => event.name === 'sync:changed' && event.payload.state === 'ok';

  it('a first sync tells its progress request by request ("3 of 17"), then none; a steady poll tells none', async () => {
    const opened = await open();
    let snapshotAtThree: DashboardState['sync'] | undefined;
    opened.session.subscribe((event) => {
      if (event.name === 'sync:changed' && event.payload.progress?.done === 3)
        snapshotAtThree = opened.session.snapshot()?.sync;
    });
    opened.session.start();
    await until(() => opened.events.some(isOk));
    const first = syncEvents(opened.events);
    const counted = first.filter((status) => status.progress !== null);
    // 3 costs pages and 12 usage pages for a year, then the balance and the spend limit.
    expect(counted.map((status) => status.progress)).toEqual(
      Array.from({ length: 18 }, (_, done) => ({ done, total: 17 })),
    );
    expect(counted.every((status) => status.state === 'syncing')).toBe(true);
    expect(first.at(-1)).toMatchObject({ state: 'ok', progress: null });
    // What state:get answers meanwhile says the same.
    expect(snapshotAtThree).toMatchObject({ state: 'syncing', progress: { done: 3, total: 17 } });
    expect((await state(opened)).sync.progress).toBeNull();

    opened.events.length = 0;
    expect(await opened.call('sync:refresh-now')).toMatchObject({ ok: true, value: { state: 'ok' } });
    const steady = syncEvents(opened.events);
    expect(steady.map((status) => status.state)).toEqual(['syncing', 'ok']);
    expect(steady.map((status) => status.progress)).toEqual([null, null]);
  });

  it("shows the demo account's own auto-recharge from the first sync; settings applied before stay", async () => {
    const opened = await open();
    expect((await state(opened)).autoRecharge.settings).toBeNull();
    await opened.call('sync:refresh-now');
    const simulated = await (await fetch(`${opened.session.simulatorUrl()}/sim/auto-recharge`)).json();
    expect(simulated).toEqual({ enabled: true, threshold: 10, mode: 'add', amount: 20, monthlyLimit: 80 });
    const mirrored = {
      enabled: true,
      threshold: '10',
      mode: 'add',
      amount: '20',
      target: null,
      monthlyLimit: '80',
    };
    expect((await state(opened)).autoRecharge.settings).toEqual(mirrored);

    const mine = { ...mirrored, threshold: '7', amount: '15', monthlyLimit: null };
    expect(await opened.call('auto-recharge:set', { settings: mine, apply: true })).toMatchObject({
      ok: true,
    });
    await opened.session.close();

    // The next launch starts a new simulator, with the scenario's settings again: the user's stay.
    const again = await open({ dir: opened.dir });
    await again.call('sync:refresh-now');
    expect((await state(again)).autoRecharge.settings).toEqual(mine);
  });
});

/** The address the dashboard shows beside the key field by default. */
const OPENAI_URL = 'https://api.openai.com/v1';

describe('the bridge session and the key', () => {
  it('refuses a project key on field key with what an Admin key is, storing nothing', async () => {
    const opened = await open({ env: {} });
    const answer = await opened.call('key:set', { key: FAKE_PROJECT_KEY, baseUrl: OPENAI_URL });
    expect(answer).toEqual({
      ok: false,
      error: {
        field: 'key',
        message: expect.stringMatching(/project key.*Admin key \(sk-admin-…\).*admin-keys/),
      },
    });
    expect(await opened.secrets.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect((await state(opened)).key.stored).toBeNull();
    expectNoKey(answer);
  });

  it('stores an Admin key, watches its OpenAI account, refuses apply there, tests and clears it; the key is nowhere', async () => {
    const openai = await startSimulator({ startAt: START_AT, speed: FROZEN, scenario: 'empty' });
    cleanups.push(() => openai.close());
    const opened = await open({ env: { OPENAI_BASE_URL: openai.baseUrl } });
    expect((await state(opened)).backend.name).toBe('demo');

    const stored = await opened.call('key:set', { key: `  ${FAKE_ADMIN_KEY}\n`, baseUrl: openai.baseUrl });
    expect(stored).toEqual({ ok: true, value: { kind: 'admin', last4: 'abcd' } });
    expect((await opened.secrets.get(DEFAULT_ACCOUNT)).ok).toBe(true);
    const snapshot = await state(opened);
    expect(snapshot.backend).toMatchObject({
      name: 'openai',
      baseUrl: openai.baseUrl,
      capabilities: { autoRechargeSettings: false },
    });
    expect(snapshot.key.stored).toEqual({
      kind: 'admin',
      last4: 'abcd',
      source: 'keychain',
      origin: new URL(openai.baseUrl).origin,
    });
    expect(snapshot.settings.backend).toBe('openai');

    expect(await opened.call('sync:refresh-now')).toMatchObject({ ok: true, value: { state: 'ok' } });
    expect(await opened.call('auto-recharge:set', { settings: ADD_10_BELOW_5, apply: true })).toEqual({
      ok: false,
      error: { field: 'apply', message: NO_AUTO_RECHARGE_API },
    });
    expect((await opened.call('auto-recharge:get')).value).toEqual({ settings: null });
    expect(await opened.call('auto-recharge:set', { settings: ADD_10_BELOW_5, apply: false })).toMatchObject({
      ok: true,
      value: { applied: false },
    });

    // Only the demo's simulator buys what is recorded: an OpenAI account's purchases are its own.
    expect(await opened.call('ledger:add-purchase', { amount: '10', id: 'INV-9' })).toMatchObject({
      ok: true,
    });
    const grants = (await (await fetch(`${openai.url}/sim/state`)).json()) as {
      account: { grants: { id: string }[] };
    };
    expect(grants.account.grants.map((grant) => grant.id)).not.toContain('INV-9');

    const tested = await opened.call('key:test');
    expect(tested).toMatchObject({
      ok: true,
      value: { message: expect.stringMatching(/^The key sk-admin-…abcd works/) },
    });

    const cleared = await opened.call('key:clear');
    expect(cleared).toEqual({ ok: true, value: { removed: true } });
    expect((await state(opened)).backend.name).toBe('demo');
    expect(await opened.call('key:test')).toMatchObject({ ok: false, error: { field: 'key' } });

    for (const event of opened.events) expectNoKey(event);
    expectNoKey([stored, snapshot, tested, cleared]);
    for (const file of fs.readdirSync(opened.dir, { recursive: true, encoding: 'utf8' })) {
      const full = path.join(opened.dir, file);
      if (fs.statSync(full).isFile()) expectNoKey(fs.readFileSync(full, 'utf8'));
    }
  });

  it('remembers the last key test, passed or failed, until the key changes', async () => {
    const openai = await startSimulator({ startAt: START_AT, speed: FROZEN, scenario: 'empty' });
    cleanups.push(() => openai.close());
    const opened = await open({ env: { OPENAI_BASE_URL: openai.baseUrl } });
    expect(await opened.call('key:set', { key: FAKE_ADMIN_KEY, baseUrl: openai.baseUrl })).toMatchObject({
      ok: true,
    });
    expect((await state(opened)).key.lastCheck).toBeNull();
    opened.events.length = 0;

    const passed = await opened.call('key:test');
    const { checkedAt, message } = passed.value as { checkedAt: number; message: string };
    expect((await state(opened)).key.lastCheck).toEqual({ at: checkedAt, ok: true, message });
    expect(message).toMatch(/^The key sk-admin-…abcd works/);
    // Listeners hear it: Settings shows the check without asking again.
    const told = opened.events.filter((event) => event.name === 'state:changed').at(-1);
    expect((told?.payload as DashboardState | undefined)?.key.lastCheck).toEqual({
      at: checkedAt,
      ok: true,
      message,
    });

    const faults = `${openai.url}/sim/faults`;
    const refusal = {
      error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: null },
    };
    await fetch(faults, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 5, status: 401, body: refusal }),
    });
    const failed = await opened.call('key:test');
    expect(failed).toMatchObject({
      ok: false,
      error: { field: 'key', message: expect.stringMatching(/^auth: /) },
    });
    const lastCheck = (await state(opened)).key.lastCheck;
    expect(lastCheck).toEqual({
      at: expect.any(Number),
      ok: false,
      message: (failed.error as { message: string }).message,
    });
    expect(lastCheck!.at).toBeGreaterThanOrEqual(checkedAt);
    await fetch(faults, { method: 'DELETE' });

    expect(await opened.call('key:set', { key: FAKE_ADMIN_KEY, baseUrl: openai.baseUrl })).toMatchObject({
      ok: true,
    });
    expect((await state(opened)).key.lastCheck).toBeNull();
    await opened.call('key:test');
    expect((await opened.call('key:clear')).ok).toBe(true);
    expect((await state(opened)).key.lastCheck).toBeNull();
    expectNoKey(opened.events);
  });

  it('says so when no key can be stored on this machine', async () => {
    const { UnavailableSecretStore } = await import('../../../../electron/core/secrets');
    const opened = await open({
      env: {},
      openSecrets: async () => new UnavailableSecretStore('Install libsecret.', 'install-keyring'),
    });
    expect(await opened.call('key:set', { key: FAKE_ADMIN_KEY, baseUrl: OPENAI_URL })).toEqual({
      ok: false,
      error: { field: 'keychain', message: 'unavailable, the key cannot be stored. Install libsecret.' },
    });
    expect((await state(opened)).key).toEqual({
      store: 'unavailable',
      keeper: null,
      file: null,
      advice: 'install-keyring',
      stored: null,
      address: OPENAI_URL,
      lastCheck: null,
    });
  });
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
