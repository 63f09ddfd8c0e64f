/**
 * Every number a person reads is the same on every surface: for generated ledgers and for the demo
 * account, `status --json`, the bridge's snapshot, the tray's text and the export say the same
 * balance, the same instant API requests start to fail, the same next expiry and the same next
 * auto-recharge. Each surface is produced by the code that produces it in the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'lossless-json';
import { afterEach, describe, expect, it } from 'vitest';
import { statusJson, runwayLine } from '../../../electron/cli/status-view';
import { buildSnapshot, keyInfoOf } from '../../../electron/core/bridge/snapshot';
import { syncStatusOf } from '../../../electron/core/bridge/sync-status';
import { exportRecords } from '../../../electron/core/export';
import { assess } from '../../../electron/core/monitor/assess';
import { openStores } from '../../../electron/core/stores';
import { formatDate, formatMoney } from '../../../shared/alerts/alert-format';
import type { AccountReading } from '../../../shared/account/account-reading';
import { runwayCase } from '../../../shared/account/outlook';
import { formatInstant } from '../../../shared/billing/instant';
import { microsToDecimalText } from '../../../shared/billing/money';
import { dashboardStateSchema } from '../../../shared/bridge';
import { emptyLedger, type Ledger, type LedgerEntry } from '../../../shared/ledger/ledger-schema';
import { defaultSettings } from '../../../shared/settings/settings-schema';
import { trayViewOf } from '../../../shared/tray';
import { runInProcess } from '../cli/cli-harness';

const DAY = 86_400_000;

/** The figures, as plain text, from each surface. */
interface Figures {
  balance: string;
  failsAt: string | null;
  nextExpiry: { at: string; amount: string } | null;
  nextRecharge: { at: string; amount: string } | null;
  spendLimit: { limit: string; spentThisMonth: string; fraction: number } | null;
}

const usdText = (micros: number): string => microsToDecimalText(BigInt(micros));
const amountAt = (value: { at: number; amount: number } | null) =>
  value === null ? null : { at: formatInstant(value.at), amount: usdText(value.amount) };

/** What `status --json` says: its `account` object, numbers read back as their exact text. */
function fromStatus(json: string): Figures & { now: string } {
  const account = (parse(json) as { account: Record<string, unknown> }).account;
  const text = (value: unknown) => (value === null ? null : String(value));
  const usd = (amount: unknown) => microsToDecimalText(BigInt(Math.round(Number(String(amount)) * 1e6)));
  const pair = (value: unknown) => {
    if (value === null) return null;
    const { at, amount } = value as { at: string; amount: unknown };
    return { at, amount: usd(amount) };
  };
  const limit = account.spendLimit as { limit: unknown; spentThisMonth: unknown; fraction: unknown } | null;
  return {
    now: String(account.now),
    balance: usd(account.balance),
    failsAt: text(account.failsAt),
    nextExpiry: pair(account.nextExpiry),
    nextRecharge: pair(account.nextRecharge),
    spendLimit:
      limit === null
        ? null
        : {
            limit: usd(limit.limit),
            spentThisMonth: usd(limit.spentThisMonth),
            fraction: Number(String(limit.fraction)),
          },
  };
}

function fromReading(reading: AccountReading): Figures {
  return {
    balance: usdText(reading.balance),
    failsAt: reading.failsAt === null ? null : formatInstant(reading.failsAt),
    nextExpiry: amountAt(reading.nextExpiry),
    nextRecharge: amountAt(reading.nextRecharge),
    spendLimit:
      reading.spendLimit === null
        ? null
        : {
            limit: usdText(reading.spendLimit.limit),
            spentThisMonth: usdText(reading.spendLimit.spentThisMonth),
            fraction: reading.spendLimit.fraction,
          },
  };
}

/** Every surface for `ledger` at `now`, built by the app's own code. */
function surfaces(ledger: Ledger, now: number) {
  const assessed = assess(ledger, now);
  if (!assessed.ok || assessed.value === null) throw new Error('the ledger has an account');
  const { result, reading } = assessed.value;
  const state = { backend: 'openai' as const, lastSync: null, result, reading, alerts: [] };
  const snapshot = dashboardStateSchema.parse(
    buildSnapshot({
      now,
      state,
      ledger,
      settings: defaultSettings(),
      backend: {
        choice: { backend: 'openai', keySource: 'keychain', reason: 'An Admin key is stored.' },
        baseUrl: 'https://api.openai.com/v1',
        capabilities: {
          provider: 'openai',
          costs: true,
          usage: true,
          balance: 'absent',
          autoRechargeSettings: false,
        },
      },
      key: keyInfoOf({ backend: 'memory', detail: 'Held in memory.' }, null),
      sync: syncStatusOf(null, null),
      dataDir: '/tmp/saldo',
    }),
  );
  return {
    status: fromStatus(statusJson(state, 'en', now)),
    snapshot: snapshot.account!,
    tray: trayViewOf(snapshot, { language: 'en' }),
    exported: exportRecords(ledger, result, reading).account!,
  };
}

/** Status, snapshot, tray and export agree on the figures. */
function expectAgreement(ledger: Ledger, now: number): void {
  const { status, snapshot, tray, exported } = surfaces(ledger, now);
  const figures = fromReading(snapshot);
  expect({ ...status, now: undefined }).toEqual({ ...figures, now: undefined });
  expect(status.now).toBe(formatInstant(now));
  const { at, ...exportFigures } = exported;
  expect(at).toBe(formatInstant(now));
  expect(exportFigures).toEqual(figures);
  // The tray words the same reading: the balance, when requests fail, the next expiry.
  expect(tray.lines[0]).toContain(formatMoney(BigInt(snapshot.balance), 'en'));
  const runway = runwayCase(snapshot);
  if (runway.kind === 'fails') {
    expect(tray.lines[1]).toContain(formatDate(runway.at, 'en'));
    expect(runwayLine(snapshot, 'en')).toContain(formatDate(runway.at, 'en'));
  }
  if (snapshot.nextExpiry !== null && !snapshot.quotaExhausted && snapshot.balance > 0) {
    expect(tray.lines).toContainEqual(expect.stringContaining(formatDate(snapshot.nextExpiry.at, 'en')));
  }
}

const NOW = Date.UTC(2026, 10, 27, 9, 30);

const entryArb = (index: number): fc.Arbitrary<LedgerEntry> => {
  const at = fc
    .integer({ min: 1, max: 400 })
    .map((daysAgo) => formatInstant(NOW - daysAgo * DAY + (index % 24) * 3_600_000));
  const amount = fc.integer({ min: 5, max: 50 }).map(String);
  return fc.oneof(
    fc.record({ at, amount }).map(({ at, amount }) => ({
      type: 'purchase' as const,
      id: `p${index}`,
      at,
      createdAt: at,
      amount,
      source: 'manual' as const,
    })),
    fc.record({ at, amount }).map(({ at, amount }) => ({
      type: 'grant' as const,
      id: `g${index}`,
      at,
      createdAt: at,
      amount,
    })),
    fc.record({ at, balance: fc.integer({ min: 0, max: 80 }).map(String) }).map(({ at, balance }) => ({
      type: 'balance' as const,
      id: `b${index}`,
      at,
      createdAt: at,
      balance,
    })),
  );
};

const ledgerArb: fc.Arbitrary<Ledger> = fc
  .record({
    count: fc.integer({ min: 1, max: 6 }),
    days: fc.integer({ min: 0, max: 120 }),
    perDay: fc.integer({ min: 0, max: 4_000_000 }),
    spendLimitDollars: fc.option(fc.integer({ min: 1, max: 300 })),
    autoRecharge: fc.option(
      fc.record({
        threshold: fc.integer({ min: 1, max: 20 }).map(String),
        target: fc.integer({ min: 25, max: 60 }).map(String),
        mode: fc.constantFrom('add' as const, 'topUp' as const),
        monthlyLimit: fc.option(fc.integer({ min: 10, max: 200 }).map(String)),
      }),
    ),
  })
  .chain(({ count, days, perDay, spendLimitDollars, autoRecharge }) =>
    fc.tuple(...Array.from({ length: count }, (_, index) => entryArb(index))).map((entries) => ({
      ...emptyLedger(),
      entries,
      spendLimit:
        spendLimitDollars === null
          ? null
          : { at: formatInstant(NOW), limitMicros: spendLimitDollars * 1_000_000, enforcing: true },
      costs: Array.from({ length: days }, (_, index) => ({
        day: formatInstant(NOW - (days - index) * DAY).slice(0, 10),
        amountMicros: perDay,
        lineItem: 'gpt-4o, input',
        projectId: null,
      })),
      autoRecharge:
        autoRecharge === null
          ? null
          : {
              enabled: true,
              threshold: autoRecharge.threshold,
              mode: autoRecharge.mode,
              amount: autoRecharge.mode === 'add' ? '20' : null,
              target: autoRecharge.mode === 'topUp' ? autoRecharge.target : null,
              monthlyLimit: autoRecharge.monthlyLimit,
            },
    })),
  );

describe('every surface reads one account', () => {
  it('for generated ledgers: status --json, the snapshot, the tray and the export agree', () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => expectAgreement(ledger, NOW)),
      { numRuns: 60, seed: 20261208 },
    );
  });

  const homes: string[] = [];
  afterEach(() => {
    for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
  });

  it('for the demo: the CLI after a real sync, and the snapshot and tray of the same ledger at the same instant', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-agree-'));
    homes.push(home);
    const env = { SALDO_HOME: home, SALDO_DEMO: '1' };
    expect((await runInProcess(['sync'], { env })).code).toBe(0);
    const status = await runInProcess(['status', '--json'], { env });
    expect(status.code).toBe(0);
    const exported = await runInProcess(['export', '--format', 'json'], { env });
    expect(exported.code).toBe(0);

    const stores = openStores({ dir: path.join(home, 'demo') });
    if (!stores.ok) throw new Error(stores.error.message);
    const ledger = stores.ledger.read();
    // Each CLI output is for the instant it names; the snapshot and tray are built at that instant.
    const cli = fromStatus(status.stdout);
    const atStatus = surfaces(ledger, Date.parse(cli.now));
    expect({ ...cli, now: undefined }).toEqual({ ...fromReading(atStatus.snapshot), now: undefined });
    expect(atStatus.tray.lines[0]).toContain(formatMoney(BigInt(atStatus.snapshot.balance), 'en'));
    const file = JSON.parse(exported.stdout) as { account: Figures & { at: string } };
    const { at, ...exportFigures } = file.account;
    expect(exportFigures).toEqual(fromReading(surfaces(ledger, Date.parse(at)).snapshot));
    // The demo is a real-looking account: it has a balance, credit that expires, and a pace.
    expect(atStatus.snapshot.balance).toBeGreaterThan(0);
    expect(atStatus.snapshot.nextExpiry).not.toBeNull();
    expect(atStatus.snapshot.paceKnown).toBe(true);
    // …and the demo organisation's $120 monthly spend limit, said alike by the CLI and the export.
    expect(cli.spendLimit?.limit).toBe('120');
    expect(file.account.spendLimit?.limit).toBe('120');
  }, 60_000);
});
