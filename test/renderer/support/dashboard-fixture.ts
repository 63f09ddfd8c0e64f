/**
 * A realistic dashboard snapshot for component tests: 60 days of spend over three models and four
 * projects, a purchase, an auto-recharge, a free grant that expires soon. Checked against the
 * contract's schema, so a view test never runs on a shape main could not send.
 */
import { projectionReading } from '../../../shared/account/read-account';
import { DEFAULT_PURCHASE_LIMITS } from '../../../shared/billing/read-settings';
import { project, type ProjectionStart } from '../../../shared/billing/projection';
import type { AutoRecharge } from '../../../shared/billing/types';
import { toJsonSafe } from '../../../shared/billing/projection-json';
import { dashboardStateSchema, type DashboardState, type GrantRow } from '../../../shared/bridge';
import { defaultSettings } from '../../../shared/settings/settings-schema';

export const NOW = Date.parse('2026-11-27T10:42:00Z');
const DAY = 86_400_000;
const USD = 1_000_000;

function dayText(offset: number): string {
  return new Date(NOW - offset * DAY).toISOString().slice(0, 10);
}

/** `n` UTC days ending today. */
export function fixtureDays(n: number): string[] {
  return Array.from({ length: n }, (_, index) => dayText(n - 1 - index));
}

function spend(days: number) {
  const dayList = fixtureDays(days);
  const model = (name: string, base: number) => ({
    name,
    values: dayList.map((_, index) => Math.round(base * (1 + ((index * 7) % 5) / 10))),
  });
  const byModel = [model('gpt-4o', 0.9 * USD), model('gpt-4o-mini', 0.25 * USD), model('o3', 0.1 * USD)];
  const totals = dayList.map((_, index) => byModel.reduce((sum, series) => sum + series.values[index]!, 0));
  const split = (names: string[], shares: number[]) =>
    names.map((name, k) => ({
      name,
      values: totals.map((total) =>
        k === names.length - 1
          ? total - shares.slice(0, -1).reduce((sum, share) => sum + Math.round(total * share), 0)
          : Math.round(total * shares[k]!),
      ),
    }));
  return {
    days: dayList,
    totals,
    byModel,
    byProject: split(['Chatbot', 'Search', 'Batch jobs', 'No project'], [0.5, 0.25, 0.15, 0.1]),
    byLineItem: split(
      ['gpt-4o, input', 'gpt-4o, output', 'gpt-4o-mini, input', 'o3, output'],
      [0.4, 0.3, 0.2, 0.1],
    ),
    balance: totals.map((_, index) => Math.max(0, 60 * USD - index * 1_200_000)),
  };
}

/**
 * An active grant row: $10 bought 10 days ago, none of it used, expiring in 100 days; what
 * `overrides` leave out follows from what they set (left = amount − used − forfeited, effective when
 * bought).
 */
export function grantRow(id: string, overrides: Partial<GrantRow> = {}): GrantRow {
  const row = { amount: 10 * USD, used: 0, forfeited: 0, at: NOW - 10 * DAY, ...overrides };
  return {
    id,
    source: 'manual',
    remaining: row.amount - row.used - row.forfeited,
    effectiveAt: row.at,
    expiresAt: NOW + 100 * DAY,
    status: 'active',
    forfeitRisk: 0,
    ...row,
  };
}

/** A free grant expiring in 12 days, a purchase and an auto-recharge, all with credit left. */
function fixtureGrants(): GrantRow[] {
  return [
    grantRow('grant-welcome', {
      source: 'grant',
      amount: 25 * USD,
      used: 20 * USD,
      at: NOW - 340 * DAY,
      expiresAt: NOW + 12 * DAY,
      forfeitRisk: 2_500_000,
    }),
    grantRow('P-1001', {
      amount: 50 * USD,
      used: 22_900_000,
      at: NOW - 40 * DAY,
      expiresAt: NOW + 325 * DAY,
    }),
    grantRow('auto-1', {
      source: 'auto',
      amount: 20 * USD,
      used: 10 * USD,
      at: NOW - 10 * DAY,
      expiresAt: NOW + 355 * DAY,
    }),
  ];
}

/**
 * Where the engine's projection starts for these grants: $1.30 a day over the 7-day window, the
 * fixture's one auto purchase this month.
 */
function projectionStart(grants: readonly GrantRow[]): ProjectionStart {
  return {
    now: NOW,
    account: 'prepaid',
    policy: { ...DEFAULT_PURCHASE_LIMITS, expiryMonths: 12, creditDelayMinutes: 0 },
    rate: { windowUsage: 9_100_000n, windowDays: 7 },
    debt: 0n,
    grants: grants.map((grant) => ({
      source: grant.source === 'provider' ? 'grant' : grant.source,
      remaining: BigInt(grant.remaining),
      effectiveAt: grant.effectiveAt,
      expiresAt: grant.expiresAt,
      status: grant.status,
    })),
    autoPurchases: [{ at: NOW - 10 * DAY, amount: 20n * BigInt(USD) }],
  };
}

/** The fixture's auto-recharge as the engine applies it: top up to $30 below $10, at most $100 a month. */
export const FIXTURE_RECHARGE: AutoRecharge = {
  threshold: 10n * BigInt(USD),
  mode: 'topUp',
  amount: 0n,
  target: 30n * BigInt(USD),
  monthlyLimit: 100n * BigInt(USD),
};

/** The fixture's account with what the engine projects ahead under `autoRecharge` (null: off). */
export function fixtureOutlook(autoRecharge: AutoRecharge | null) {
  return {
    ...projectionReading(project(projectionStart(fixtureGrants()), autoRecharge), NOW),
    autoRecharge: autoRecharge !== null,
  };
}

export function dashboardFixture(overrides: Partial<DashboardState> = {}): DashboardState {
  const grants = fixtureGrants();
  const start = projectionStart(grants);
  const state: DashboardState = {
    now: NOW,
    backend: {
      name: 'demo',
      reason: 'No OpenAI Admin key is stored, so Saldo shows the demo account.',
      baseUrl: null,
      capabilities: { balance: 'api', autoRechargeSettings: true },
    },
    key: {
      store: 'keychain',
      keeper: 'secret-service',
      file: null,
      advice: null,
      stored: null,
      address: 'https://api.openai.com/v1',
      lastCheck: null,
    },
    sync: {
      state: 'ok',
      lastAttemptAt: NOW - 5 * 60_000,
      lastOkAt: NOW - 5 * 60_000,
      failingSince: null,
      error: null,
      warnings: [],
      nextAt: NOW + 10 * 60_000,
      progress: null,
    },
    account: {
      now: NOW,
      available: 42_100_000,
      pending: 0,
      debt: 0,
      balance: 42_100_000,
      quotaExhausted: false,
      exhaustedSince: null,
      lastCalibration: { at: NOW - 3 * DAY, observed: 46_000_000, drift: -120_000, by: 'you' },
      spentSinceCalibration: 3_900_000,
      totals: { purchased: 70 * USD, granted: 95 * USD, used: 52_900_000, forfeited: 0 },
      burnRatePerDay: 1_300_000,
      historyDays: 59,
      paceKnown: true,
      // What lies ahead comes from the engine's projection of this very start.
      ...fixtureOutlook(FIXTURE_RECHARGE),
      horizonDays: 365,
      creditOnly: { days: 32.4, until: NOW + 32 * DAY },
      nextExpiry: { at: NOW + 12 * DAY, amount: 5 * USD, unused: 2_500_000 },
      month: { key: '2026-11', spent: 33_800_000 },
      spendLimit: null,
    },
    grants,
    entries: [
      {
        type: 'purchase',
        id: 'P-1001',
        at: new Date(NOW - 40 * DAY).toISOString().replace('.000', ''),
        createdAt: new Date(NOW - 40 * DAY).toISOString().replace('.000', ''),
        amount: '50',
        source: 'manual',
      },
    ],
    spend: spend(60),
    markers: [
      { kind: 'purchase', at: NOW - 40 * DAY, amount: 50 * USD, id: 'P-1001' },
      { kind: 'auto-recharge', at: NOW - 10 * DAY, amount: 20 * USD, id: 'auto-1' },
    ],
    autoRecharge: {
      settings: {
        enabled: true,
        threshold: '10',
        mode: 'topUp',
        amount: null,
        target: '30',
        monthlyLimit: '100',
      },
      made: [{ id: 'auto-1', at: NOW - 10 * DAY, amount: 20 * USD, balanceBefore: 9_800_000 }],
      blocked: [],
      usedThisMonth: 20 * USD,
      limits: { min: 5 * USD, max: 50 * USD },
      start: toJsonSafe(start),
    },
    alerts: { current: [], past: [] },
    settings: defaultSettings(),
    dataDir: '/home/someone/.config/saldo',
    ...overrides,
  };
  return dashboardStateSchema.parse(state);
}
