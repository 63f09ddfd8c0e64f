/**
 * One priced line item of simulated API traffic, and its form as a billing-engine event. Records
 * are the single source of the costs and usage endpoints and of the engine's usage events, so the
 * three can never disagree.
 */
import { formatInstant } from '../../../shared/billing/instant';
import { microsToDecimalText } from '../../../shared/billing/money';
import { MODELS, PROJECTS, costMicros, lineItemName, type LineItemKind, type ModelIndex } from './catalog';

export interface UsageRecord {
  /** UTC ms. */
  at: number;
  project: number;
  model: ModelIndex;
  kind: LineItemKind;
  tokens: number;
  /** Requests are counted on a call's `input` record only, so sums count each call once. */
  requests: number;
  micros: number;
}

/** The engine's JSON-shaped usage event (spec §4), exact amount as decimal text. */
export interface UsageEvent {
  type: 'usage';
  at: string;
  amount: string;
  model: string;
  project: string;
  lineItem: string;
}

export interface CallTokens {
  /** All input tokens, cached ones included (OpenAI's `input_tokens`). */
  input: number;
  cached: number;
  output: number;
  requests: number;
}

/** The line items of one call (or of one hour of a series): uncached input, cached input, output. */
export function callRecords(
  at: number,
  project: number,
  model: ModelIndex,
  tokens: CallTokens,
): UsageRecord[] {
  const cached = MODELS[model]!.kind === 'chat' ? Math.min(tokens.cached, tokens.input) : 0;
  const output = MODELS[model]!.kind === 'chat' ? tokens.output : 0;
  const parts: [LineItemKind, number, number][] = [
    ['input', tokens.input - cached, tokens.requests],
    ['cached', cached, 0],
    ['output', output, 0],
  ];
  const records: UsageRecord[] = [];
  for (const [kind, count, requests] of parts) {
    if (count <= 0 && requests <= 0) continue;
    records.push({
      at,
      project,
      model,
      kind,
      tokens: count,
      requests,
      micros: costMicros(model, kind, count),
    });
  }
  return records;
}

export function toUsageEvent(record: UsageRecord): UsageEvent {
  return {
    type: 'usage',
    at: formatInstant(record.at),
    amount: microsToDecimalText(BigInt(record.micros)),
    model: MODELS[record.model]!.id,
    project: PROJECTS[record.project]!.id,
    lineItem: lineItemName(record.model, record.kind),
  };
}

/** Index of the first record with `at >= t` in a list sorted by `at`. */
export function lowerBound(records: readonly UsageRecord[], t: number): number {
  let low = 0;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (records[middle]!.at < t) low = middle + 1;
    else high = middle;
  }
  return low;
}
