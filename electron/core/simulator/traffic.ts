/**
 * Synthetic API traffic, one UTC hour at a time. Each hour is a pure function of the profile and
 * the hour, so the simulator can generate lazily — only up to the simulated now, and again for
 * hours that time brings — and still be reproducible.
 */
import { MS_PER_DAY } from '../../../shared/billing/instant';
import { blendedMicrosPerInputToken, type ModelIndex } from './catalog';
import { between, mixSeed, mulberry32 } from './prng';
import { callRecords, type UsageRecord } from './usage-record';

export const MS_PER_HOUR = 3_600_000;

/** One stream of calls: a project using a model. */
export interface SeriesProfile {
  project: number;
  model: ModelIndex;
  /** Share of the day's spend, on average. */
  share: number;
  /** Chance the series makes any call in a given hour; spend is scaled up to keep `share`. */
  activeChance: number;
  cachedShare: number;
  /** Output tokens per input token. */
  outputRatio: number;
  tokensPerRequest: number;
  /** `office`: daytime UTC, quieter at weekends; `night`: a batch job that runs every night. */
  rhythm: 'office' | 'night';
}

export interface TrafficProfile {
  seed: number;
  /** A weekday's spend at `growthFrom`, in micro-dollars. */
  dailyMicros: number;
  /** Spend grows by this factor per day after `growthFrom`, for at most `growthDays` days. */
  growthPerDay: number;
  growthFrom: number;
  growthDays: number;
  weekendFactor: number;
  series: readonly SeriesProfile[];
}

// Relative spend per UTC hour: European and American working hours, and a nightly batch window.
const OFFICE = [
  0.25, 0.2, 0.2, 0.2, 0.25, 0.35, 0.5, 0.7, 0.9, 1, 1.1, 1.15, 1.15, 1.2, 1.25, 1.25, 1.2, 1.1, 1, 0.85, 0.7,
  0.55, 0.4, 0.3,
];
const NIGHT = [
  0.6, 1.6, 1.8, 1.8, 1.6, 1, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4,
  0.4, 0.5,
];
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const RHYTHM = {
  office: OFFICE.map((weight) => weight / sum(OFFICE)),
  night: NIGHT.map((weight) => weight / sum(NIGHT)),
};

/** The usage records of the UTC hour starting at `hourStart`, sorted by `at`. */
export function trafficHour(profile: TrafficProfile, hourStart: number): UsageRecord[] {
  const day = Math.floor(hourStart / MS_PER_DAY);
  const hourOfDay = Math.floor((hourStart - day * MS_PER_DAY) / MS_PER_HOUR);
  // (day + 4) % 7 is the weekday with Sunday 0, as getUTCDay: 1970-01-01 was a Thursday.
  const weekend = (day + 4) % 7 === 6 || (day + 4) % 7 === 0;
  const elapsedDays = Math.min(
    Math.max((hourStart - profile.growthFrom) / MS_PER_DAY, 0),
    profile.growthDays,
  );
  const dayNoise = between(mulberry32(mixSeed(profile.seed, day)), 0.85, 1.15);
  const daySpend = profile.dailyMicros * Math.pow(1 + profile.growthPerDay, elapsedDays) * dayNoise;
  const random = mulberry32(mixSeed(profile.seed, hourStart / MS_PER_HOUR));

  const records: UsageRecord[] = [];
  for (const series of profile.series) {
    // Draw every number whether or not the series is active, so one series' activity does not
    // shift the random stream of the others.
    const active = random() < series.activeChance;
    const noise = between(random, 0.6, 1.4);
    const minute = Math.floor(random() * 3600) * 1000;
    const cachedNoise = between(random, 0.7, 1.3);
    const outputNoise = between(random, 0.8, 1.2);
    if (!active) continue;
    const rhythm = series.rhythm === 'office' && weekend ? profile.weekendFactor : 1;
    const spend =
      (daySpend * RHYTHM[series.rhythm][hourOfDay]! * series.share * rhythm * noise) / series.activeChance;
    const cachedShare = Math.min(series.cachedShare * cachedNoise, 0.95);
    const input = Math.floor(
      spend / blendedMicrosPerInputToken(series.model, cachedShare, series.outputRatio),
    );
    if (input < 1) continue;
    records.push(
      ...callRecords(hourStart + minute, series.project, series.model, {
        input,
        cached: Math.round(input * cachedShare),
        output: Math.round(input * series.outputRatio * outputNoise),
        requests: Math.max(1, Math.round(input / series.tokensPerRequest)),
      }),
    );
  }
  // Stable: a call's line items stay together and in order.
  return records.sort((a, b) => a.at - b.at);
}
