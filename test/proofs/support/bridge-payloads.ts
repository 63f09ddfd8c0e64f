/**
 * Requests for every channel of the bridge contract, valid and hostile, for the bridge fuzz proof:
 * a few valid examples per channel, and mutations of them — wrong types, huge strings, deep nesting,
 * prototype-pollution keys, NaN and Infinity, odd unicode, key-shaped text. What the checks look for
 * in every answer is here too: a stack trace, a file path, a key.
 */
import fc from 'fast-check';
import type { Channel, RequestOf } from '../../../shared/bridge/channels';
import { ADD_10_BELOW_5 } from '../../electron/core/bridge/bridge-test-kit';
import { FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, KEY_MARK } from '../../electron/core/secrets/secrets-test-kit';

export const EXAMPLES: { [C in Channel]: RequestOf<C>[] } = {
  'state:get': [{}],
  'settings:get': [{}],
  'settings:update': [
    { language: 'nl' },
    { monthlyBudget: '50', runwayDays: 5 },
    { expiryReminderDays: [30, 1], theme: 'dark' },
  ],
  'ledger:add-purchase': [{ amount: '10' }, { amount: '5.5', at: '2026-11-01T00:00:00Z', id: 'fuzz-p' }],
  'ledger:add-grant': [{ amount: '3', expiresAt: '2027-01-01T00:00:00Z' }],
  'ledger:calibrate': [{ balance: '20' }],
  'ledger:remove-entry': [{ id: 'demo-purchase-1' }, { id: 'no-such-entry' }],
  'auto-recharge:get': [{}],
  'auto-recharge:set': [
    { settings: ADD_10_BELOW_5, apply: false },
    { settings: null, apply: false },
  ],
  // A project key is refused by name; the Admin-shaped one is the key the leak checks look for.
  'key:set': [{ key: FAKE_PROJECT_KEY }, { key: FAKE_ADMIN_KEY }],
  'key:clear': [{}],
  'key:test': [{}],
  'sync:refresh-now': [{}],
  'notifications:test': [{}],
  'data:export': [{ format: 'csv' }, { format: 'json' }],
};

/** A value nested `depth` deep, built without recursion. */
function nested(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

/** Values no field expects. `jsonOnly`: what survives JSON (for HTTP); else also what IPC can carry. */
export function hostileValue(jsonOnly: boolean): fc.Arbitrary<unknown> {
  // JSON.stringify recurses: deeper text goes over HTTP as raw bytes instead.
  const depth = jsonOnly ? 500 : 5000;
  const json: fc.Arbitrary<unknown>[] = [
    fc.string(),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom('', ' ', '\u0000', '\u202e\u200b', '𝔰𝔞𝔩𝔡𝔬', '\ud800', '-0', '1e999', '0x10', '١٢'),
    fc.constant('9'.repeat(100_000)),
    fc.constant(`pasted ${FAKE_ADMIN_KEY} here`),
    fc.constant(FAKE_ADMIN_KEY.slice(3, 29)),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, 1e308, -1, 0),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue(), { maxLength: 5 }),
    fc.jsonValue({ maxDepth: 4 }),
    fc.constant(nested(depth, (inner) => ({ a: inner }))),
    fc.constant(nested(depth, (inner) => [inner])),
    fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}')),
    fc.constant({ constructor: { prototype: { polluted: 'yes' } } }),
  ];
  if (jsonOnly) return fc.oneof(...json);
  return fc.oneof(
    ...json,
    fc.constantFrom(NaN, Infinity, -Infinity, -0, undefined, 10n ** 30n, new Date(Number.NaN)),
    fc.constantFrom(new Map([['a', 1]]), new Set([1]), new Uint8Array(8), Object.create(null)),
  );
}

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  FAKE_ADMIN_KEY,
  '',
  'k'.repeat(10_000),
];

/** One payload for `channel`: an example as is, an example with one field replaced or one added, or anything. */
export function payloadFor(channel: Channel, jsonOnly: boolean): fc.Arbitrary<unknown> {
  const examples = EXAMPLES[channel] as Record<string, unknown>[];
  const example = fc.constantFrom(...examples);
  const value = hostileValue(jsonOnly);
  const withField = (keys: fc.Arbitrary<string>) =>
    fc.tuple(example, keys, value).map(([base, key, v]) => {
      // defineProperty: a `__proto__` key becomes an own field, as JSON.parse makes it.
      const copy: Record<string, unknown> = { ...base };
      Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
      return copy;
    });
  const known = [...new Set(examples.flatMap((e) => Object.keys(e)))];
  return fc.oneof(
    { arbitrary: example, weight: 2 },
    { arbitrary: withField(known.length > 0 ? fc.constantFrom(...known) : fc.string()), weight: 4 },
    { arbitrary: withField(fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string())), weight: 2 },
    { arbitrary: value, weight: 2 },
  );
}

/** A stack frame, a source file with its line, Node's internals or the checkout's path. */
const STACK =
  /\n\s+at\s|\bat\s+\S+\s+\((?:\/|node:|file:)|\.(?:ts|tsx|js|cjs|mjs):\d+:\d+|node:internal|node_modules/;

/** 12-character pieces of a key, the way the secret search looks for them. */
export function keyPieces(key: string, size = 12): string[] {
  const pieces: string[] = [];
  for (let at = 0; at + size <= key.length; at += size) pieces.push(key.slice(at, at + size));
  return pieces;
}

/** What text an answer must not hold, named; empty when it holds none. */
export function leaksIn(text: string, secrets: readonly string[] = []): string[] {
  const found: string[] = [];
  if (STACK.test(text)) found.push(`stack trace: ${STACK.exec(text)![0]}`);
  if (text.includes(KEY_MARK)) found.push('key mark');
  for (const key of [FAKE_ADMIN_KEY, FAKE_PROJECT_KEY])
    if (keyPieces(key).some((piece) => text.includes(piece))) found.push('a piece of a key');
  for (const secret of secrets) if (text.includes(secret)) found.push('a secret');
  return found;
}
