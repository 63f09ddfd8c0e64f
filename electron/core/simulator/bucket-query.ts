/**
 * Reading the query string of the usage and costs endpoints, with OpenAI's limits (billing-apis.md
 * §1.2–1.3). Pure: parameters in, a query or a 400's message and `param` out.
 */
import { decodeCursor, fingerprintOf, type BucketWidth } from './pagination';

interface Limits {
  defaultLimit: number;
  maxLimit: number;
}

export interface EndpointRules {
  widths: Partial<Record<BucketWidth, Limits>>;
  /** Accepted `group_by` values (some may stay null in results: nothing is grouped by them). */
  groupBy: readonly string[];
  /** Accepted array filters. */
  filters: readonly string[];
  /** Whether the `batch` filter exists. */
  batch: boolean;
}

export const COSTS_RULES: EndpointRules = {
  widths: { '1d': { defaultLimit: 7, maxLimit: 180 } },
  groupBy: ['project_id', 'line_item', 'api_key_id'],
  filters: ['project_ids', 'api_key_ids'],
  batch: false,
};

export const COMPLETIONS_RULES: EndpointRules = {
  widths: {
    '1m': { defaultLimit: 60, maxLimit: 1440 },
    '1h': { defaultLimit: 24, maxLimit: 168 },
    '1d': { defaultLimit: 7, maxLimit: 31 },
  },
  groupBy: ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'],
  filters: ['project_ids', 'user_ids', 'api_key_ids', 'models'],
  batch: true,
};

export interface BucketQuery {
  /** Where this page starts (UTC ms): `start_time`, or the cursor's position. */
  from: number;
  end: number | null;
  width: BucketWidth;
  limit: number;
  groupBy: ReadonlySet<string>;
  /** Only the filters that were given, each a set of accepted values. */
  filters: ReadonlyMap<string, ReadonlySet<string>>;
  batch: boolean | null;
  /** Identifies the query apart from its position, for cursors. */
  fingerprint: string;
}

export interface QueryError {
  message: string;
  param: string;
}

/** Both spellings of an array parameter: `group_by[]=a&group_by[]=b` and `group_by=a&group_by=b`. */
export function arrayParam(params: URLSearchParams, name: string): string[] {
  return [...params.getAll(`${name}[]`), ...params.getAll(name)];
}

/** A parameter's value as quoted in an error: short, so an error never echoes a large input. */
function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function unixSeconds(params: URLSearchParams, name: string): number | null | QueryError {
  const text = params.get(name);
  if (text === null) return null;
  if (!/^\d{1,11}$/.test(text)) {
    return {
      param: name,
      message: `Invalid value for '${name}': expected Unix seconds (an integer), got ${quote(text)}.`,
    };
  }
  return Number(text) * 1000;
}

const isError = (value: unknown): value is QueryError =>
  typeof value === 'object' && value !== null && 'param' in value;

export function readBucketQuery(
  params: URLSearchParams,
  rules: EndpointRules,
  path: string,
): BucketQuery | QueryError {
  const start = unixSeconds(params, 'start_time');
  if (isError(start)) return start;
  if (start === null) return { param: 'start_time', message: "Missing required parameter: 'start_time'." };
  const end = unixSeconds(params, 'end_time');
  if (isError(end)) return end;
  if (end !== null && end <= start) {
    return { param: 'end_time', message: "Invalid value for 'end_time': must be greater than 'start_time'." };
  }

  const widthText = params.get('bucket_width') ?? '1d';
  const widths = Object.keys(rules.widths);
  const limits = Object.hasOwn(rules.widths, widthText) ? rules.widths[widthText as BucketWidth] : undefined;
  if (limits === undefined) {
    return {
      param: 'bucket_width',
      message: `Invalid value for 'bucket_width': ${quote(widthText)} is not one of ${widths.map((w) => `'${w}'`).join(', ')}.`,
    };
  }
  const width = widthText as BucketWidth;

  const limitText = params.get('limit');
  const limit =
    limitText === null ? limits.defaultLimit : /^\d{1,5}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= limits.maxLimit)) {
    return {
      param: 'limit',
      message: `Invalid value for 'limit': must be an integer from 1 to ${limits.maxLimit} for bucket_width '${width}'.`,
    };
  }

  const groupBy = new Set<string>();
  for (const value of arrayParam(params, 'group_by')) {
    if (!rules.groupBy.includes(value)) {
      return {
        param: 'group_by',
        message: `Invalid value for 'group_by': ${quote(value)} is not one of ${rules.groupBy.map((g) => `'${g}'`).join(', ')}.`,
      };
    }
    groupBy.add(value);
  }

  const filters = new Map<string, ReadonlySet<string>>();
  for (const name of rules.filters) {
    const values = arrayParam(params, name);
    if (values.length > 0) filters.set(name, new Set(values));
  }

  let batch: boolean | null = null;
  const batchText = rules.batch ? params.get('batch') : null;
  if (batchText !== null) {
    if (batchText !== 'true' && batchText !== 'false') {
      return {
        param: 'batch',
        message: `Invalid value for 'batch': expected true or false, got ${quote(batchText)}.`,
      };
    }
    batch = batchText === 'true';
  }

  // Everything but the position: a cursor is only good for the query that made it.
  const fingerprint = fingerprintOf(
    JSON.stringify([
      path,
      width,
      end,
      [...groupBy].sort(),
      [...filters].map(([name, values]) => [name, [...values].sort()]),
      batch,
    ]),
  );
  let from = start;
  const page = params.get('page');
  if (page !== null) {
    const cursor = decodeCursor(page, fingerprint);
    if (cursor === null) {
      return {
        param: 'page',
        message: "Invalid value for 'page': not a next_page cursor of this endpoint and query.",
      };
    }
    from = cursor;
  }
  return { from, end, width, limit, groupBy, filters, batch, fingerprint };
}
