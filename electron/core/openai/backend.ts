/**
 * `BillingBackend` over OpenAI's Admin API (billing-apis.md §1–3): daily costs and completion usage
 * from `/organization/*` with an Admin key, and the legacy credit-grants balance where it is still
 * served. Plain Node: global fetch, no electron.
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
} from '../billing-backend';
import { utcDayOf, utcDayStart } from '../utc-day';
import { costsFromBuckets, usageFromBuckets } from './buckets';
import { isBalanceUnavailable, observedBalanceFrom } from './credit-grants';
import { abortableSleep, getWithRetry, type HttpConfig } from './http';
import { fetchAllPages } from './paginate';
import { parseBody } from './parse-body';
import { DEFAULT_MAX_RETRIES } from './retry-policy';
import { isNoLimitAnswer, spendLimitFrom } from './spend-limit';
import { redactSecrets, redactStrings } from '../secrets/redact';
import { keyOriginRefusal } from '../../../shared/security/key-origin';
import { completionsPageSchema, costsPageSchema, creditGrantsSchema, spendLimitBodySchema } from './wire';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
/** openai-node's is 10 minutes; a background poll should give up on a stuck request far sooner. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** The most buckets a page may hold (§1.2, §1.3): a year of costs in 3 pages, of usage in 12. */
export const MAX_COSTS_PAGE = 180;
export const MAX_USAGE_PAGE = 31;

export interface OpenAiBackendOptions {
  apiKey: string;
  /**
   * The origin the key was given for (its secret store's binding): a backend for another address
   * never holds the key, and every request fails with `auth`/`key-origin` before it is made.
   */
  keyOrigin: string;
  /** Defaults to OpenAI's; callers pass OPENAI_BASE_URL (a relay, the simulator). */
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Retries after the first attempt; default 3 (openai-node: 2). */
  maxRetries?: number;
  /** Per attempt, body included; default 30 s. */
  timeoutMs?: number;
  /** Buckets per page; defaults to the API's maxima. */
  pageLimits?: { costs?: number; usage?: number };
}

type BalanceCapability = BackendCapabilities['balance'];

/** OpenAI's backend always can read the spend limit. */
export type OpenAiBackend = BillingBackend & Required<Pick<BillingBackend, 'fetchSpendLimit'>>;

export function createOpenAiBackend(options: OpenAiBackendOptions): OpenAiBackend {
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const elsewhere = keyOriginRefusal(options.keyOrigin, base) !== null;
  const config: HttpConfig = {
    apiKey: elsewhere ? '' : options.apiKey,
    keyOrigin: options.keyOrigin,
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    sleep: options.sleep ?? abortableSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    maxRetries: wholeAtLeast(options.maxRetries ?? DEFAULT_MAX_RETRIES, 0, 'maxRetries'),
    timeoutMs: wholeAtLeast(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, 'timeoutMs'),
  };
  const costsLimit = pageLimit(options.pageLimits?.costs, MAX_COSTS_PAGE, 'pageLimits.costs');
  const usageLimit = pageLimit(options.pageLimits?.usage, MAX_USAGE_PAGE, 'pageLimits.usage');
  let balance: BalanceCapability = 'unknown';
  /** Set once an admin endpoint accepted the key: a 401/403 on credit grants is then about the endpoint. */
  let keyAccepted = false;

  /** The last line of defence: whatever a message was built from, the key does not leave. */
  function scrubbed<T>(result: BackendResult<T>): BackendResult<T> {
    if (result.ok) return result;
    const error: BackendError = {
      ...result.error,
      message: redactSecrets(result.error.message, config.apiKey),
    };
    return { ok: false, error };
  }

  /** What the server said, to be stored and shown: any run of the key it echoed (a line item's name) goes. */
  function heard<T>(value: T): T {
    return redactStrings(value, options.apiKey);
  }

  function bucketsUrl(
    path: string,
    range: DayRange,
    groupBy: string[],
    limit: number,
    cursor: string | null,
  ): string {
    const query = new URLSearchParams({ start_time: String(utcDayStart(range.startDay) / 1000) });
    // Without endDay, end_time is left out and the server's own "now" ends the range: an end_time
    // past the server's clock (tomorrow's midnight, or a desktop clock running fast) has been seen
    // to fail (Win-CodexBar#191), and today's partial bucket comes back either way.
    if (range.endDay !== undefined) query.set('end_time', String(utcDayStart(range.endDay) / 1000));
    query.set('bucket_width', '1d');
    for (const group of groupBy) query.append('group_by[]', group);
    query.set('limit', String(limit));
    if (cursor !== null) query.set('page', cursor);
    return `${base}${path}?${query}`;
  }

  return {
    capabilities: () => ({
      provider: 'openai',
      costs: true,
      usage: true,
      balance,
      autoRechargeSettings: false,
    }),

    pageDays: { costs: costsLimit, usage: usageLimit },

    async fetchCosts(range): Promise<BackendResult<DailyCost[]>> {
      if (isEmpty(range)) return { ok: true, value: [] };
      const url = (cursor: string | null) =>
        bucketsUrl('/organization/costs', range, ['line_item', 'project_id'], costsLimit, cursor);
      const pages = await fetchAllPages(config, url, costsPageSchema, 'costs', range.onPage, range.signal);
      if (!pages.ok) return scrubbed(pages);
      keyAccepted = true;
      const costs = costsFromBuckets(
        pages.value.flatMap((page) => page.data ?? []),
        range,
        utcDayOf(config.now()),
      );
      for (const warning of costs.skipped) range.onWarning?.(heard(warning));
      return { ok: true, value: heard(costs.rows) };
    },

    async fetchUsage(range): Promise<BackendResult<DailyUsage[]>> {
      if (isEmpty(range)) return { ok: true, value: [] };
      const url = (cursor: string | null) =>
        bucketsUrl('/organization/usage/completions', range, ['model', 'project_id'], usageLimit, cursor);
      const pages = await fetchAllPages(
        config,
        url,
        completionsPageSchema,
        'usage',
        range.onPage,
        range.signal,
      );
      if (!pages.ok) return scrubbed(pages);
      keyAccepted = true;
      const usage = usageFromBuckets(
        pages.value.flatMap((page) => page.data ?? []),
        range,
        utcDayOf(config.now()),
      );
      for (const warning of usage.skipped) range.onWarning?.(heard(warning));
      return { ok: true, value: heard(usage.rows) };
    },

    async fetchBalance(request): Promise<BackendResult<ObservedBalance | null>> {
      // A refusal is for good (the endpoint is gone for secret keys): never ask again.
      if (balance === 'absent') return { ok: true, value: null };
      const answer = await getWithRetry(
        config,
        `${base}/dashboard/billing/credit_grants`,
        'credit grants',
        (exchange) => isBalanceUnavailable(exchange.status, exchange.text, keyAccepted),
        request?.signal,
      );
      if (!answer.ok) return scrubbed(answer);
      if (isBalanceUnavailable(answer.value.status, answer.value.text, keyAccepted)) {
        balance = 'absent';
        return { ok: true, value: null };
      }
      const summary = parseBody(creditGrantsSchema, answer.value.text, 'credit grants');
      if (!summary.ok) return scrubbed(summary);
      balance = 'api';
      return { ok: true, value: heard(observedBalanceFrom(summary.value, config.now())) };
    },

    async fetchSpendLimit(request): Promise<BackendResult<SpendLimit | null>> {
      const what = 'spend limit';
      const answer = await getWithRetry(
        config,
        `${base}/organization/spend_limit`,
        what,
        (exchange) => isNoLimitAnswer(exchange.status, exchange.text),
        request?.signal,
      );
      if (!answer.ok) return scrubbed(answer);
      if (isNoLimitAnswer(answer.value.status, answer.value.text)) return { ok: true, value: null };
      const body = parseBody(spendLimitBodySchema, answer.value.text, what);
      if (!body.ok) return scrubbed(body);
      const limit = spendLimitFrom(body.value, config.now());
      if (!limit.ok) return scrubbed({ ok: false, error: { kind: 'bad-response', message: limit.message } });
      return limit;
    },
  };
}

/** Validates the range (a caller's bug throws) and tells whether it holds no day at all. */
function isEmpty(range: DayRange): boolean {
  const start = utcDayStart(range.startDay);
  return range.endDay !== undefined && utcDayStart(range.endDay) <= start;
}

function wholeAtLeast(value: number, min: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${name} must be a whole number ≥ ${min}`);
  }
  return value;
}

function pageLimit(value: number | undefined, max: number, name: string): number {
  const limit = wholeAtLeast(value ?? max, 1, name);
  if (limit > max) throw new RangeError(`${name} must be at most ${max}, the API's maximum`);
  return limit;
}
