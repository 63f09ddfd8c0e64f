/**
 * What to fetch on each poll, and fetching it. Days are re-fetched from the day before the previous
 * fetch's day: today's bucket is partial and yesterday's may still change as late costs land, so a
 * poll replaces those days wholesale instead of adding to them. A steady-state poll makes at most
 * two requests: costs every time, plus usage, the balance or the spend limit in turn.
 */
import type {
  BackendCapabilities,
  BackendError,
  BackendResult,
  BillingBackend,
  DailyCost,
  DailyUsage,
  DayRange,
  ObservedBalance,
  SpendLimit,
  SyncWarning,
} from './billing-backend';
import { MS_PER_DAY } from '../../shared/billing/instant';
import { addUtcDays, utcDayOf, utcDayStart } from './utc-day';

export const DEFAULT_BACKFILL_DAYS = 365;

/**
 * The most one sync may take. A first backfill is 15 requests of a second or two each, and a few
 * retries of a 503 add seconds: 90 s is far past a working server and keeps a hung one (4 attempts of
 * 30 s: 125 s) from holding the poll, the CLI or the app's "Refresh now".
 */
export const DEFAULT_SYNC_DEADLINE_MS = 90_000;
/**
 * The balance and the spend limit are optional: each may use this share of the deadline, so one
 * that hangs costs a good sync 15 s and is skipped, instead of delaying it by two minutes.
 */
const OPTIONAL_SHARE = 1 / 6;
/**
 * How often the spend limit is read again: people change it rarely, and month-to-date spend comes
 * from the costs every poll, so its turn comes four times a day.
 */
export const SPEND_LIMIT_EVERY_MS = 6 * 60 * 60 * 1000;

export interface SyncPlan {
  /** First UTC day to fetch; every stored day from here on is replaced. */
  startDay: string;
}

/**
 * The range of one kind of data. First fetch: `backfillDays` days before today (today itself
 * included, so backfillDays + 1 buckets). Later: the day before the previous fetch's day, never
 * further back than a first fetch would go (a laptop closed for two years re-fetches one year, not
 * two). A previous fetch "in the future" (the clock was set back) counts as now.
 */
export function planSync(
  previousFetchAt: number | null,
  now: number,
  backfillDays = DEFAULT_BACKFILL_DAYS,
): SyncPlan {
  if (!Number.isFinite(now)) throw new RangeError('now must be an instant');
  if (!Number.isSafeInteger(backfillDays) || backfillDays < 0)
    throw new RangeError('backfillDays must be a whole number ≥ 0');
  const today = utcDayOf(now);
  const earliest = addUtcDays(today, -backfillDays);
  if (previousFetchAt === null || !Number.isFinite(previousFetchAt)) return { startDay: earliest };
  const dayBefore = addUtcDays(utcDayOf(Math.min(previousFetchAt, now)), -1);
  return { startDay: dayBefore > earliest ? dayBefore : earliest };
}

/**
 * Where each kind of data stands: the instant (`now` of the poll) of its last successful fetch, null
 * before the first. One instant per kind because a steady poll fetches only some of them, and each
 * kind's range must restart from the day before ITS last fetch, not the last poll's.
 */
export interface SyncCursor {
  costsAt: number | null;
  usageAt: number | null;
  balanceAt: number | null;
  /** Absent in cursors saved before the spend limit was read: as null. */
  spendLimitAt?: number | null;
}

export interface PollPlan {
  costs: SyncPlan;
  /** Null: usage is not fetched this poll. */
  usage: SyncPlan | null;
  balance: boolean;
  spendLimit: boolean;
}

/**
 * What one poll fetches. Costs every time: they are what the balance is computed from, so they
 * must stay fresh. The first sync (no costs fetched yet) backfills everything, the balance too
 * while the backend may have one. After that, one more request only, to hold a poll to two: usage
 * when there is no balance to ask for, else whichever of usage and the balance was fetched longer
 * ago, so they take turns. A failed balance counts as asked: it takes its turn again after usage,
 * so a balance endpoint that keeps failing cannot starve usage. A backend with a spend limit has it
 * read on the first sync, and then it takes that one request once SPEND_LIMIT_EVERY_MS have passed.
 */
export function planPoll(
  cursor: SyncCursor | null,
  now: number,
  capabilities: Pick<BackendCapabilities, 'balance'> & { spendLimit?: boolean },
  backfillDays = DEFAULT_BACKFILL_DAYS,
): PollPlan {
  const costsAt = cursor?.costsAt ?? null;
  const costs = planSync(costsAt, now, backfillDays);
  const usage = planSync(cursor?.usageAt ?? null, now, backfillDays);
  const mayHaveBalance = capabilities.balance !== 'absent';
  const readsSpendLimit = capabilities.spendLimit === true;
  // Not finite: what planSync reads as never fetched, so a backfill here too.
  if (cursor === null || costsAt === null || !Number.isFinite(costsAt)) {
    return { costs, usage, balance: mayHaveBalance, spendLimit: readsSpendLimit };
  }
  const usageAge = fetchedAge(cursor.usageAt, now);
  const balanceAge = fetchedAge(cursor.balanceAt, now);
  const usageTurn = !mayHaveBalance || usageAge >= balanceAge;
  const spendLimitAge = fetchedAge(cursor.spendLimitAt ?? null, now);
  // Only when due, and older than what would be fetched instead: polls further apart than the
  // interval take turns with it rather than never fetching usage again.
  if (
    readsSpendLimit &&
    spendLimitAge >= SPEND_LIMIT_EVERY_MS &&
    spendLimitAge > (usageTurn ? usageAge : balanceAge)
  ) {
    return { costs, usage: null, balance: false, spendLimit: true };
  }
  if (usageTurn) return { costs, usage, balance: false, spendLimit: false };
  return { costs, usage: null, balance: true, spendLimit: false };
}

/**
 * How long ago a fetch was, for taking turns; a tie goes to usage. Never fetched counts as oldest,
 * and so does an instant after `now` (the clock was set back): trusting it would put that kind off
 * until the clock caught up with it.
 */
function fetchedAge(at: number | null, now: number): number {
  return at === null || !Number.isFinite(at) || at > now ? Number.POSITIVE_INFINITY : now - at;
}

/** How far a poll is: requests answered of those it makes. */
export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncOptions {
  /** Null before the first sync. */
  cursor: SyncCursor | null;
  now: number;
  backfillDays?: number;
  /** Told once the requests are counted, then after each answered one. */
  onProgress?: (progress: SyncProgress) => void;
  /** The sync's deadline in ms (default DEFAULT_SYNC_DEADLINE_MS); past it, a `timeout` error. */
  deadlineMs?: number;
}

export interface SyncResult {
  /** The caller replaces all stored cost days ≥ fromDay with `days`. */
  costs: { fromDay: string; days: DailyCost[] };
  /** Likewise for usage days; null when usage was not fetched this poll (keep what is stored). */
  usage: { fromDay: string; days: DailyUsage[] } | null;
  /** Null when not asked this poll, or the backend cannot tell (capability `absent`). */
  balance: ObservedBalance | null;
  /** Why the balance could not be read this time (it is then null); null when read or not asked. */
  balanceError: BackendError | null;
  /**
   * Absent: not asked this poll, or it could not be read (a warning says why); keep what is stored.
   * `limit` null: none is set.
   */
  spendLimit?: { limit: SpendLimit | null };
  /** What the fetches left out (cost rows Saldo cannot count), for the user to be told. */
  warnings: SyncWarning[];
  /** The next poll's cursor: `now` for each kind fetched successfully, the old instant otherwise. */
  cursor: SyncCursor;
}

const NEVER: SyncCursor = { costsAt: null, usageAt: null, balanceAt: null };

/** The requests a range from `startDay` up to today takes, at `pageDays` days a page (absent: one). */
export function expectedPages(startDay: string, now: number, pageDays: number | undefined): number {
  if (pageDays === undefined) return 1;
  const days = (utcDayStart(utcDayOf(now)) - utcDayStart(startDay)) / MS_PER_DAY + 1;
  return Math.max(1, Math.ceil(days / pageDays));
}

type Step = 'costs' | 'usage' | 'balance' | 'spendLimit';

/**
 * Counts a poll's requests against those expected. The expectation is the client's page size over
 * the range, but the server decides the pages: a step with more raises the total as they come, and
 * one that ends with fewer lowers it, so `done` never passes `total` and they meet at the end. A
 * step that told no pages (the balance: one request; a backend without `onPage`) made those expected.
 */
function progressCounter(
  expected: Partial<Record<Step, number>>,
  onProgress: ((progress: SyncProgress) => void) | undefined,
) {
  const steps = Object.keys(expected) as Step[];
  const done: Partial<Record<Step, number>> = {};
  const ended = new Set<Step>();
  const tell = () => {
    let answered = 0;
    let total = 0;
    for (const step of steps) {
      const count = done[step] ?? 0;
      answered += count;
      total += ended.has(step) ? count : Math.max(count, expected[step]!);
    }
    onProgress?.({ done: answered, total });
  };
  return {
    start: tell,
    page(step: Step) {
      done[step] = (done[step] ?? 0) + 1;
      tell();
    },
    end(step: Step) {
      ended.add(step);
      const count = done[step] ?? 0;
      if (count === 0) done[step] = expected[step];
      // Told only if the numbers moved: the step's requests now counted, or its total lowered.
      if (count === 0 || count < expected[step]!) tell();
    },
  };
}

/** `1.5 s`, `90 s`. */
function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** A signal that aborts after `ms`, its reason saying why; `clear` stops its timer. */
function timeLimit(ms: number, why: string, also?: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(why)), ms);
  const signal = also === undefined ? controller.signal : AbortSignal.any([controller.signal, also]);
  return { signal, clear: () => clearTimeout(timer) };
}

/**
 * `work`, or the `timeout` its signal ended it with: a backend that does not heed the signal still
 * cannot hold the sync past its deadline.
 */
async function bounded<T>(
  work: Promise<BackendResult<T>>,
  signal: AbortSignal,
  what: string,
): Promise<BackendResult<T>> {
  let onAbort = () => {};
  const stopped = new Promise<BackendResult<T>>((resolve) => {
    onAbort = () => {
      const reason: unknown = signal.reason;
      const why = reason instanceof Error ? reason.message : 'the sync was stopped';
      resolve({ ok: false, error: { kind: 'timeout', message: `${what}: ${why}` } });
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, stopped]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/**
 * One poll, as `planPoll` decides: costs, then usage, then the balance. Costs and usage are all or
 * nothing — any failure returns only the error, so stored days are never replaced by a partial
 * picture and the caller keeps its cursor. The balance is best effort: it comes from a legacy
 * endpoint (billing-apis.md §2) whose failure must not keep fresh costs from being stored, so its
 * error is reported beside the data and its instant is not advanced. Sequential on purpose: a
 * refused key stops at the first request, and the admin endpoints' rate limits are unpublished
 * (§8.1), so no burst.
 */
export async function syncBilling(
  backend: BillingBackend,
  options: SyncOptions,
): Promise<BackendResult<SyncResult>> {
  const { now } = options;
  const plan = planPoll(
    options.cursor,
    now,
    { ...backend.capabilities(), spendLimit: backend.fetchSpendLimit !== undefined },
    options.backfillDays,
  );
  const cursor = { ...(options.cursor ?? NEVER), costsAt: now };
  const progress = progressCounter(
    {
      costs: expectedPages(plan.costs.startDay, now, backend.pageDays?.costs),
      ...(plan.usage === null
        ? {}
        : { usage: expectedPages(plan.usage.startDay, now, backend.pageDays?.usage) }),
      ...(plan.balance ? { balance: 1 } : {}),
      ...(plan.spendLimit ? { spendLimit: 1 } : {}),
    },
    options.onProgress,
  );
  progress.start();

  const deadlineMs = options.deadlineMs ?? DEFAULT_SYNC_DEADLINE_MS;
  const started = performance.now();
  const deadline = timeLimit(deadlineMs, `the sync did not finish within ${seconds(deadlineMs)}`);
  try {
    const { signal } = deadline;
    const warnings: SyncWarning[] = [];
    /** A paged range (costs or usage): within the sync's deadline, counted page by page. */
    const paged = async <T>(
      fetch: (range: DayRange) => Promise<BackendResult<T>>,
      startDay: string,
      step: 'costs' | 'usage',
    ): Promise<BackendResult<T>> => {
      const range = {
        startDay,
        onPage: () => progress.page(step),
        onWarning: (warning: SyncWarning) => warnings.push(warning),
        signal,
      };
      const fetched = await bounded(fetch(range), signal, step);
      if (fetched.ok) progress.end(step);
      return fetched;
    };
    const costs = await paged((range) => backend.fetchCosts(range), plan.costs.startDay, 'costs');
    if (!costs.ok) return costs;
    let usage: SyncResult['usage'] = null;
    if (plan.usage !== null) {
      const fetched = await paged((range) => backend.fetchUsage(range), plan.usage.startDay, 'usage');
      if (!fetched.ok) return fetched;
      usage = { fromDay: plan.usage.startDay, days: fetched.value };
      cursor.usageAt = now;
    }
    /** An optional request: its own share of the deadline, so one that hangs cannot cost the sync. */
    const optional = async <T>(
      fetch: (request: { signal: AbortSignal }) => Promise<BackendResult<T>>,
      step: Step,
      what: string,
    ): Promise<BackendResult<T>> => {
      const share = Math.max(
        Math.min(deadlineMs * OPTIONAL_SHARE, deadlineMs - (performance.now() - started)),
        0,
      );
      const limit = timeLimit(
        share,
        `no answer within ${seconds(share)}, its share of the sync; skipped this time, costs and usage kept`,
        signal,
      );
      const answer = await bounded(fetch({ signal: limit.signal }), limit.signal, what);
      limit.clear();
      progress.end(step);
      return answer;
    };
    let balance: ObservedBalance | null = null;
    let balanceError: BackendError | null = null;
    if (plan.balance) {
      const observed = await optional((request) => backend.fetchBalance(request), 'balance', 'credit grants');
      if (observed.ok) balance = observed.value;
      else balanceError = observed.error;
      cursor.balanceAt = now;
    }
    let spendLimit: SyncResult['spendLimit'];
    if (plan.spendLimit && backend.fetchSpendLimit !== undefined) {
      const fetchSpendLimit = backend.fetchSpendLimit.bind(backend);
      const read = await optional(fetchSpendLimit, 'spendLimit', 'spend limit');
      if (read.ok) spendLimit = { limit: read.value };
      // Counted as asked either way, so an endpoint that keeps failing waits its turn like the others.
      else warnings.push({ kind: 'spend-limit-unread', message: read.error.message });
      cursor.spendLimitAt = now;
    }
    const value = {
      costs: { fromDay: plan.costs.startDay, days: costs.value },
      usage,
      balance,
      balanceError,
      ...(spendLimit === undefined ? {} : { spendLimit }),
      warnings,
      cursor,
    };
    return { ok: true, value };
  } finally {
    deadline.clear();
  }
}
