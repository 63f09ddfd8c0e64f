/**
 * The Spend view's choices and the shaping that turns them into what the charts and the table show,
 * as pure functions so a switch of range or grouping costs one pass over the year (ux.md §2:
 * within 100 ms for a year and 20 projects).
 */
import type { Spend } from '../../../shared/bridge';
import { type Bucket, dailyBuckets, weeklyBuckets } from './buckets';
import { type DayWindow, previousWindow, rangeWindow, requestedDays, type SpendRange } from './spend-range';

export const GROUPINGS = ['model', 'project', 'lineItem'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const SPEND_MODES = ['daily', 'cumulative'] as const;
export type SpendMode = (typeof SPEND_MODES)[number];

const SERIES_OF = { model: 'byModel', project: 'byProject', lineItem: 'byLineItem' } as const;

/** The series of a grouping (OpenAI's Costs API groupings: model, project, line item). */
export function seriesOf(spend: Spend, grouping: Grouping) {
  return spend[SERIES_OF[grouping]];
}

export interface RangeDays {
  window: DayWindow;
  previous: DayWindow | null;
  /** The days the range asks for (30, or the days of this month so far). */
  requested: number;
  /** The window's days, oldest first. */
  days: string[];
  /** The history is shorter than the range. */
  clamped: boolean;
}

/** The days of `range` in the synced history; none while nothing is synced. */
export function rangeDays(allDays: readonly string[], range: SpendRange, today: string): RangeDays {
  const requested = requestedDays(range, today);
  const window = rangeWindow(allDays.length, requested);
  return {
    window,
    previous: previousWindow(window, requested),
    requested,
    days: allDays.slice(window.start, window.end),
    clamped: window.end - window.start < requested,
  };
}

export interface TimeAxis {
  buckets: Bucket[];
  /** Each bucket's first and last day. */
  spans: { from: string; to: string }[];
  weekly: boolean;
}

/** The bars of the charts over `days`: weekly for a year of daily bars, else one per day. */
export function timeAxis(days: readonly string[], weekly: boolean): TimeAxis {
  const buckets = weekly ? weeklyBuckets(days.length) : dailyBuckets(days.length);
  return {
    buckets,
    spans: buckets.map((bucket) => ({ from: days[bucket.from]!, to: days[bucket.to - 1]! })),
    weekly,
  };
}

/** ux.md §2: a year shows as weekly bars; the cumulative line and the table stay daily. */
export function isWeekly(range: SpendRange, mode: SpendMode): boolean {
  return range === '365' && mode === 'daily';
}
