/**
 * The dashboard snapshot from a ledger with every kind of record (the export suite's fixture and its
 * real engine result): checked against the contract's schema, and field by field where the
 * snapshot adds meaning (markers, calibration provenance, forfeit risk, this month's recharges).
 */
import { describe, expect, it } from 'vitest';
import { dashboardStateSchema } from '../../../../shared/bridge/dashboard-state';
import { defaultSettings } from '../../../../shared/settings/settings-schema';
import { emptyLedger, type Ledger } from '../../../../shared/ledger/ledger-schema';
import type { Alert } from '../../../../shared/alerts/alert';
import { formatInstant } from '../../../../shared/billing/instant';
import {
  buildSnapshot,
  keyInfoOf,
  syncStatusOf,
  type SnapshotSources,
} from '../../../../electron/core/bridge';
import type { MonitorState } from '../../../../electron/core/monitor';
import { evaluateLedger, fullLedger, NOW, TRICKY_ID, FORMULA_ID } from '../export/fixture';
import { assess } from '../../../../electron/core/monitor/assess';
import { projectionStartJsonSchema } from '../../../../shared/billing/projection-json';

const CHOICE = {
  backend: 'demo' as const,
  keySource: null,
  reason: 'No key is set up: showing the demo account.',
};
const CAPABILITIES = {
  provider: 'demo' as const,
  costs: true,
  usage: true,
  balance: 'api' as const,
  autoRechargeSettings: true,
};
const ALERT: Alert = {
  id: 'low-balance',
  kind: 'low-balance',
  severity: 'warning',
  title: { en: 'Low balance', nl: 'Laag saldo' },
  body: { en: 'Buy credit.', nl: 'Koop tegoed.' },
  view: 'overview',
};

/** The monitor's state for `ledger` at NOW: the engine's result and the reading, as the monitor assesses them. */
function assessed(ledger: Ledger): Pick<MonitorState, 'result' | 'reading'> {
  const outcome = assess(ledger, NOW);
  if (!outcome.ok || outcome.value === null) return { result: null, reading: null };
  return { result: outcome.value.result, reading: outcome.value.reading };
}

function sources(ledger: Ledger, state: Partial<MonitorState> = {}): SnapshotSources {
  return {
    now: NOW,
    state: { backend: 'demo', lastSync: null, ...assessed(ledger), alerts: [ALERT], ...state },
    ledger,
    settings: defaultSettings(),
    backend: { choice: CHOICE, baseUrl: null, capabilities: CAPABILITIES },
    key: keyInfoOf({ backend: 'memory', detail: 'Held in memory.' }, null),
    sync: syncStatusOf(null, null),
    dataDir: '/home/someone/.config/saldo',
  };
}

describe('buildSnapshot', () => {
  const ledger: Ledger = {
    ...fullLedger(),
    alertHistory: [
      { alert: ALERT, firedAt: '2026-11-01T00:00:00Z' },
      { alert: { ...ALERT, id: 'sync-failing', kind: 'sync-failing' }, firedAt: '2026-11-20T00:00:00Z' },
    ],
  };
  const result = evaluateLedger(ledger);
  const snapshot = buildSnapshot(sources(ledger));

  it('is a valid DashboardState', () => {
    const parsed = dashboardStateSchema.safeParse(snapshot);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
  });

  it("carries the engine's account, with the last calibration and the spend after it", () => {
    expect(snapshot.account).toMatchObject({
      available: Number(result.available),
      balance: Number(result.balance),
      // b2, 2026-11-26 00:00: 1.75 above the engine's balance then.
      lastCalibration: { at: Date.UTC(2026, 10, 26), observed: 32_000_000, drift: 1_750_000 },
      // Only the 27th's cost is placed after it (the 26th's sits at its 00:00, with the calibration).
      spentSinceCalibration: 1,
    });
  });

  it('marks purchases, recharges, grants, every calibration and each forfeiting expiry, in time order', () => {
    expect(snapshot.markers.map(({ kind, id, amount }) => [kind, id, amount])).toEqual([
      ['purchase', 'p1', 10_000_000],
      ['expiry', 'p1', 6_999_998],
      ['auto-recharge', 'auto-1', 10_000_000],
      ['free-credit', 'g1', 5_000_000],
      ['purchase', TRICKY_ID, 20_500_000],
      ['correction', 'calibration-1', -1_750_000],
      ['correction', 'calibration-2', 1_750_000],
      ['purchase', FORMULA_ID, 5_000_000],
    ]);
    const times = snapshot.markers.map((marker) => marker.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(snapshot.markers[1]!.at).toBe(Date.UTC(2026, 9, 1));
  });

  it('lists every grant with its forfeit risk', () => {
    expect(snapshot.grants.map((grant) => grant.id)).toEqual(result.grants.map((grant) => grant.id));
    for (const grant of snapshot.grants) {
      const risk = result.forfeitRisk.find((entry) => entry.id === grant.id)?.amount ?? 0n;
      expect(grant.forfeitRisk).toBe(Number(risk));
      expect(grant.used + grant.forfeited + grant.remaining).toBe(grant.amount);
    }
  });

  it('calls a credit the provider listed "provider", not free credit: its list does not say it was free', () => {
    const listed: Ledger = {
      ...ledger,
      observedBalance: {
        // After the user's last correction (b2, the 26th): the provider's report is the last word.
        at: '2026-11-26T12:00:00Z',
        balanceMicros: 30_000_000,
        grants: [
          {
            id: 'purchase-7',
            amountMicros: 20_000_000,
            usedMicros: 0,
            effectiveAt: '2026-11-02T00:00:00Z',
            expiresAt: '2027-11-02T00:00:00Z',
          },
          {
            id: 'auto-9',
            amountMicros: 10_000_000,
            usedMicros: 0,
            effectiveAt: '2026-11-03T00:00:00Z',
            expiresAt: '2027-11-03T00:00:00Z',
          },
        ],
      },
    };
    // The provider's report is the last calibration, and the snapshot says whose it was.
    expect(buildSnapshot(sources(listed)).account?.lastCalibration?.by).toBe('provider');
    expect(snapshot.account?.lastCalibration?.by).toBe('you');
    const sourceOf = (id: string) =>
      buildSnapshot(sources(listed)).grants.find((grant) => grant.id === id)?.source;
    expect(sourceOf('purchase-7')).toBe('provider');
    // The engine's reserved prefix is kept apart, and the row still says where it came from.
    expect(sourceOf('obs-auto-9')).toBe('provider');
    // What the user recorded as free credit stays free credit.
    expect(sourceOf('g1')).toBe('grant');
    // The chart draws them as listed, not as free credit; Auto-recharge does not count them as recharges.
    const listedSnapshot = buildSnapshot(sources(listed));
    const kindOf = (id: string) => listedSnapshot.markers.find((marker) => marker.id === id)?.kind;
    expect([kindOf('purchase-7'), kindOf('obs-auto-9'), kindOf('g1')]).toEqual([
      'listed',
      'listed',
      'free-credit',
    ]);
    expect(listedSnapshot.autoRecharge.made.map(({ id }) => id)).not.toContain('obs-auto-9');
  });

  it('counts an auto-recharge the user recorded among the recharges made, without a triggering balance', () => {
    const recorded: Ledger = {
      ...ledger,
      entries: [
        ...ledger.entries,
        {
          type: 'purchase',
          id: 'recorded-auto',
          at: '2026-11-05T08:00:00Z',
          createdAt: '2026-11-05T09:00:00Z',
          amount: '10',
          source: 'auto',
        },
      ],
    };
    const built = buildSnapshot(sources(recorded));
    expect(built.autoRecharge.made.find(({ id }) => id === 'recorded-auto')).toEqual({
      id: 'recorded-auto',
      at: Date.UTC(2026, 10, 5, 8),
      amount: 10_000_000,
      balanceBefore: null,
    });
    expect(built.autoRecharge.usedThisMonth).toBe(10_000_000);
    expect(built.markers.find(({ id }) => id === 'recorded-auto')?.kind).toBe('auto-recharge');
  });

  it("counts this month's recharges only, and states the purchase limits", () => {
    // auto-1 was bought on 2026-10-01: last month.
    expect(snapshot.autoRecharge).toMatchObject({
      settings: ledger.autoRecharge,
      made: [{ id: 'auto-1', amount: 10_000_000 }],
      usedThisMonth: 0,
      limits: { min: 5_000_000, max: 50_000_000 },
    });
    const november = [
      { id: 'auto-2', at: Date.UTC(2026, 10, 1), amount: 10_000_000n, balanceBefore: 4_200_000n },
      { id: 'auto-3', at: Date.UTC(2026, 10, 27, 9, 0), amount: 5_000_000n, balanceBefore: -300_000n },
    ];
    const withNovember = { ...result, autoRecharges: [...result.autoRecharges, ...november] };
    const recharges = buildSnapshot(sources(ledger, { result: withNovember })).autoRecharge;
    expect(recharges.usedThisMonth).toBe(15_000_000);
    // Each with the balance that triggered it (ux.md §6.6), in micro-dollars like every amount.
    expect(recharges.made.slice(-2)).toEqual([
      { id: 'auto-2', at: Date.UTC(2026, 10, 1), amount: 10_000_000, balanceBefore: 4_200_000 },
      { id: 'auto-3', at: Date.UTC(2026, 10, 27, 9, 0), amount: 5_000_000, balanceBefore: -300_000 },
    ]);
  });

  it("carries the reading: the pace, when requests fail and the next recharge, from the engine's projection", () => {
    expect(snapshot.account).toMatchObject({
      burnRatePerDay: Number(result.burnRatePerDay),
      historyDays: 422,
      paceKnown: true,
      failsAt: result.failsAt,
      nextRecharge:
        result.nextAutoRechargeAt === null
          ? null
          : { at: result.nextAutoRechargeAt, amount: Number(result.projection.recharges[0]!.amount) },
      creditOnly:
        result.runwayDays === null
          ? null
          : {
              days: result.runwayDays,
              until: result.depletionAt === null ? null : Number(result.depletionAt),
            },
    });
  });

  it('carries where the projection starts, so a draft of auto-recharge settings projects alike', () => {
    const start = projectionStartJsonSchema.parse(snapshot.autoRecharge.start);
    expect(start).toEqual(result.projectionStart);
  });

  it('lists the alerts now, and those that fired newest first', () => {
    expect(snapshot.alerts.current).toEqual([ALERT]);
    expect(snapshot.alerts.past.map((past) => [past.alert.id, formatInstant(past.firedAt)])).toEqual([
      ['sync-failing', '2026-11-20T00:00:00Z'],
      ['low-balance', '2026-11-01T00:00:00Z'],
    ]);
  });

  it('spends a year of days at most, with a balance for each', () => {
    expect(snapshot.spend.days[0]).toBe('2025-11-27');
    expect(snapshot.spend.days.at(-1)).toBe('2026-11-27');
    expect(snapshot.spend.balance).toHaveLength(snapshot.spend.days.length);
    expect(snapshot.spend.balance.at(-1)).toBe(Number(result.balance));
  });

  it('before anything is recorded: no account, no forecast, empty lists — still valid', () => {
    const empty = buildSnapshot(sources(emptyLedger(), { result: null, reading: null, alerts: [] }));
    expect(empty).toMatchObject({ account: null, grants: [], markers: [], entries: [] });
    expect(empty.autoRecharge.start).toBeNull();
    expect(empty.spend).toEqual({
      days: [],
      totals: [],
      byModel: [],
      byProject: [],
      byLineItem: [],
      balance: [],
    });
    expect(dashboardStateSchema.safeParse(empty).success).toBe(true);
  });
});

describe('keyInfoOf', () => {
  it('a store that keeps keys (even for this run only) is a keychain; one that cannot is unavailable', () => {
    expect(keyInfoOf({ backend: 'keychain', detail: 'GNOME Keyring' }, null).store).toBe('keychain');
    expect(keyInfoOf({ backend: 'memory', detail: 'memory' }, null).store).toBe('keychain');
    expect(keyInfoOf({ backend: 'encrypted-file', detail: 'secrets.json' }, null).store).toBe(
      'encrypted-file',
    );
    expect(keyInfoOf({ backend: 'environment', detail: 'OPENAI_ADMIN_KEY' }, null).store).toBe('unavailable');
    expect(
      keyInfoOf({ backend: 'unavailable', detail: 'install libsecret', advice: 'install-keyring' }, null),
    ).toEqual({
      store: 'unavailable',
      keeper: null,
      file: null,
      advice: 'install-keyring',
      stored: null,
      address: 'https://api.openai.com/v1',
      lastCheck: null,
    });
  });

  it("passes codes, never the store's English words: which keychain, the file, what to do", () => {
    const file = '/home/me/.config/Saldo/secrets.json';
    expect(
      keyInfoOf(
        {
          backend: 'encrypted-file',
          detail: `${file}, encrypted with KWallet`,
          keeper: 'kwallet',
          path: file,
        },
        null,
      ),
    ).toMatchObject({ store: 'encrypted-file', keeper: 'kwallet', file, advice: null });
    expect(
      keyInfoOf({ backend: 'environment', detail: 'OPENAI_ADMIN_KEY', advice: 'build-keytar' }, null),
    ).toMatchObject({ store: 'unavailable', keeper: null, advice: 'build-keytar' });
  });

  it('shows the key in use by kind, last four and the origin it was given for only', () => {
    const origin = 'https://api.openai.com';
    const info = keyInfoOf(
      { backend: 'keychain', detail: 'GNOME Keyring' },
      { kind: 'admin', last4: 'abcd', source: 'keychain', origin },
    );
    expect(info.stored).toEqual({ kind: 'admin', last4: 'abcd', source: 'keychain', origin });
  });
});

describe('syncStatusOf', () => {
  const lastSync = {
    at: NOW,
    ok: false,
    partial: false,
    okAt: NOW - 3_600_000,
    failingSince: NOW - 1_800_000,
    error: {
      source: 'backend' as const,
      kind: 'quota',
      code: 'credit_balance_exhausted',
      message: 'no credit',
    },
    warnings: [],
  };

  it('tells the poller running, paused, offline or waiting, and the last sync otherwise', () => {
    expect(syncStatusOf(null, null).state).toBe('never');
    expect(syncStatusOf(lastSync, { state: 'polling', nextAt: null }).state).toBe('syncing');
    expect(syncStatusOf(lastSync, { state: 'offline', nextAt: null }).state).toBe('offline');
    expect(syncStatusOf(lastSync, { state: 'paused', nextAt: null }).state).toBe('paused');
    expect(syncStatusOf(lastSync, { state: 'stopped', nextAt: null })).toMatchObject({
      state: 'failing',
      error: { kind: 'quota', code: 'credit_balance_exhausted' },
      nextAt: null,
    });
    const ok = { ...lastSync, ok: true, failingSince: null, error: null };
    expect(syncStatusOf(ok, { state: 'waiting', nextAt: NOW + 60_000 })).toMatchObject({
      state: 'ok',
      nextAt: NOW + 60_000,
    });
    expect(syncStatusOf({ ...ok, partial: true }, null).state).toBe('partial');
  });

  it('reads an error stored before codes and reasons were kept as having none', () => {
    const { code, ...old } = lastSync.error;
    expect(code).toBeDefined();
    expect(syncStatusOf({ ...lastSync, error: old }, null).error).toMatchObject({ code: null, reason: null });
  });

  it('carries the last good sync’s warnings', () => {
    const warnings = [{ kind: 'cost-not-usd', message: '1 cost row on 2026-12-01 in EUR was left out' }];
    expect(syncStatusOf({ ...lastSync, warnings }, null).warnings).toEqual(warnings);
    expect(syncStatusOf(null, null).warnings).toEqual([]);
  });

  it("tells an auth error's reason", () => {
    const error = {
      source: 'backend' as const,
      kind: 'auth',
      reason: 'not-admin-key' as const,
      message: 'no',
    };
    expect(syncStatusOf({ ...lastSync, error }, null).error).toEqual({
      source: 'backend',
      kind: 'auth',
      code: null,
      reason: 'not-admin-key',
      message: 'no',
    });
  });
});
