/**
 * The projection's data as JSON can carry it (micro-dollars as safe-integer numbers), so main can
 * send a start over the bridge and the renderer can project a draft of auto-recharge settings on it
 * with the engine's own `project`. One conversion each way, shared by both sides.
 */
import { z } from 'zod';
import type { Micros } from './money';
import type { ProjectionStart } from './projection';

/** `T` with every `bigint` as a `number`. */
export type JsonSafe<T> = T extends bigint
  ? number
  : T extends readonly (infer Item)[]
    ? JsonSafe<Item>[]
    : T extends object
      ? { [K in keyof T]: JsonSafe<T[K]> }
      : T;

/** A copy with every `bigint` as a `number`; one beyond 2^53 (no real amount is) is refused, not rounded. */
export function toJsonSafe<T>(value: T): JsonSafe<T> {
  return convert(value, '$') as JsonSafe<T>;
}

function convert(value: unknown, at: string): unknown {
  if (typeof value === 'bigint') {
    const number = Number(value);
    if (!Number.isSafeInteger(number)) throw new RangeError(`${at}: ${value} is beyond a safe integer`);
    return number;
  }
  if (Array.isArray(value)) return value.map((item, i) => convert(item, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, convert(item, `${at}.${key}`)]),
    );
  }
  return value;
}

const safeInteger = z.number().int().safe();
const micros = safeInteger.transform((amount): Micros => BigInt(amount));
/** UTC ms; a computed expiry far in the future may lie beyond the safe range, but is whole. */
const instant = z.number().refine(Number.isInteger, 'must be whole milliseconds');
const whole = z.number().int().nonnegative();
const grantSource = z.enum(['manual', 'auto', 'import', 'grant', 'calibration']);

/** A start whose amounts read as `amount` does: as the engine's bigint, or kept as the bridge's number. */
function startSchema<Amount extends z.ZodType<unknown, number>>(amount: Amount) {
  return z.strictObject({
    now: instant,
    account: z.enum(['prepaid', 'monthly_invoice']),
    policy: z.strictObject({
      minPurchase: amount,
      maxPurchase: amount,
      expiryMonths: whole.min(1),
      creditDelayMinutes: whole,
    }),
    rate: z.strictObject({ windowUsage: amount, windowDays: whole.min(1) }),
    debt: amount,
    grants: z.array(
      z.strictObject({
        source: grantSource,
        remaining: amount,
        effectiveAt: instant,
        expiresAt: instant,
        status: z.enum(['pending', 'active', 'depleted', 'expired']),
      }),
    ),
    autoPurchases: z.array(z.strictObject({ at: instant, amount })),
  });
}

/** JSON in, the engine's start out. */
export const projectionStartJsonSchema = startSchema(micros) satisfies z.ZodType<
  ProjectionStart,
  JsonSafe<ProjectionStart>
>;

/** The start as the bridge's snapshot carries it (micro-dollars as numbers), checked on receipt. */
export const projectionStartWireSchema = startSchema(safeInteger) satisfies z.ZodType<
  JsonSafe<ProjectionStart>,
  JsonSafe<ProjectionStart>
>;
