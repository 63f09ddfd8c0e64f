/**
 * OpenAI's wire shapes for the endpoints Saldo uses (../shared/reference/billing-apis.md §1–3), one
 * definition for both sides: the client parses responses with these schemas, the simulator builds
 * its responses as these types. Parsing is lenient where OpenAI keeps adding fields: unknown keys
 * are ignored and every field but `object` is optional. Bodies are read with lossless-json, so
 * numbers arrive as `LosslessNumber` (their text kept) and amounts are read from that exact text.
 */
import { isLosslessNumber } from 'lossless-json';
import { z } from 'zod';
import { parseAmount } from '../../../shared/billing/money';

/** A JSON number as lossless-json or JSON.parse hands it over. */
const jsonNumber = z.custom<unknown>(
  (value) => typeof value === 'number' || isLosslessNumber(value),
  'a number',
);

const integer = z
  .custom<unknown>((value) => typeof value === 'number' || isLosslessNumber(value), 'a whole number')
  .transform((value, context) => {
    const number = Number(isLosslessNumber(value) ? value.value : value);
    if (!Number.isSafeInteger(number)) {
      context.addIssue({ code: 'custom', message: 'a whole number' });
      return z.NEVER;
    }
    return number;
  });

/** Token and request counts. */
const count = integer.refine((value) => value >= 0, 'a whole number ≥ 0');

/** Unix seconds of an instant in years 1970–9999, so that it has a UTC day to be filed under. */
const unixSeconds = integer.refine(
  (value) => value >= 0 && value <= 253_402_300_799,
  'Unix seconds between 1970 and 9999',
);

/** `amount.value`: a number or a numeric string, in dollars, read exactly to the micro-dollar. */
export const dollars = z.unknown().transform((value, context) => {
  const micros =
    typeof value === 'string' || jsonNumber.safeParse(value).success ? parseAmount(value) : undefined;
  if (micros === undefined) {
    context.addIssue({ code: 'custom', message: 'a dollar amount (number or numeric string)' });
    return z.NEVER;
  }
  return micros;
});

const optionalString = z.string().nullish();

export const costsResultSchema = z.looseObject({
  object: z.literal('organization.costs.result'),
  // The spec allows an amount without a value, and any currency: such a row is read, then left out
  // of the dollars Saldo counts and reported as a warning of the sync (buckets.ts), never added.
  amount: z.looseObject({ value: dollars.nullish(), currency: z.string().nullish() }).nullish(),
  line_item: optionalString,
  project_id: optionalString,
  api_key_id: optionalString,
});

export const completionsResultSchema = z.looseObject({
  object: z.literal('organization.usage.completions.result'),
  input_tokens: count.nullish(),
  input_cached_tokens: count.nullish(),
  output_tokens: count.nullish(),
  num_model_requests: count.nullish(),
  project_id: optionalString,
  model: optionalString,
});

function pageSchema<R extends z.ZodType>(result: R) {
  return z.looseObject({
    object: z.literal('page'),
    data: z
      .array(
        z.looseObject({
          object: z.literal('bucket').optional(),
          start_time: unixSeconds,
          // Never read (a bucket is filed by its start): the last day's end, 10000-01-01, must not refuse the page.
          end_time: integer.nullish(),
          results: z.array(result).nullish(),
        }),
      )
      .nullish(),
    has_more: z.boolean().nullish(),
    next_page: z.string().nullish(),
  });
}

export const costsPageSchema = pageSchema(costsResultSchema);
export const completionsPageSchema = pageSchema(completionsResultSchema);
export type CostsPage = z.infer<typeof costsPageSchema>;
export type CompletionsPage = z.infer<typeof completionsPageSchema>;

/** `{ error: { message, type, param, code } }` (all four required by the spec; read leniently). */
export const errorBodySchema = z.looseObject({
  error: z.looseObject({
    message: z.string().nullish(),
    type: z.string().nullish(),
    param: z.string().nullish(),
    code: z.string().nullish(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A field of an error body as text: a string, a number's digits (`"code": 429`), else null. */
const errorText = z
  .unknown()
  .optional()
  .transform((value) =>
    typeof value === 'string' ? value : jsonNumber.safeParse(value).success ? String(value) : null,
  );

/**
 * Error bodies as clients meet them, beyond OpenAI's own envelope: relays and OpenRouter send a
 * numeric `code` (`{"error":{"code":429,"message":…}}`), and some servers a bare string
 * (`{"error":"insufficient permissions…"}`). Read for the message and the codes, never refused.
 */
export const anyErrorBodySchema = z.looseObject({
  error: z.union([
    z.string().transform((message) => ({ message, type: null, code: null })),
    z.looseObject({ message: errorText, type: errorText, code: errorText }),
  ]),
});

/** The legacy `GET /v1/dashboard/billing/credit_grants` (USD, instants in Unix seconds). */
export const creditGrantsSchema = z.looseObject({
  object: z.literal('credit_summary'),
  total_granted: dollars.optional(),
  total_used: dollars.optional(),
  total_available: dollars,
  grants: z
    .looseObject({
      data: z.array(
        z.looseObject({
          id: z.string().nullish(),
          grant_amount: dollars,
          used_amount: dollars,
          effective_at: unixSeconds,
          expires_at: unixSeconds,
        }),
      ),
    })
    .nullish(),
});
export type CreditGrants = z.infer<typeof creditGrantsSchema>;

/**
 * `GET /v1/organization/spend_limit` (§1.7): `threshold_amount` is whole cents, currency only USD,
 * interval only month. Without a limit the body is unknown (§8.5): a null or absent amount is read as none.
 */
export const spendLimitBodySchema = z.looseObject({
  object: z.literal('organization.spend_limit'),
  threshold_amount: count.nullish(),
  currency: z.string().nullish(),
  interval: z.string().nullish(),
  enforcement: z.looseObject({ status: z.string().nullish() }).nullish(),
});
export type SpendLimitBody = z.infer<typeof spendLimitBodySchema>;

/** What the simulator writes: the output side of the same shapes, with plain numbers. */
export interface WireCostsResult {
  object: 'organization.costs.result';
  amount: { value: number; currency: 'usd' };
  line_item: string | null;
  project_id: string | null;
  api_key_id: null;
}

export interface WireCompletionsResult {
  object: 'organization.usage.completions.result';
  input_tokens: number;
  input_cached_tokens: number;
  output_tokens: number;
  num_model_requests: number;
  project_id: string | null;
  user_id: null;
  api_key_id: null;
  model: string | null;
  batch: null;
  service_tier: null;
}

export interface WirePage<R> {
  object: 'page';
  data: { object: 'bucket'; start_time: number; end_time: number; results: R[] }[];
  has_more: boolean;
  next_page: string | null;
}

export interface WireError {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface WireCreditGrants {
  object: 'credit_summary';
  total_granted: number;
  total_used: number;
  total_available: number;
  grants: {
    object: 'list';
    data: {
      object: 'credit_grant';
      id: string;
      grant_amount: number;
      used_amount: number;
      effective_at: number;
      expires_at: number;
    }[];
  };
}

export interface WireSpendLimit {
  object: 'organization.spend_limit';
  threshold_amount: number;
  currency: 'USD';
  interval: 'month';
  enforcement: { status: 'enforcing' | 'inactive' };
}
