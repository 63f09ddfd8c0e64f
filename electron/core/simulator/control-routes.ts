/**
 * The `/sim` control API: read the account, buy credit, grant credit, read the balance off the
 * "billing page" (a calibration), read what the demo's ledger starts with, change auto-recharge,
 * move the clock, queue faults, count requests. JSON in and out; every body is checked with zod, and a bad one
 * is a 400 whose message starts with the field it is about.
 */
import { z } from 'zod';
import { formatInstant, MS_PER_DAY } from '../../../shared/billing/instant';
import { resultToSpecObject } from '../../../shared/billing/result-json';
import type { FieldError } from './account';
import type { Reply, Route, SimRequest } from './exchange';
import type { Simulation } from './simulation';

function fieldError({ field, message }: FieldError): Reply {
  return {
    status: 400,
    body: {
      error: { message: `${field}: ${message}`, type: 'invalid_request_error', param: field, code: null },
    },
  };
}

type Checked<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** The body checked against `schema`, or the 400 naming the first bad field. */
function readBody<S extends z.ZodType>(request: SimRequest, schema: S): Checked<z.output<S>> {
  let json: unknown;
  try {
    json = request.body.trim() === '' ? {} : JSON.parse(request.body);
  } catch {
    return { ok: false, reply: fieldError({ field: 'body', message: 'must be JSON' }) };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const error =
    issue.code === 'unrecognized_keys'
      ? { field: issue.keys.join(', '), message: 'unknown field' }
      : { field: issue.path.map(String).join('.') || 'body', message: issue.message };
  return { ok: false, reply: fieldError(error) };
}

/** USD as a JSON number or a decimal string; the engine's rules judge the value. */
const amount = z.union([z.number(), z.string()], {
  error: 'must be an amount in USD (a number or a decimal string)',
});
const instant = z.string({ error: 'must be an instant like 2026-03-01T12:00:00Z' });
/** An id the caller picked (a ledger entry's); absent, the simulator makes one. */
const chosenId = z
  .string({ error: 'must be a string' })
  .max(200, { error: 'must be at most 200 characters' })
  .optional();

const purchaseSchema = z.strictObject({ amount, at: instant.optional(), id: chosenId });
const optionalAmount = amount.nullish();

const grantSchema = z.strictObject({
  amount,
  at: instant.optional(),
  expiresAt: instant.optional(),
  id: chosenId,
});

const balanceSchema = z.strictObject({ balance: amount, at: instant.optional() });

const autoRechargeSchema = z.strictObject({
  enabled: z.boolean({ error: 'must be true or false' }),
  threshold: optionalAmount,
  mode: z.enum(['add', 'topUp'], { error: 'must be "add" or "topUp"' }).nullish(),
  amount: optionalAmount,
  target: optionalAmount,
  monthlyLimit: optionalAmount,
});

/** The simulated clock moves at most ten years per call (usage is generated for all of it). */
const MAX_ADVANCE_DAYS = 3650;
const advanceSchema = z
  .strictObject({
    ms: z
      .number()
      .int()
      .min(0)
      .max(MAX_ADVANCE_DAYS * MS_PER_DAY)
      .optional(),
    days: z.number().min(0).max(MAX_ADVANCE_DAYS).optional(),
  })
  .refine((body) => (body.ms === undefined) !== (body.days === undefined), {
    error: 'give either ms or days',
    path: ['ms'],
  });

/** A header value: visible ASCII, so it cannot split the response. */
const headerValue = z.string().regex(/^[\x20-\x7e]{1,100}$/, 'must be 1 to 100 visible ASCII characters');

const faultSchema = z
  .strictObject({
    count: z.number().int().min(1).max(10_000),
    status: z.number().int().min(200).max(599).optional(),
    body: z.unknown().optional(),
    retryAfter: headerValue.optional(),
    retryAfterMs: headerValue.optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    truncate: z.boolean().optional(),
    malformed: z.boolean().optional(),
    path: z
      .string()
      .regex(/^\/\S{0,200}$/, "must be a path prefix starting with '/'")
      .default('/v1/'),
  })
  .refine((fault) => !(fault.truncate === true && fault.malformed === true), {
    error: 'cannot be combined with malformed: a fault sends one kind of body',
    path: ['truncate'],
  })
  .refine(
    (fault) =>
      !(
        (fault.truncate === true || fault.malformed === true) &&
        (fault.status !== undefined || fault.body !== undefined)
      ),
    {
      error: 'truncate and malformed send the real route status (200): leave out status and body',
      path: ['status'],
    },
  );

/** Drops `null`s (the engine reads them as absent) so stored settings read back clean. */
function withoutNulls<T extends object>(object: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  ) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

export function controlRoutes(sim: Simulation): Record<string, Route> {
  const state = (): Reply => {
    const now = sim.clock.now();
    return {
      status: 200,
      body: {
        now: formatInstant(now),
        scenario: sim.scenario.name,
        startAt: formatInstant(sim.startAt),
        speed: sim.speed,
        account: resultToSpecObject(sim.account.evaluate(now)),
        autoRecharge: sim.account.autoRecharge,
      },
    };
  };

  /** The credit just made, as `/sim/state` lists it; or the refusal. */
  const grantReply = (made: { id: string } | FieldError, now: number): Reply => {
    if ('field' in made) return fieldError(made);
    const account = resultToSpecObject(sim.account.evaluate(now));
    const grant = (account.grants as { id: string }[]).find((candidate) => candidate.id === made.id);
    return { status: 201, body: grant };
  };

  return {
    '/sim/state': { GET: state },
    '/sim/purchases': {
      POST: (request) => {
        const checked = readBody(request, purchaseSchema);
        if (!checked.ok) return checked.reply;
        const { amount, at, id } = checked.value;
        const now = sim.clock.now();
        return grantReply(sim.account.purchase(amount, at, now, id), now);
      },
    },
    '/sim/grants': {
      POST: (request) => {
        const checked = readBody(request, grantSchema);
        if (!checked.ok) return checked.reply;
        const { amount, at, expiresAt, id } = checked.value;
        const now = sim.clock.now();
        return grantReply(sim.account.grant(amount, at, expiresAt, now, id), now);
      },
    },
    '/sim/balances': {
      POST: (request) => {
        const checked = readBody(request, balanceSchema);
        if (!checked.ok) return checked.reply;
        const now = sim.clock.now();
        const made = sim.account.calibrate(checked.value.balance, checked.value.at, now);
        if ('field' in made) return fieldError(made);
        const account = resultToSpecObject(sim.account.evaluate(now));
        const calibrations = account.calibrations as { at: string }[];
        return { status: 201, body: calibrations.findLast((calibration) => calibration.at === made.at) };
      },
    },
    '/sim/ledger-seed': { GET: () => ({ status: 200, body: sim.account.ledgerSeed(sim.clock.now()) }) },
    '/sim/auto-recharge': {
      GET: () => ({ status: 200, body: sim.account.autoRecharge }),
      PUT: (request) => {
        const checked = readBody(request, autoRechargeSchema);
        if (!checked.ok) return checked.reply;
        const body = checked.value;
        const settings = sim.account.setAutoRecharge(withoutNulls(body), sim.clock.now());
        return 'field' in settings ? fieldError(settings) : { status: 200, body: settings };
      },
    },
    '/sim/clock/advance': {
      POST: (request) => {
        const checked = readBody(request, advanceSchema);
        if (!checked.ok) return checked.reply;
        const body = checked.value;
        sim.clock.advance(body.ms ?? Math.round(body.days! * MS_PER_DAY));
        return { status: 200, body: { now: formatInstant(sim.clock.now()) } };
      },
    },
    '/sim/faults': {
      GET: () => ({ status: 200, body: { faults: sim.faults.pending() } }),
      POST: (request) => {
        const checked = readBody(request, faultSchema);
        if (!checked.ok) return checked.reply;
        const body = checked.value;
        sim.faults.add(body);
        return { status: 201, body: { faults: sim.faults.pending() } };
      },
      DELETE: () => ({ status: 200, body: { cleared: sim.faults.clear() } }),
    },
    '/sim/requests': {
      GET: () => ({ status: 200, body: sim.stats.snapshot() }),
      DELETE: () => {
        sim.stats.reset();
        return { status: 200, body: sim.stats.snapshot() };
      },
    },
  };
}
