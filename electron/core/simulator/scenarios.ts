/**
 * The scenarios by name: `demo` (planned in demo-scenario.ts), `listed-grants` (the same account
 * at a provider that lists its credit grants), `empty` and `exhausted`.
 */
import { formatInstant, MS_PER_DAY } from '../../../shared/billing/instant';
import { modelIndex, projectIndex } from './catalog';
import { planDemo } from './demo-scenario';
import type { Scenario, ScenarioName } from './scenario';
import { MS_PER_HOUR, trafficHour, type TrafficProfile } from './traffic';
import type { UsageRecord } from './usage-record';

const USD = 1_000_000;
const DEFAULT_PROJECT = projectIndex('proj_default')!;

/** Traffic that never happens: the first hour is also the last. */
const noTraffic = (startAt: number) => ({ hour: () => [], from: startAt, until: startAt });

/** A new account: no purchase, no usage, auto-recharge off. */
function empty(startAt: number): Scenario {
  return {
    name: 'empty',
    listsGrants: false,
    autoRecharge: { enabled: false },
    spendLimitCents: null,
    projects: [DEFAULT_PROJECT],
    credits: [],
    history: [],
    historyUntil: startAt,
    traffic: noTraffic(startAt),
  };
}

const EXHAUSTED_PURCHASE = 5 * USD;
/** Usage goes on this far past zero before OpenAI's delayed shut-off stops it. */
const EXHAUSTED_DEBT = 0.35 * USD;

/**
 * Credit gone: one $5 purchase twelve days ago, a little app on gpt-4o-mini that used it up, a
 * little debt, and no auto-recharge. Usage stopped when the credit did — the API refuses calls —
 * so no traffic is generated; calls made after a purchase are billed.
 */
function exhausted(startAt: number): Scenario {
  const historyStart = startAt - 12 * MS_PER_DAY;
  const profile: TrafficProfile = {
    seed: 0xe4a05,
    dailyMicros: 0.9 * USD,
    growthPerDay: 0,
    growthFrom: historyStart,
    growthDays: 0,
    weekendFactor: 1,
    series: [
      {
        project: DEFAULT_PROJECT,
        model: modelIndex('gpt-4o-mini')!,
        share: 1,
        activeChance: 0.9,
        cachedShare: 0.2,
        outputRatio: 0.3,
        tokensPerRequest: 1500,
        rhythm: 'office',
      },
    ],
  };
  const history: UsageRecord[] = [];
  let used = 0;
  let hour = Math.ceil(historyStart / MS_PER_HOUR) * MS_PER_HOUR;
  while (used < EXHAUSTED_PURCHASE + EXHAUSTED_DEBT) {
    if (hour >= startAt) throw new Error('exhausted scenario: the credit outlasted the history'); // cannot happen
    for (const record of trafficHour(profile, hour)) {
      if (used >= EXHAUSTED_PURCHASE + EXHAUSTED_DEBT) break;
      history.push(record);
      used += record.micros;
    }
    hour += MS_PER_HOUR;
  }
  return {
    name: 'exhausted',
    listsGrants: false,
    autoRecharge: { enabled: false },
    spendLimitCents: null,
    projects: [DEFAULT_PROJECT],
    credits: [
      { type: 'purchase', id: 'purchase-1', at: formatInstant(historyStart), amount: '5', source: 'manual' },
    ],
    history,
    historyUntil: startAt,
    traffic: noTraffic(startAt),
  };
}

export function buildScenario(name: ScenarioName, startAt: number): Scenario {
  switch (name) {
    case 'demo':
      return planDemo(startAt).scenario;
    case 'listed-grants':
      return { ...planDemo(startAt).scenario, name: 'listed-grants', listsGrants: true };
    case 'empty':
      return empty(startAt);
    case 'exhausted':
      return exhausted(startAt);
  }
}
