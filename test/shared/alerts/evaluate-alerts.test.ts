import { describe, expect, it } from 'vitest';
import type { AlertKind, AlertSeverity } from '../../../shared/alerts/alert';
import type { AlertInput } from '../../../shared/alerts/alert-input';
import { type AlertMemory, alertMemorySchema } from '../../../shared/alerts/alert-memory';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS } from '../../../shared/alerts/alert-settings';
import { autoRecharge, DAY, failsIn, HOUR, input, notified, runSyncs, T0, usd } from './alert-test-kit';

const forecasts: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, forecastWarnings: true };
const budget100: AlertSettings = { ...DEFAULT_ALERT_SETTINGS, monthlyBudget: usd(100) };
const grant = (id: string, daysOut: number, remaining = 20) => ({
  id,
  expiresAt: T0 + daysOut * DAY,
  remaining: usd(remaining),
});

interface Case {
  name: string;
  /** The sync before the crossing (already fine), then the crossing, told once and then quiet. */
  before: AlertInput;
  after: AlertInput;
  settings?: AlertSettings;
  memory?: AlertMemory;
  id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  view: string;
}

const CASES: Case[] = [
  {
    name: 'low balance',
    before: input({ balance: usd(8) }),
    after: input({ balance: usd(4.2) }),
    id: 'low-balance',
    kind: 'low-balance',
    severity: 'warning',
    view: 'overview',
  },
  {
    name: 'short runway (forecast warnings on)',
    before: input({ balance: usd(40), ...failsIn(10) }),
    after: input({ balance: usd(40), ...failsIn(2.5) }),
    settings: forecasts,
    id: 'short-runway',
    kind: 'short-runway',
    severity: 'warning',
    view: 'overview',
  },
  {
    name: 'credit used up',
    before: input({ balance: usd(1) }),
    after: input({ balance: 0n }),
    id: 'credit-used-up',
    kind: 'credit-used-up',
    severity: 'critical',
    view: 'overview',
  },
  {
    name: 'negative balance (credit already used up)',
    before: input({ balance: 0n }),
    after: input({ balance: usd(-1.37) }),
    id: 'negative-balance',
    kind: 'negative-balance',
    severity: 'critical',
    view: 'overview',
  },
  {
    name: 'credit available again',
    before: input({ balance: 0n }),
    after: input({ balance: usd(20) }),
    id: 'credit-restored',
    kind: 'credit-restored',
    severity: 'info',
    view: 'overview',
  },
  {
    name: 'expiry in 30 days',
    before: input({ grants: [grant('g1', 31)] }),
    after: input({ at: T0 + DAY, grants: [grant('g1', 31)] }),
    id: 'expiry-30:2026-12-28',
    kind: 'expiry',
    severity: 'info',
    view: 'credits',
  },
  {
    name: 'expiry in 7 days',
    before: input({ grants: [grant('g1', 8)] }),
    after: input({ at: T0 + DAY, grants: [grant('g1', 8)] }),
    memory: { 'expiry-30:g1': { active: true, firedAt: '2026-11-05T12:00:00Z' } },
    id: 'expiry-7:2026-12-05',
    kind: 'expiry',
    severity: 'warning',
    view: 'credits',
  },
  {
    name: 'expiry in 1 day',
    before: input({ grants: [grant('g1', 2)] }),
    after: input({ at: T0 + DAY, grants: [grant('g1', 2)] }),
    memory: {
      'expiry-30:g1': { active: true, firedAt: null },
      'expiry-7:g1': { active: true, firedAt: null },
    },
    id: 'expiry-1:2026-11-29',
    kind: 'expiry',
    severity: 'warning',
    view: 'credits',
  },
  {
    name: 'forfeit risk (forecast warnings on)',
    before: input({ grants: [grant('g1', 60)] }),
    after: input({
      grants: [grant('g1', 60)],
      forfeitRisk: [{ id: 'g1', expiresAt: T0 + 60 * DAY, amount: usd(12) }],
    }),
    settings: forecasts,
    id: 'forfeit:g1',
    kind: 'forfeit-risk',
    severity: 'info',
    view: 'credits',
  },
  {
    name: 'auto-recharge seen',
    before: input({
      autoRecharge: autoRecharge({ lastRecharge: { id: 'auto-1', at: T0 - DAY, amount: usd(20) } }),
    }),
    after: input({
      autoRecharge: autoRecharge({
        usedThisMonth: usd(40),
        lastRecharge: { id: 'auto-2', at: T0, amount: usd(20) },
      }),
    }),
    id: 'recharge-seen',
    kind: 'recharge-seen',
    severity: 'info',
    view: 'auto-recharge',
  },
  {
    name: 'auto-recharge monthly limit reached',
    before: input({ autoRecharge: autoRecharge({ usedThisMonth: usd(60) }) }),
    after: input({ autoRecharge: autoRecharge({ usedThisMonth: usd(100), hasRoom: false }) }),
    id: 'recharge-limit',
    kind: 'recharge-limit',
    severity: 'warning',
    view: 'auto-recharge',
  },
  {
    name: 'syncing failing for over an hour',
    before: input({ complete: false, syncFailingSince: T0 - 30 * 60_000 }),
    after: input({ complete: false, syncFailingSince: T0 - 61 * 60_000 }),
    id: 'sync-failing',
    kind: 'sync-failing',
    severity: 'warning',
    view: 'settings',
  },
  {
    name: 'monthly budget crossed',
    before: input({ monthSpend: usd(40) }),
    after: input({ monthSpend: usd(50) }),
    settings: budget100,
    id: 'budget-50:2026-11',
    kind: 'budget',
    severity: 'info',
    view: 'alerts',
  },
  {
    name: 'monthly budget used in full',
    before: input({ monthSpend: usd(95) }),
    after: input({ monthSpend: usd(100.01) }),
    settings: budget100,
    memory: {
      'budget-50:2026-11': { active: true, firedAt: null },
      'budget-75:2026-11': { active: true, firedAt: null },
      'budget-90:2026-11': { active: true, firedAt: null },
    },
    id: 'budget-100:2026-11',
    kind: 'budget',
    severity: 'warning',
    view: 'alerts',
  },
];

describe('evaluateAlerts: each alert fires once per crossing', () => {
  it.each(CASES)('$name', (c) => {
    const steps = runSyncs([c.before, c.after, { ...c.after, at: c.after.at + HOUR }], c.settings, c.memory);
    // The sync before may fire something else (a low balance before the credit is used up).
    expect(notified(steps).slice(1)).toEqual([c.id, null]);
    expect(steps[0]!.notify?.id).not.toBe(c.id);
    const alert = steps[1]!.notify!;
    expect(alert).toMatchObject({ kind: c.kind, severity: c.severity, view: c.view });
    expect(steps[1]!.alerts.map((a) => a.id)).toContain(c.id);
  });

  it('an auto-recharge missing for an hour (a declined card, probably)', () => {
    const due = (at: number) =>
      input({ at, balance: usd(6), autoRecharge: autoRecharge({ threshold: usd(10) }) });
    const steps = runSyncs([
      input(),
      due(T0 + 15 * 60_000),
      due(T0 + 74 * 60_000),
      due(T0 + 75 * 60_000),
      due(T0 + 80 * 60_000),
    ]);
    expect(notified(steps)).toEqual([null, null, null, 'recharge-missing', null]);
    expect(steps[3]!.notify).toMatchObject({ severity: 'warning', view: 'auto-recharge' });
    // The hour is counted from the first sync that saw it, and survives a restart.
    expect(steps[1]!.memory['recharge-missing']).toMatchObject({
      active: false,
      since: '2026-11-27T12:15:00Z',
    });
  });

  it('a recharge that is pending (bought, not yet usable) is not missing', () => {
    const pending = (at: number) =>
      input({ at, balance: usd(6), pending: usd(20), autoRecharge: autoRecharge({ threshold: usd(10) }) });
    expect(notified(runSyncs([pending(T0), pending(T0 + 2 * HOUR)]))).toEqual([null, null]);
  });
});

describe('hysteresis', () => {
  it('low balance re-arms only at the threshold plus 10 %', () => {
    const balances = [8, 4.2, 5.4, 4.9, 5.49, 3, 5.5, 4.8];
    const steps = runSyncs(balances.map((b, i) => input({ at: T0 + i * HOUR, balance: usd(b) })));
    expect(notified(steps)).toEqual([null, 'low-balance', null, null, null, null, null, 'low-balance']);
  });

  it('short runway re-arms at the runway setting plus 10 %', () => {
    const runways = [10, 2, 3.2, 2.5, 3.3, 2.9];
    const steps = runSyncs(
      runways.map((r, i) => input({ at: T0 + i * HOUR, ...failsIn(r, T0 + i * HOUR) })),
      forecasts,
    );
    expect(notified(steps)).toEqual([null, 'short-runway', null, null, null, 'short-runway']);
  });

  it('credit used up: once per episode, then one "available again"', () => {
    const balances = [4, 0, 0, -1, 0, 3, 3, 0];
    const steps = runSyncs(balances.map((b, i) => input({ at: T0 + i * HOUR, balance: usd(b) })));
    expect(notified(steps)).toEqual([
      'low-balance',
      'credit-used-up',
      null,
      'negative-balance',
      null,
      'credit-restored',
      null,
      'credit-used-up',
    ]);
  });

  it('the monthly limit re-arms when a new month gives room again', () => {
    const steps = runSyncs([
      input({ autoRecharge: autoRecharge({ hasRoom: false, usedThisMonth: usd(100) }) }),
      input({ at: T0 + 4 * DAY, month: '2026-12', autoRecharge: autoRecharge() }),
      input({ at: T0 + 20 * DAY, month: '2026-12', autoRecharge: autoRecharge({ hasRoom: false }) }),
    ]);
    expect(notified(steps)).toEqual(['recharge-limit', null, 'recharge-limit']);
  });

  it('budget steps fire once per UTC month each; a new month starts over', () => {
    const spends: [string, number][] = [
      ['2026-11', 49],
      ['2026-11', 80],
      ['2026-11', 70],
      ['2026-11', 91],
      ['2026-11', 120],
      ['2026-11', 130],
      ['2026-12', 60],
    ];
    const steps = runSyncs(
      spends.map(([month, spend], i) => input({ at: T0 + i * HOUR, month, monthSpend: usd(spend) })),
      budget100,
    );
    expect(notified(steps)).toEqual([
      null,
      'budget-75:2026-11',
      null,
      'budget-90:2026-11',
      'budget-100:2026-11',
      null,
      'budget-50:2026-12',
    ]);
    // Last month's steps are forgotten: the memory does not grow month after month.
    expect(Object.keys(steps[6]!.memory).filter((key) => key.startsWith('budget'))).toEqual([
      'budget-50:2026-12',
    ]);
  });
});

describe('auto-recharge and low balance', () => {
  const low = (recharge: AlertInput['autoRecharge']) => input({ balance: usd(4), autoRecharge: recharge });

  it.each([
    ['auto-recharge off', null, 'low-balance'],
    ['on, room under the limit', autoRecharge(), null],
    ['on, no limit', autoRecharge({ monthlyLimit: null }), null],
    ['on, the next recharge would pass the limit', autoRecharge({ hasRoom: false }), 'low-balance'],
    ['on, blocked this month', autoRecharge({ hasRoom: false, blockedThisMonth: true }), 'low-balance'],
  ] as const)('%s → %s', (_name, recharge, expected) => {
    const steps = runSyncs([input(), low(recharge)]);
    const ids = steps[1]!.alerts.map((a) => a.id);
    if (expected === null) expect(ids).not.toContain('low-balance');
    else expect(ids).toContain('low-balance');
  });
});

describe('expiry reminders', () => {
  it('30, 7 and 1 days before, once per grant per step', () => {
    const days = [40, 30, 29, 7, 6, 1, 0];
    const steps = runSyncs(days.map((d) => input({ at: T0 + (40 - d) * DAY, grants: [grant('g1', 40)] })));
    expect(notified(steps)).toEqual([
      null,
      'expiry-30:2027-01-06',
      null,
      'expiry-7:2027-01-06',
      null,
      'expiry-1:2027-01-06',
      null,
    ]);
  });

  it('grants expiring on the same UTC day share one reminder with their sum', () => {
    const grants = [
      { id: 'a', expiresAt: Date.parse('2026-12-03T01:00:00Z'), remaining: usd(5) },
      { id: 'b', expiresAt: Date.parse('2026-12-03T22:00:00Z'), remaining: usd(15) },
      { id: 'c', expiresAt: Date.parse('2026-12-20T00:00:00Z'), remaining: usd(10) },
    ];
    const steps = runSyncs([input({ grants })]);
    const expiry = steps[0]!.alerts.filter((a) => a.kind === 'expiry');
    expect(expiry.map((a) => a.id)).toEqual(['expiry-7:2026-12-03', 'expiry-30:2026-12-20']);
    expect(expiry[0]!.title.en).toBe('$20.00 of credit expires on Dec 3, 2026');
    expect(expiry[0]!.title.nl).toBe('Op 3 dec 2026 vervalt US$\u00a020,00 tegoed');
    expect(steps[0]!.notify?.id).toBe('expiry-7:2026-12-03');
  });

  it('a grant first seen inside 7 days is told at 7, and the 30-day reminder never follows', () => {
    const steps = runSyncs([
      input({ grants: [grant('g1', 5)] }),
      input({ at: T0 + HOUR, grants: [grant('g1', 5)] }),
    ]);
    expect(notified(steps)).toEqual(['expiry-7:2026-12-02', null]);
    expect(steps[0]!.memory).toMatchObject({
      'expiry-30:g1': { active: true },
      'expiry-7:g1': { active: true },
    });
  });

  it('says how much will go unused, only with a week of history', () => {
    const risky = {
      grants: [grant('g1', 7)],
      forfeitRisk: [{ id: 'g1', expiresAt: T0 + 7 * DAY, amount: usd(12) }],
    };
    const [withHistory] = runSyncs([input(risky)]);
    expect(withHistory!.notify!.body.en).toBe(
      'That is in 7 days. At your current pace, about $12.00 of it will go unused.',
    );
    expect(withHistory!.notify!.body.nl).toBe(
      'Dat is over 7 dagen. Bij je huidige verbruik blijft daarvan ongeveer US$\u00a012,00 ongebruikt.',
    );
    const [young] = runSyncs([input({ ...risky, historyDays: 3 })]);
    expect(young!.notify!.body.en).not.toContain('unused');
  });

  it('forgets the reminders of a grant once it is gone', () => {
    const steps = runSyncs([input({ grants: [grant('g1', 5)] }), input({ at: T0 + 6 * DAY, grants: [] })]);
    expect(Object.keys(steps[1]!.memory).filter((key) => key.startsWith('expiry'))).toEqual([]);
  });
});

describe('restart', () => {
  it('with the persisted memory nothing is told again', () => {
    const low = input({
      balance: 0n,
      grants: [grant('g1', 5)],
      autoRecharge: autoRecharge({ hasRoom: false, lastRecharge: { id: 'auto-3', at: T0, amount: usd(20) } }),
      syncFailingSince: null,
      monthSpend: usd(95),
    });
    const first = runSyncs([input(), low], budget100);
    expect(first[1]!.notify).not.toBeNull();
    // Through JSON and the schema, as the store keeps it.
    const stored = alertMemorySchema.parse(JSON.parse(JSON.stringify(first[1]!.memory)));
    const afterRestart = runSyncs(
      [
        { ...low, at: T0 + HOUR },
        { ...low, at: T0 + 2 * HOUR },
      ],
      budget100,
      stored,
    );
    expect(notified(afterRestart)).toEqual([null, null]);
    expect(afterRestart[0]!.alerts.map((a) => a.id)).toEqual(
      first[1]!.alerts.map((a) => a.id).filter((id) => id !== 'recharge-seen'),
    );
  });

  it('a first launch records the last auto-recharge without announcing it', () => {
    const seen = input({
      autoRecharge: autoRecharge({ lastRecharge: { id: 'auto-9', at: T0 - 30 * DAY, amount: usd(20) } }),
    });
    const steps = runSyncs([seen, { ...seen, at: T0 + HOUR }]);
    expect(notified(steps)).toEqual([null, null]);
    expect(steps[0]!.memory['recharge-seen']).toEqual({ active: false, firedAt: null, ref: 'auto-9' });
  });

  it('a recharge made while Saldo was closed is news at the next launch', () => {
    const memory = { 'recharge-seen': { active: false, firedAt: null, ref: 'auto-1' } };
    const seen = input({
      autoRecharge: autoRecharge({ lastRecharge: { id: 'auto-2', at: T0 - HOUR, amount: usd(20) } }),
    });
    expect(notified(runSyncs([seen], DEFAULT_ALERT_SETTINGS, memory))).toEqual(['recharge-seen']);
  });

  it('memory written before `since` and `ref` existed still reads', () => {
    expect(
      alertMemorySchema.parse({ 'low-balance': { active: true, firedAt: '2026-11-01T00:00:00Z' } }),
    ).toEqual({
      'low-balance': { active: true, firedAt: '2026-11-01T00:00:00Z' },
    });
  });
});

describe('failed or partial syncs', () => {
  it('neither notify nor re-arm', () => {
    const steps = runSyncs([
      input({ balance: usd(4) }),
      // Stale figures showing recovery: not trusted, the alert stays latched.
      input({ at: T0 + HOUR, balance: usd(30), complete: false }),
      input({ at: T0 + 2 * HOUR, balance: usd(3) }),
    ]);
    expect(notified(steps)).toEqual(['low-balance', null, null]);
    expect(steps[1]!.memory).toEqual(steps[0]!.memory);
  });

  it('do not fire on stale figures either', () => {
    const stale = input({ balance: 0n, complete: false, grants: [grant('g1', 1)] });
    const [step] = runSyncs([stale], budget100);
    expect(step!.notify).toBeNull();
    expect(step!.alerts).toEqual([]);
    expect(step!.memory).toEqual({});
  });

  it('keep listing what was active and still holds', () => {
    const steps = runSyncs([input({ balance: usd(4) }), input({ balance: usd(4), complete: false })]);
    expect(steps[1]!.alerts.map((a) => a.id)).toEqual(['low-balance']);
  });

  it('sync failing re-arms on the next successful sync, and fires again after another hour', () => {
    const failing = (at: number, since: number) => input({ at, complete: false, syncFailingSince: since });
    const steps = runSyncs(
      [failing(T0, T0), failing(T0, T0), input({ at: T0 + 2 * HOUR }), failing(T0 + 2 * HOUR, T0 + 3 * HOUR)],
      DEFAULT_ALERT_SETTINGS,
      {},
      [T0 + 30 * 60_000, T0 + 90 * 60_000, T0 + 2 * HOUR, T0 + 4 * HOUR + 1],
    );
    expect(notified(steps)).toEqual([null, 'sync-failing', null, 'sync-failing']);
    expect(steps[1]!.notify!.title.en).toBe('Saldo has not been able to update for 1 hour');
  });
});

describe('one notification per sync', () => {
  it('the most severe of those newly fired; every one listed, most severe first', () => {
    const everything = input({
      balance: 0n,
      grants: [grant('g1', 3)],
      monthSpend: usd(100),
      autoRecharge: autoRecharge({ hasRoom: false }),
    });
    const steps = runSyncs([input(), everything], budget100);
    expect(steps[1]!.notify!.id).toBe('credit-used-up');
    expect(steps[1]!.alerts.map((a) => a.id)).toEqual([
      'credit-used-up',
      'recharge-limit',
      'expiry-7:2026-11-30',
      'budget-100:2026-11',
    ]);
  });

  it('a less severe alert is told when the severe one was told before', () => {
    const steps = runSyncs([
      input({ balance: 0n }),
      input({ at: T0 + HOUR, balance: 0n, grants: [grant('g1', 3)] }),
    ]);
    expect(notified(steps)).toEqual(['credit-used-up', 'expiry-7:2026-11-30']);
  });
});

describe('forecast warnings are opt-in and need a week of history', () => {
  const short = input({
    ...failsIn(1),
    forfeitRisk: [{ id: 'g1', expiresAt: T0 + 20 * DAY, amount: usd(3) }],
    grants: [grant('g1', 20)],
  });
  it.each([
    ['off (the default)', DEFAULT_ALERT_SETTINGS, 30, []],
    ['on, 6 days of history', forecasts, 6, []],
    ['on, 7 days of history', forecasts, 7, ['short-runway', 'forfeit:g1']],
  ] as const)('%s', (_name, settings, historyDays, expected) => {
    const [step] = runSyncs([{ ...short, historyDays }], settings);
    const ids = step!.alerts.map((a) => a.id).filter((id) => !id.startsWith('expiry'));
    expect(ids).toEqual(expected);
  });

  it('no short-runway alert while auto-recharge has room', () => {
    const [step] = runSyncs([input({ ...failsIn(1), autoRecharge: autoRecharge() })], forecasts);
    expect(step!.alerts.map((a) => a.id)).not.toContain('short-runway');
  });
});
