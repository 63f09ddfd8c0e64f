/**
 * Fuzzing `saldo evaluate -` in-process: whatever the input, the outcome is either exit 0 with one
 * JSON result object on stdout and nothing on stderr, or exit 2 with nothing on stdout and one
 * `error: <field>: …` line naming a case field. Never exit 1 (an internal error), never an exception.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { LosslessNumber, isLosslessNumber, parse, stringify } from 'lossless-json';
import { describe, it } from 'vitest';
import { loadSpecCases } from '../../support/spec-cases';
import { errorField, runInProcess } from './cli-harness';

const cases = loadSpecCases();
const caseTexts = cases.map((c) => readFileSync(c.casePath, 'utf8'));
const RESULT_KEYS = Object.keys(cases[0]!.expected as object).join(',');

/** The fields a malformed case may be blamed on (spec §2, §3, §7, §10; `case` for the file). */
const CASE_FIELD =
  /^(case|now|events|account|policy(\.(minPurchase|maxPurchase|expiryMonths|creditDelayMinutes))?|autoRecharge(\.(enabled|threshold|mode|amount|target|monthlyLimit))?|forecast(\.(windowDays|expiryWarningDays))?)$/;

const NUM_RUNS = 500;
/**
 * A far-future `now` with auto-recharge on is legitimately slow (every expiry buys again: a
 * purchase a month for centuries), so a run may take a second.
 */
const TIMEOUT_MS = 60_000;

/** Runs `saldo evaluate -` on `text` and throws unless the outcome is one of the two allowed. */
async function expectCleanOutcome(text: string): Promise<void> {
  const run = await runInProcess(['evaluate', '-'], { stdin: text });
  const show = (): string => JSON.stringify(run).slice(0, 500);
  if (run.code === 0) {
    if (run.stderr !== '' || !run.stdout.endsWith('}\n')) throw new Error(`exit 0 but ${show()}`);
    const result = parse(run.stdout);
    if (typeof result !== 'object' || result === null || Array.isArray(result) || isLosslessNumber(result)) {
      throw new Error(`exit 0 without a JSON object: ${show()}`);
    }
    if (Object.keys(result).join(',') !== RESULT_KEYS) throw new Error(`fields not in spec order: ${show()}`);
  } else if (run.code === 2) {
    const field = errorField(run.stderr);
    if (run.stdout !== '' || field === undefined || !CASE_FIELD.test(field)) {
      throw new Error(`exit 2 but ${show()}`);
    }
  } else {
    throw new Error(`exit ${run.code}: ${show()}`);
  }
}

// ---- values -------------------------------------------------------------------------------------

const num = (text: string): LosslessNumber => new LosslessNumber(text);

/** Number tokens that are exact-decimal traps: beyond a double, below a micro-dollar, limits. */
const oddNumber = fc.oneof(
  fc.constantFrom(
    ...[
      '1e999',
      '-1e999',
      '-0',
      '0.0000005',
      '-0.0000005',
      '0.0000015',
      '1E-7',
      '1e-999999999',
      '1e999999999',
      '123456789012345678901234567890',
      '999999999.9999995',
      '999999999.999999',
      '1e9',
      '-1e9',
      '5.0000005',
      '0e0',
      '12.0',
      '1.2e1',
      '12.0000000000000001',
      '1e300',
      '1e20',
      '9007199254740993',
      `1${'0'.repeat(400)}`,
      `${'9'.repeat(30)}.${'9'.repeat(30)}`,
    ].map(num),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => num(String(n))),
  fc.integer({ min: -100, max: 100 }).map((n) => num(String(n))),
);

/** Amounts as strings, valid and not (spec §1: no spaces, signs of currency, separators). */
const oddAmountString = fc.constantFrom(
  '1e999',
  '-0',
  '0.0000005',
  ' 5',
  '5 ',
  '+5',
  '.5',
  '5.',
  '1_000',
  '0x10',
  'Infinity',
  'NaN',
  '',
  '$5',
  '5,00',
  '1e',
  '--5',
  '١٢',
  '12.50',
  '-0.5',
  '1e-3',
  '0.1234565',
  '999999999.9999995',
  '1e-999999999',
  '1e999999999',
);

/** A plausible amount: micro-dollars between -$100 and $100, as a number or a string. */
const plainAmount = fc.integer({ min: -100_000_000, max: 100_000_000 }).chain((micros) => {
  const text = (micros / 1e6).toFixed(6);
  return fc.constantFrom<unknown>(num(text), text);
});

const amountish = fc.oneof({ weight: 3, arbitrary: plainAmount }, oddNumber, oddAmountString);

const JAN_2025 = Date.UTC(2025, 0, 1);
const JUN_2026 = Date.UTC(2026, 5, 1);
/** Instants around the cases' `now`s, written as the spec allows. */
const plainInstant = fc.integer({ min: JAN_2025, max: JUN_2026 }).map((ms) => new Date(ms).toISOString());

const oddInstant = fc.oneof(
  fc.constantFrom(
    '2024-02-29T12:00:00+01:00',
    '2026-02-30T00:00:00Z',
    '2026-01-01T00:00:00',
    '2026-01-01t00:00:00z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T23:60:00Z',
    '2026-01-01T00:00:60Z',
    ' 2026-01-01T00:00:00Z',
    '2026-01-01T00:00:00.123456789Z',
    '0000-12-31T23:59:59Z',
    '0001-01-01T00:00:00Z',
    '0001-01-01T00:00:00+00:01',
    '9999-12-31T23:59:59.999Z',
    '9999-12-31T23:59:59.999-23:59',
    '+010000-01-01T00:00:00Z',
    '2026-1-1T00:00:00Z',
    '2026-01-01T00:00Z',
    '2026-01-01T00:00:00+24:00',
    '2026-01-01T00:00:00+23:59',
    '2026-13-01T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
  ),
  fc
    .date({
      noInvalidDate: true,
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
    })
    .map((d) => d.toISOString()),
  fc.string(),
);

const instantish = fc.oneof({ weight: 4, arbitrary: plainInstant }, oddInstant);

/** Whole-number settings: small, fractional, huge, strings. */
const wholeish = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -2, max: 40 }).map((n) => num(String(n))) },
  oddNumber,
  fc.constantFrom<unknown>('12', num('1.5'), num('1e300'), num('1e20'), num('12.0'), true),
);

const WORDS = [
  'prepaid',
  'monthly_invoice',
  'add',
  'topUp',
  'purchase',
  'grant',
  'usage',
  'balance',
  'manual',
  'auto',
  'import',
  'calibration',
];
const oddValue = fc.oneof(
  oddNumber,
  oddAmountString,
  oddInstant,
  fc.constantFrom<unknown>(null, true, false, [], {}, ...WORDS),
  fc.jsonValue({ maxDepth: 2 }),
);

// ---- (a) random cases ---------------------------------------------------------------------------

const eventArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record(
      {
        type: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('purchase', 'grant', 'usage', 'balance') },
          oddValue,
        ),
        id: fc.oneof(
          fc.constantFrom('p1', 'p2', 'g1', 'auto-1', 'cal-1', 'Auto-1', ''),
          fc.string(),
          oddValue,
        ),
        at: instantish,
        amount: amountish,
        balance: amountish,
        source: fc.oneof(fc.constantFrom('manual', 'auto', 'import', 'grant', 'x'), oddValue),
        expiresAt: instantish,
        model: fc.string(),
      },
      { requiredKeys: ['type', 'at'] },
    ),
  },
  oddValue,
);

const policyArb = fc.record(
  { minPurchase: amountish, maxPurchase: amountish, expiryMonths: wholeish, creditDelayMinutes: wholeish },
  { requiredKeys: [] },
);
const autoRechargeArb = fc.record(
  {
    enabled: fc.oneof({ weight: 5, arbitrary: fc.boolean() }, oddValue),
    threshold: amountish,
    mode: fc.oneof({ weight: 5, arbitrary: fc.constantFrom('add', 'topUp') }, oddValue),
    amount: amountish,
    target: amountish,
    monthlyLimit: amountish,
  },
  { requiredKeys: [] },
);
const forecastArb = fc.record({ windowDays: wholeish, expiryWarningDays: wholeish }, { requiredKeys: [] });

const often = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary }, oddValue);

const caseArb = fc.record(
  {
    now: fc.oneof({ weight: 6, arbitrary: fc.constant('2026-03-01T00:00:00Z') }, instantish, oddValue),
    events: often(fc.array(eventArb, { maxLength: 12 })),
    account: often(fc.constantFrom('prepaid', 'monthly_invoice')),
    policy: often(policyArb),
    autoRecharge: often(autoRechargeArb),
    forecast: often(forecastArb),
    about: fc.jsonValue({ maxDepth: 2 }),
  },
  { requiredKeys: [] },
);

// ---- (b) mutated worked examples --------------------------------------------------------------------

const AMOUNT_KEYS = new Set([
  'amount',
  'balance',
  'minPurchase',
  'maxPurchase',
  'threshold',
  'target',
  'monthlyLimit',
]);
const INSTANT_KEYS = new Set(['now', 'at', 'expiresAt']);
const WHOLE_KEYS = new Set(['expiryMonths', 'creditDelayMinutes', 'windowDays', 'expiryWarningDays']);
const FIELD_NAMES = [
  'now',
  'events',
  'account',
  'policy',
  'autoRecharge',
  'forecast',
  ...AMOUNT_KEYS,
  ...INSTANT_KEYS,
  ...WHOLE_KEYS,
  'enabled',
  'mode',
  'type',
  'id',
  'source',
];

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

interface Mutation {
  op: 'delete' | 'replace' | 'retype' | 'setField' | 'duplicate' | 'shuffle';
  pick: number;
  to: number;
  field: string;
  any: unknown;
  amount: unknown;
  instant: unknown;
  whole: unknown;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'replace', 'retype', 'retype', 'setField', 'duplicate', 'shuffle'),
  pick: fc.nat(),
  to: fc.nat(),
  field: fc.constantFrom(...FIELD_NAMES),
  any: oddValue,
  amount: amountish,
  instant: instantish,
  whole: wholeish,
});

const isContainer = (value: unknown): value is Container =>
  typeof value === 'object' && value !== null && !isLosslessNumber(value);

function slotsOf(node: unknown, into: Slot[] = []): Slot[] {
  if (!isContainer(node)) return into;
  const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
  for (const key of keys) {
    into.push({ parent: node, key });
    slotsOf((node as Record<string | number, unknown>)[key], into);
  }
  return into;
}

function containersOf(root: unknown): Container[] {
  return [root, ...slotsOf(root).map((s) => (s.parent as Record<string | number, unknown>)[s.key])].filter(
    isContainer,
  );
}

/** A value of the kind a field holds (an odd one of that kind), or any odd value. */
function valueFor(key: string | number, m: Mutation): unknown {
  if (typeof key === 'string' && AMOUNT_KEYS.has(key)) return m.amount;
  if (typeof key === 'string' && INSTANT_KEYS.has(key)) return m.instant;
  if (typeof key === 'string' && WHOLE_KEYS.has(key)) return m.whole;
  return m.any;
}

function applyMutation(root: unknown, m: Mutation): void {
  const set = (slot: Slot, value: unknown): void => {
    (slot.parent as Record<string | number, unknown>)[slot.key] = value;
  };
  const slots = slotsOf(root);
  const slot = slots[m.pick % Math.max(slots.length, 1)];
  switch (m.op) {
    case 'delete':
      if (slot === undefined) return;
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else Reflect.deleteProperty(slot.parent, slot.key);
      return;
    case 'replace':
      if (slot !== undefined) set(slot, m.any);
      return;
    case 'retype':
      if (slot !== undefined) set(slot, valueFor(slot.key, m));
      return;
    case 'setField': {
      const objects = containersOf(root).filter((c) => !Array.isArray(c));
      const target = objects[m.pick % Math.max(objects.length, 1)] as Record<string, unknown> | undefined;
      if (target !== undefined) target[m.field] = valueFor(m.field, m);
      return;
    }
    case 'duplicate':
    case 'shuffle': {
      const arrays = containersOf(root).filter((c): c is unknown[] => Array.isArray(c) && c.length > 0);
      const array = arrays[m.pick % Math.max(arrays.length, 1)];
      if (array === undefined) return;
      const i = m.to % array.length;
      if (m.op === 'duplicate') {
        // A copy, not a shared reference, so later mutations touch one of them only.
        array.splice((m.to >> 4) % (array.length + 1), 0, parse(stringify(array[i]) ?? 'null'));
      } else {
        // A rotation and a swap, from `to`: enough to reorder events at the same and other instants.
        array.push(...array.splice(0, i));
        const j = (m.to >> 8) % array.length;
        [array[0], array[j]] = [array[j], array[0]];
      }
      return;
    }
  }
}

const mutatedCaseArb = fc
  .tuple(fc.nat({ max: cases.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 4 }))
  .map(([index, mutations]) => {
    const root = parse(caseTexts[index]!);
    for (const m of mutations) applyMutation(root, m);
    return stringify(root) ?? '';
  });

// ---- (c) random text ---------------------------------------------------------------------------------

const caseText = fc.nat({ max: cases.length - 1 }).map((i) => caseTexts[i]!);
const randomTextArb = fc.oneof(
  // A worked example cut short at any point.
  fc.tuple(caseText, fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1))),
  // One to three characters spliced in at a random point.
  fc
    .tuple(caseText, fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 3 }))
    .map(([text, at, drop, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + drop);
    }),
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
);

// ---- properties ------------------------------------------------------------------------------------

describe('saldo evaluate - (fuzz): a result or one error line', { timeout: TIMEOUT_MS }, () => {
  it('(a) any JSON value', async () => {
    const property = fc.asyncProperty(fc.jsonValue(), (value) => expectCleanOutcome(JSON.stringify(value)));
    await fc.assert(property, { numRuns: NUM_RUNS });
  });

  it('(a) objects with random now, events and settings', async () => {
    const property = fc.asyncProperty(caseArb, (value) => expectCleanOutcome(stringify(value) ?? ''));
    await fc.assert(property, { numRuns: NUM_RUNS * 2 });
  });

  it('(b) worked examples with random mutations', async () => {
    await fc.assert(fc.asyncProperty(mutatedCaseArb, expectCleanOutcome), { numRuns: NUM_RUNS * 3 });
  });

  it('(c) random and truncated text', async () => {
    await fc.assert(fc.asyncProperty(randomTextArb, expectCleanOutcome), { numRuns: NUM_RUNS * 2 });
  });

  it('a deeply nested document is one error line, not a crash', async () => {
    await expectCleanOutcome('['.repeat(100_000));
    await expectCleanOutcome(
      `{"now":"2026-03-01T00:00:00Z","events":[${'['.repeat(5_000)}${']'.repeat(5_000)}]}`,
    );
  });
});
