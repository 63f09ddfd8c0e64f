/**
 * Usage records → the results of one bucket, as OpenAI's costs and completions endpoints write
 * them. Pure: the records of a window come in through `visit`. Results are sorted by their keys
 * so the same query always gives the same body.
 */
import type { WireCompletionsResult, WireCostsResult } from '../openai/wire';
import { MODELS, PROJECTS, lineItemName } from './catalog';
import type { BucketQuery } from './bucket-query';
import type { BucketWindow } from './pagination';
import type { UsageRecord } from './usage-record';

/** Visits the records with `from <= at < to`. */
export type RecordSource = (from: number, to: number, visit: (record: UsageRecord) => void) => void;

/** The part of a window that has happened: usage after `now` is not visible yet. */
function visibleEnd(window: BucketWindow, now: number): number {
  return Math.min(window.end, now + 1);
}

/**
 * Whether a record passes the query's filters. Filters on keys the simulator never sets (API keys,
 * users) match nothing, as they would at OpenAI for keys with no traffic; `batch=true` likewise,
 * as all simulated traffic is interactive.
 */
function passes(record: UsageRecord, query: BucketQuery): boolean {
  for (const [name, values] of query.filters) {
    if (name === 'project_ids' && !values.has(PROJECTS[record.project]!.id)) return false;
    if (name === 'models' && !values.has(MODELS[record.model]!.id)) return false;
    if (name === 'api_key_ids' || name === 'user_ids') return false;
  }
  return query.batch !== true;
}

function sortedValues<T>(groups: Map<string, T>): T[] {
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
}

export function costResults(
  source: RecordSource,
  window: BucketWindow,
  query: BucketQuery,
  now: number,
): WireCostsResult[] {
  const groups = new Map<string, { project: string | null; lineItem: string | null; micros: number }>();
  source(window.start, visibleEnd(window, now), (record) => {
    if (!passes(record, query)) return;
    const project = query.groupBy.has('project_id') ? PROJECTS[record.project]!.id : null;
    const lineItem = query.groupBy.has('line_item') ? lineItemName(record.model, record.kind) : null;
    const key = `${project ?? ''}\u0000${lineItem ?? ''}`;
    const group = groups.get(key) ?? { project, lineItem, micros: 0 };
    group.micros += record.micros;
    groups.set(key, group);
  });
  return sortedValues(groups).map(({ project, lineItem, micros }) => ({
    object: 'organization.costs.result',
    // Micro-dollars below 2^53 divided by 10^6 print as their exact decimal (shortest round trip).
    amount: { value: micros / 1_000_000, currency: 'usd' },
    line_item: lineItem,
    project_id: project,
    api_key_id: null,
  }));
}

export function completionResults(
  source: RecordSource,
  window: BucketWindow,
  query: BucketQuery,
  now: number,
): WireCompletionsResult[] {
  const groups = new Map<string, WireCompletionsResult>();
  source(window.start, visibleEnd(window, now), (record) => {
    // Embedding models have their own usage endpoint, as at OpenAI; they are in costs only.
    if (MODELS[record.model]!.kind !== 'chat' || !passes(record, query)) return;
    const project = query.groupBy.has('project_id') ? PROJECTS[record.project]!.id : null;
    const model = query.groupBy.has('model') ? MODELS[record.model]!.id : null;
    const key = `${project ?? ''}\u0000${model ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        object: 'organization.usage.completions.result',
        input_tokens: 0,
        input_cached_tokens: 0,
        output_tokens: 0,
        num_model_requests: 0,
        project_id: project,
        user_id: null,
        api_key_id: null,
        model,
        batch: null,
        service_tier: null,
      };
      groups.set(key, group);
    }
    // `input_tokens` counts cached input too (billing-apis.md §1.3).
    if (record.kind === 'input' || record.kind === 'cached') group.input_tokens += record.tokens;
    if (record.kind === 'cached') group.input_cached_tokens += record.tokens;
    if (record.kind === 'output') group.output_tokens += record.tokens;
    group.num_model_requests += record.requests;
  });
  return sortedValues(groups);
}
