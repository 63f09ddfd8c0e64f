/**
 * The `demo` scenario: a small team's account with ~90 days of history — three projects, four
 * models, a weekday rhythm and gentle growth, auto-recharge on with a monthly limit, a welcome
 * grant about to expire, and one bad day: a runaway batch job outruns the month's auto-recharge
 * limit, the balance goes negative, and a manual purchase pays the debt off a day and a half later.
 *
 * The history is planned, not just drawn: a replay of the balance places the manual purchases so
 * that the balance is negative exactly once, whatever `startAt` is (auto-recharge's monthly limit
 * follows calendar months, so a fixed script would not).
 */
import { formatInstant, MS_PER_DAY, startOfUtcDay, utcMonthOf } from '../../../shared/billing/instant';
import { modelIndex, blendedMicrosPerInputToken } from './catalog';
import { replay, type AutoRule, type PlannedCredit } from './replay';
import type { CreditEvent, Scenario } from './scenario';
import { MS_PER_HOUR, trafficHour, type TrafficProfile } from './traffic';
import { callRecords, type UsageRecord } from './usage-record';

export const DEMO_HISTORY_DAYS = 90;

const USD = 1_000_000;
const WEB = 0;
const BATCH = 1;
const RESEARCH = 2;
const GPT_4O = modelIndex('gpt-4o')!;
const GPT_4O_MINI = modelIndex('gpt-4o-mini')!;
const O4_MINI = modelIndex('o4-mini')!;
const EMBEDDING = modelIndex('text-embedding-3-small')!;

export const DEMO_AUTO_RECHARGE = {
  enabled: true,
  threshold: 10,
  mode: 'add',
  amount: 20,
  monthlyLimit: 80,
} as const;
/**
 * The organisation's hard monthly spend limit, $120: not auto-recharge's $80 monthly limit above,
 * which caps what is bought, but what may be spent before OpenAI refuses requests.
 */
export const DEMO_SPEND_LIMIT_CENTS = 12_000;
const AUTO: AutoRule = { thresholdMicros: 10 * USD, amountMicros: 20 * USD, monthlyLimitMicros: 80 * USD };

const FIRST_PURCHASE = 50 * USD;
/** When auto-recharge hits its monthly limit, the owner buys this once the balance is below the floor. */
const TOP_UP = 30 * USD;
const TOP_UP_FLOOR = 4 * USD;
/** The purchase that pays the episode's debt off. */
const PAYOFF = 50 * USD;
/** How far below zero the runaway job takes the balance (usage after it adds to this). */
const EPISODE_DEBT = 6 * USD;
const SPIKE_CALLS = 60;
const SPIKE_EVERY = 5 * 60_000;

const WELCOME_GRANT = { micros: 25 * USD, daysBefore: 6, expiresDaysAfter: 9 };

function profile(startAt: number): TrafficProfile {
  return {
    seed: 0x5a1d0,
    dailyMicros: 2.3 * USD,
    growthPerDay: 0.0045,
    growthFrom: startAt - DEMO_HISTORY_DAYS * MS_PER_DAY,
    // Growth levels off nine months in, so a simulator left running fast stays plausible.
    growthDays: 270,
    weekendFactor: 0.45,
    series: [
      {
        project: WEB,
        model: GPT_4O_MINI,
        share: 0.22,
        activeChance: 0.95,
        cachedShare: 0.4,
        outputRatio: 0.3,
        tokensPerRequest: 1800,
        rhythm: 'office',
      },
      {
        project: WEB,
        model: GPT_4O,
        share: 0.2,
        activeChance: 0.8,
        cachedShare: 0.3,
        outputRatio: 0.25,
        tokensPerRequest: 2500,
        rhythm: 'office',
      },
      {
        project: WEB,
        model: EMBEDDING,
        share: 0.03,
        activeChance: 0.7,
        cachedShare: 0,
        outputRatio: 0,
        tokensPerRequest: 600,
        rhythm: 'office',
      },
      {
        project: BATCH,
        model: GPT_4O_MINI,
        share: 0.15,
        activeChance: 0.6,
        cachedShare: 0.5,
        outputRatio: 0.2,
        tokensPerRequest: 4000,
        rhythm: 'night',
      },
      {
        project: BATCH,
        model: EMBEDDING,
        share: 0.04,
        activeChance: 0.5,
        cachedShare: 0,
        outputRatio: 0,
        tokensPerRequest: 8000,
        rhythm: 'night',
      },
      {
        project: RESEARCH,
        model: O4_MINI,
        share: 0.22,
        activeChance: 0.6,
        cachedShare: 0.2,
        outputRatio: 0.6,
        tokensPerRequest: 3000,
        rhythm: 'office',
      },
      {
        project: RESEARCH,
        model: GPT_4O,
        share: 0.14,
        activeChance: 0.5,
        cachedShare: 0.1,
        outputRatio: 0.35,
        tokensPerRequest: 5000,
        rhythm: 'office',
      },
    ],
  };
}

/**
 * The day of the runaway job: about five weeks before `startAt`, on a day of the month from the
 * 10th to the 24th, so the debt and its payoff fall in the same calendar month (a new month would
 * reset the limit and let auto-recharge pay the debt instead of the owner).
 */
function spikeDay(startAt: number): number {
  const today = startOfUtcDay(startAt);
  for (let step = 0; step <= 20; step++) {
    const offset = 35 + (step % 2 === 0 ? step / 2 : -(step + 1) / 2);
    const day = today - offset * MS_PER_DAY;
    const dayOfMonth = Math.floor((day - utcMonthOf(day).start) / MS_PER_DAY) + 1;
    if (dayOfMonth >= 10 && dayOfMonth <= 24) return day;
  }
  throw new Error('no day from the 10th to the 24th in three weeks'); // cannot happen
}

/** Calls of the runaway job: gpt-4o from the batch project, every 5 minutes, `total` µ$ in all. */
function runawayJob(start: number, total: number): UsageRecord[] {
  const outputRatio = 0.3;
  const perCall = total / SPIKE_CALLS;
  const input = Math.ceil(perCall / blendedMicrosPerInputToken(GPT_4O, 0, outputRatio));
  const records: UsageRecord[] = [];
  for (let call = 0; call < SPIKE_CALLS; call++) {
    records.push(
      ...callRecords(start + call * SPIKE_EVERY, BATCH, GPT_4O, {
        input,
        cached: 0,
        output: Math.round(input * outputRatio),
        requests: Math.max(1, Math.round(input / 6000)),
      }),
    );
  }
  return records;
}

function mergeRecords(a: readonly UsageRecord[], b: readonly UsageRecord[]): UsageRecord[] {
  // Stable: on a tie `a` (the regular traffic) comes first.
  return [...a, ...b].sort((x, y) => x.at - y.at);
}

export interface DemoPlan {
  scenario: Scenario;
  /** The episode, for the report and the tests: when the job ran, and the payoff purchase. */
  episode: { spikeStart: number; payoffAt: number; payoffId: string };
}

export function planDemo(startAt: number): DemoPlan {
  const traffic = profile(startAt);
  const historyStart = startAt - DEMO_HISTORY_DAYS * MS_PER_DAY;
  // Usage starts the UTC day after the first purchase: Saldo books a day's cost at its 00:00, so
  // usage on the purchase's own day would come before it and start the ledger in debt.
  const firstHour = startOfUtcDay(historyStart) + MS_PER_DAY;
  const historyUntil = Math.floor(startAt / MS_PER_HOUR) * MS_PER_HOUR + MS_PER_HOUR;
  let regular: UsageRecord[] = [];
  for (let hour = firstHour; hour < historyUntil; hour += MS_PER_HOUR) {
    regular = regular.concat(trafficHour(traffic, hour));
  }

  const welcome = { at: startAt - WELCOME_GRANT.daysBefore * MS_PER_DAY, micros: WELCOME_GRANT.micros };
  const fixed: PlannedCredit[] = [{ at: historyStart, micros: FIRST_PURCHASE }, welcome];
  const spikeStart = spikeDay(startAt) + 13 * MS_PER_HOUR;
  const payoffAt = spikeDay(startAt) + 2 * MS_PER_DAY + 9.5 * MS_PER_HOUR;
  let toppingUp = false;
  // The owner tops up when auto-recharge is blocked and the balance runs low — except during the
  // episode, when nobody is watching until the payoff.
  const topUp = (record: UsageRecord, balance: number): PlannedCredit | null => {
    if (toppingUp || balance >= TOP_UP_FLOOR || (record.at >= spikeStart && record.at < payoffAt))
      return null;
    toppingUp = true;
    return { at: record.at + 1000, micros: TOP_UP };
  };
  const after = (record: UsageRecord, balance: number): void => {
    if (balance >= TOP_UP_FLOOR) toppingUp = false;
  };

  // 1. The balance and the month's auto-recharges when the job starts decide how big it is: it
  //    uses up what is left, every auto-recharge the month still allows, and EPISODE_DEBT more.
  const before = replay(regular, fixed, AUTO, spikeStart, { blocked: topUp, after });
  const boughtThisMonth = before.autoByMonth.get(utcMonthOf(spikeStart).key) ?? 0;
  const recharges = Math.floor((AUTO.monthlyLimitMicros - boughtThisMonth) / AUTO.amountMicros);
  const jobCost = Math.max(before.balance, 0) + recharges * AUTO.amountMicros + EPISODE_DEBT;
  const history = mergeRecords(regular, runawayJob(spikeStart, jobCost));

  // 2. The whole history, with the payoff; check the promises on the way.
  toppingUp = false;
  let lowest = Infinity;
  let lowestOutside = Infinity;
  let debtAtPayoff = 0;
  const payoff = { at: payoffAt, micros: PAYOFF };
  const end = replay(history, [...fixed, payoff], AUTO, startAt + 1, {
    blocked: topUp,
    after: (record, balance) => {
      after(record, balance);
      if (record.at >= spikeStart && record.at < payoffAt) {
        lowest = Math.min(lowest, balance);
        debtAtPayoff = -balance;
      } else {
        lowestOutside = Math.min(lowestOutside, balance);
      }
    },
  });
  if (!(lowest < 0 && lowestOutside >= 0 && debtAtPayoff > 0 && debtAtPayoff < PAYOFF && end.balance > 0)) {
    throw new Error(`demo plan broke its promises for startAt ${formatInstant(startAt)}`);
  }

  const purchases = [{ at: historyStart, micros: FIRST_PURCHASE }, ...end.scheduled, payoff].sort(
    (a, b) => a.at - b.at,
  );
  const credits: CreditEvent[] = purchases.map((purchase, index) => ({
    type: 'purchase',
    id: `purchase-${index + 1}`,
    at: formatInstant(purchase.at),
    amount: String(purchase.micros / USD),
    source: 'manual',
  }));
  credits.push({
    type: 'grant',
    id: 'grant-welcome',
    at: formatInstant(welcome.at),
    amount: String(welcome.micros / USD),
    expiresAt: formatInstant(startAt + WELCOME_GRANT.expiresDaysAfter * MS_PER_DAY),
  });
  credits.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const payoffId = credits.find((credit) => credit.type === 'purchase' && Date.parse(credit.at) === payoffAt);

  return {
    scenario: {
      name: 'demo',
      listsGrants: false,
      autoRecharge: { ...DEMO_AUTO_RECHARGE },
      spendLimitCents: DEMO_SPEND_LIMIT_CENTS,
      projects: [WEB, BATCH, RESEARCH],
      credits,
      history,
      historyUntil,
      traffic: { hour: (hourStart) => trafficHour(traffic, hourStart), from: firstHour, until: null },
    },
    episode: { spikeStart, payoffAt, payoffId: payoffId?.type === 'purchase' ? payoffId.id : '' },
  };
}
