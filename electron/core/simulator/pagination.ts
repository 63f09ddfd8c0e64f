/**
 * Time buckets and page cursors of OpenAI's usage and costs endpoints (billing-apis.md §1.2–1.3).
 * Pure. The first bucket starts at `start_time` as asked, even mid-day (the cookbook saw exactly
 * that), later ones on UTC boundaries; buckets run up to the simulated now, the last one partial.
 */

export type BucketWidth = '1m' | '1h' | '1d';

export const WIDTH_MS: Record<BucketWidth, number> = { '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 };

/** `[start, end)` in UTC ms. */
export interface BucketWindow {
  start: number;
  end: number;
}

export interface WindowPage {
  windows: BucketWindow[];
  /** Where the next page starts; `null`: this is the last page. */
  next: number | null;
}

/**
 * At most `limit` buckets from `from`: each ends at the next `width` boundary or at `end`,
 * whichever comes first; a bucket is listed once it has begun (`start <= now`).
 */
export function pageWindows(
  from: number,
  end: number | null,
  now: number,
  width: number,
  limit: number,
): WindowPage {
  const stop = end ?? Infinity;
  const windows: BucketWindow[] = [];
  let start = from;
  while (start < stop && start <= now) {
    if (windows.length === limit) return { windows, next: start };
    const boundary = Math.floor(start / width) * width + width;
    const bucketEnd = Math.min(boundary, stop);
    windows.push({ start, end: bucketEnd });
    start = bucketEnd;
  }
  return { windows, next: null };
}

/**
 * A cursor is opaque to clients (OpenAI's look like `page_AAAAAGdGxdEi…=`). Ours carries where
 * the next page starts and a fingerprint of the query, so a cursor replayed against another query
 * is refused instead of silently paging something else.
 */
export function encodeCursor(nextMs: number, fingerprint: string): string {
  return `page_${Buffer.from(`${Math.floor(nextMs / 1000)}:${fingerprint}`, 'utf8').toString('base64')}`;
}

/** The next page's start in UTC ms, or `null` when `cursor` is not one of ours for this query. */
export function decodeCursor(cursor: string, fingerprint: string): number | null {
  const match = /^page_([A-Za-z0-9+/]+={0,2})$/.exec(cursor);
  if (match === null) return null;
  const text = Buffer.from(match[1]!, 'base64').toString('utf8');
  const parts = /^(\d{1,12}):([0-9a-f]{8})$/.exec(text);
  if (parts === null || parts[2] !== fingerprint) return null;
  return Number(parts[1]) * 1000;
}

/** FNV-1a, 32 bits, as 8 hex digits: a fingerprint, not a secret. */
export function fingerprintOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
