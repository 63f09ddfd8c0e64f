/**
 * Following `next_page` cursors (billing-apis.md §1.5) until there is none, with the guards a
 * misbehaving server needs: a cursor seen before, `has_more` without a cursor, endless pages.
 * The whole range or nothing: a failure on page 3 discards pages 1–2.
 */
import type { z } from 'zod';
import type { BackendResult } from '../billing-backend';
import { getWithRetry, type HttpConfig } from './http';
import { parseBody } from './parse-body';

/** 365 days at one bucket a page is 366 pages; anything near this is a server loop. */
export const MAX_PAGES = 1000;

interface PageLinks {
  has_more?: boolean | null | undefined;
  next_page?: string | null | undefined;
}

export type NextStep = { kind: 'done' } | { kind: 'next'; cursor: string } | { kind: 'bad'; message: string };

/** What to do after a page, given the cursors already followed. Pure. */
export function nextStep(page: PageLinks, seen: ReadonlySet<string>): NextStep {
  const cursor = page.next_page ?? '';
  if (cursor === '') {
    return page.has_more === true
      ? { kind: 'bad', message: 'has_more is true but next_page is missing' }
      : { kind: 'done' };
  }
  if (seen.has(cursor)) return { kind: 'bad', message: 'next_page repeats an earlier cursor' };
  return { kind: 'next', cursor };
}

export async function fetchAllPages<S extends z.ZodType<PageLinks & { data?: unknown[] | null | undefined }>>(
  config: HttpConfig,
  pageUrl: (cursor: string | null) => string,
  schema: S,
  label: string,
  onPage?: () => void,
  signal?: AbortSignal,
): Promise<BackendResult<z.output<S>[]>> {
  const pages: z.output<S>[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  while (pages.length < MAX_PAGES) {
    const answer = await getWithRetry(config, pageUrl(cursor), label, undefined, signal);
    if (!answer.ok) return answer;
    const page = parseBody(schema, answer.value.text, `${label} page`);
    if (!page.ok) return page;
    pages.push(page.value);
    onPage?.();
    const step = nextStep(page.value, seen);
    if (step.kind === 'done') return { ok: true, value: pages };
    if (step.kind === 'bad')
      return { ok: false, error: { kind: 'bad-response', message: `${label} page: ${step.message}` } };
    seen.add(step.cursor);
    cursor = step.cursor;
  }
  return { ok: false, error: { kind: 'bad-response', message: `${label}: more than ${MAX_PAGES} pages` } };
}
