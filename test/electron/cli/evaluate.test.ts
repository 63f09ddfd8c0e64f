/**
 * `saldo evaluate`: the spec's worked examples end to end through a real process (file path and
 * stdin), and malformed cases (spec §4 last paragraph, §10): exit 2, nothing on stdout, one
 * `error: <field>: …` line naming the field. The process runs prove the wiring (stdio, exit code,
 * no stack trace); the full table of malformed cases runs in-process through the same `runCli`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isLosslessNumber, parse } from 'lossless-json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpecCases, specDifferences } from '../../support/spec-cases';
import { expectNoStackTrace, expectUsageError, runInProcess, spawnSaldo, type CliRun } from './cli-harness';

const cases = loadSpecCases();

const NOW = '"now": "2026-03-01T00:00:00Z"';
const EVENTS = '"events": [{ "type": "purchase", "id": "p1", "at": "2026-01-01T00:00:00Z", "amount": 20 }]';
/** A valid case with `extra` fields appended (JSON text, without the leading comma). */
const caseWith = (extra: string): string => `{ ${NOW}, ${EVENTS}${extra === '' ? '' : `, ${extra}`} }`;

/** [what, case text, field the error must name]. */
const MALFORMED: readonly (readonly [string, string, string])[] = [
  ['not JSON', `{ ${NOW},\n "events": [`, 'case'],
  ['not JSON (a bare word)', 'evaluate', 'case'],
  ['not JSON (trailing garbage)', `${caseWith('')} x`, 'case'],
  ['not JSON (a duplicate key)', `{ ${NOW}, "now": "2026-03-02T00:00:00Z", ${EVENTS} }`, 'case'],
  ['not JSON (a raw newline in a string)', '{ "now": "2026-03-01\n" }', 'case'],
  ['empty input', '', 'case'],
  ['only white space', ' \n\t ', 'case'],
  ['a top-level array', `[${caseWith('')}]`, 'case'],
  ['a top-level string', '"2026-03-01T00:00:00Z"', 'case'],
  ['a top-level number', '42', 'case'],
  ['a top-level null', 'null', 'case'],
  ['missing now', `{ ${EVENTS} }`, 'now'],
  ['now null (absent)', `{ "now": null, ${EVENTS} }`, 'now'],
  ['unreadable now (not a calendar date)', `{ "now": "2026-02-30T00:00:00Z", ${EVENTS} }`, 'now'],
  ['unreadable now (no zone)', `{ "now": "2026-03-01T00:00:00", ${EVENTS} }`, 'now'],
  ['unreadable now (a space for T)', `{ "now": "2026-03-01 00:00:00Z", ${EVENTS} }`, 'now'],
  ['unreadable now (a number)', `{ "now": 1772323200000, ${EVENTS} }`, 'now'],
  ['unreadable now (year 10000)', `{ "now": "+010000-01-01T00:00:00Z", ${EVENTS} }`, 'now'],
  ['missing events', `{ ${NOW} }`, 'events'],
  ['events an object', `{ ${NOW}, "events": {} }`, 'events'],
  ['events a string', `{ ${NOW}, "events": "[]" }`, 'events'],
  ['a bad account', caseWith('"account": "postpaid"'), 'account'],
  ['an account in the wrong case', caseWith('"account": "Prepaid"'), 'account'],
  ['policy not an object', caseWith('"policy": [5, 50]'), 'policy'],
  ['policy.minPurchase 0', caseWith('"policy": { "minPurchase": 0 }'), 'policy.minPurchase'],
  ['policy.minPurchase unreadable', caseWith('"policy": { "minPurchase": "1e999" }'), 'policy.minPurchase'],
  [
    'policy.maxPurchase below min',
    caseWith('"policy": { "minPurchase": 10, "maxPurchase": 5 }'),
    'policy.maxPurchase',
  ],
  ['policy.expiryMonths fractional', caseWith('"policy": { "expiryMonths": 1.5 }'), 'policy.expiryMonths'],
  ['policy.expiryMonths a string', caseWith('"policy": { "expiryMonths": "12" }'), 'policy.expiryMonths'],
  ['policy.expiryMonths 0', caseWith('"policy": { "expiryMonths": 0 }'), 'policy.expiryMonths'],
  [
    'policy.creditDelayMinutes negative',
    caseWith('"policy": { "creditDelayMinutes": -1 }'),
    'policy.creditDelayMinutes',
  ],
  ['autoRecharge not an object', caseWith('"autoRecharge": true'), 'autoRecharge'],
  [
    'autoRecharge.enabled not a boolean',
    caseWith('"autoRecharge": { "enabled": "yes" }'),
    'autoRecharge.enabled',
  ],
  [
    'enabled autoRecharge missing threshold',
    caseWith('"autoRecharge": { "enabled": true, "amount": 20 }'),
    'autoRecharge.threshold',
  ],
  [
    'enabled autoRecharge with a negative threshold',
    caseWith('"autoRecharge": { "enabled": true, "threshold": -1, "amount": 20 }'),
    'autoRecharge.threshold',
  ],
  [
    'enabled autoRecharge with an unknown mode',
    caseWith('"autoRecharge": { "enabled": true, "threshold": 5, "mode": "topup", "amount": 20 }'),
    'autoRecharge.mode',
  ],
  [
    'enabled add autoRecharge missing amount',
    caseWith('"autoRecharge": { "enabled": true, "threshold": 5 }'),
    'autoRecharge.amount',
  ],
  [
    'enabled add autoRecharge above maxPurchase',
    caseWith('"autoRecharge": { "enabled": true, "threshold": 5, "amount": 51 }'),
    'autoRecharge.amount',
  ],
  [
    'enabled topUp autoRecharge with target ≤ threshold',
    caseWith('"autoRecharge": { "enabled": true, "threshold": 5, "mode": "topUp", "target": 5 }'),
    'autoRecharge.target',
  ],
  [
    'enabled autoRecharge with monthlyLimit 0',
    caseWith('"autoRecharge": { "enabled": true, "threshold": 5, "amount": 20, "monthlyLimit": 0 }'),
    'autoRecharge.monthlyLimit',
  ],
  ['forecast not an object', caseWith('"forecast": 7'), 'forecast'],
  ['forecast.windowDays a string', caseWith('"forecast": { "windowDays": "7" }'), 'forecast.windowDays'],
  ['forecast.windowDays 0', caseWith('"forecast": { "windowDays": 0 }'), 'forecast.windowDays'],
  [
    'forecast.expiryWarningDays negative',
    caseWith('"forecast": { "expiryWarningDays": -1 }'),
    'forecast.expiryWarningDays',
  ],
];

/** A case whose result (~400 kB) is more than a pipe holds. */
const BIG_CASE = JSON.stringify({
  now: '2026-02-01T00:00:00Z',
  events: Array.from({ length: 1000 }, (_, i) => ({
    type: 'grant',
    id: `g${i}`,
    at: '2026-01-01T00:00:00Z',
    amount: 1,
  })),
});

/** Cases that look odd but are valid (spec §1: null is absent; §7: a disabled auto-recharge is not checked). */
const VALID_ODDITIES: readonly (readonly [string, string])[] = [
  ['null settings', caseWith('"account": null, "policy": null, "autoRecharge": null, "forecast": null')],
  ['a disabled auto-recharge with bad settings', caseWith('"autoRecharge": { "enabled": false, "mode": 7 }')],
  ['unknown fields', caseWith('"about": { "x": [1, 2] }, "__proto__": { "now": 1 }')],
  ['no events', `{ ${NOW}, "events": [] }`],
  ['a bad event (rejected, not an error)', `{ ${NOW}, "events": [42, { "type": "usage" }] }`],
];

function expectResultOf(run: CliRun, expected: unknown): void {
  expectNoStackTrace(run);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.endsWith('}\n')).toBe(true);
  const actual = parse(run.stdout);
  expect(specDifferences(actual, expected)).toEqual([]);
  // specDifferences compares values; the spec also fixes the field order.
  expect(Object.keys(actual as object)).toEqual(Object.keys(expected as object));
}

describe('saldo evaluate as a process (node bin/saldo.cjs)', () => {
  let dir: string;
  const runs = new Map<string, CliRun>();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'saldo-cli-'));
    const missingNow = path.join(dir, 'missing-now.json');
    await writeFile(missingNow, `{ ${EVENTS} }`);
    // Every process at once: each costs a few hundred milliseconds of tsx start-up.
    const jobs: [string, Promise<CliRun>][] = [
      ...cases.map((c) => [c.name, spawnSaldo(['evaluate', c.casePath])] as [string, Promise<CliRun>]),
      ['stdin', spawnSaldo(['evaluate', '-'], JSON.stringify(cases[0]!.input))],
      ['not JSON on stdin', spawnSaldo(['evaluate', '-'], `{ ${NOW},\n "events": [`)],
      ['empty stdin', spawnSaldo(['evaluate', '-'], '')],
      ['windowDays a string', spawnSaldo(['evaluate', '-'], caseWith('"forecast": { "windowDays": "7" }'))],
      ['missing now in a file', spawnSaldo(['evaluate', missingNow])],
      ['missing file', spawnSaldo(['evaluate', path.join(dir, 'no-such-case.json')])],
      ['reader gone', spawnSaldo(['evaluate', '-'], BIG_CASE, 10)],
    ];
    const results = await Promise.all(jobs.map(([, job]) => job));
    jobs.forEach(([name], i) => runs.set(name, results[i]!));
  }, 60_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the worked examples', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s.json gives its .expected.json', (name, specCase) => {
    expectResultOf(runs.get(name)!, specCase.expected);
  });

  it('reads the case from stdin with -', () => {
    expectResultOf(runs.get('stdin')!, cases[0]!.expected);
  });

  it('writes amounts as exact JSON numbers', () => {
    const actual = parse(runs.get(cases[0]!.name)!.stdout) as Record<string, unknown>;
    expect(isLosslessNumber(actual.available)).toBe(true);
  });

  it.each([
    ['not JSON on stdin', 'case'],
    ['empty stdin', 'case'],
    ['windowDays a string', 'forecast.windowDays'],
    ['missing now in a file', 'now'],
  ])('%s: exit 2, one error line naming %s', (name, field) => {
    expectUsageError(runs.get(name)!, field);
  });

  it('stops quietly when the reader goes away early (EPIPE): no stack trace', () => {
    const run = runs.get('reader gone')!;
    expectNoStackTrace(run);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('a missing file: exit 2, one error line', () => {
    const run = runs.get('missing file')!;
    expectUsageError(run, 'case');
    expect(run.stderr).toContain('no-such-case.json');
    expect(run.stderr).toContain('no such file');
  });
});

describe('saldo evaluate in-process (runCli)', () => {
  it.each(MALFORMED)('%s: exit 2, one error line', async (_what, text, field) => {
    expectUsageError(await runInProcess(['evaluate', '-'], { stdin: text }), field);
  });

  it.each(MALFORMED.slice(0, 3))('%s, read from a file: the same error', async (_what, text, field) => {
    expectUsageError(await runInProcess(['evaluate', 'case.json'], { files: { 'case.json': text } }), field);
  });

  it.each(VALID_ODDITIES)('%s: exit 0 with a result', async (_what, text) => {
    const run = await runInProcess(['evaluate', '-'], { stdin: text });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(typeof parse(run.stdout)).toBe('object');
  });

  it('gives the same output as the process for every worked example', async () => {
    for (const specCase of cases) {
      const run = await runInProcess(['evaluate', '-'], { stdin: JSON.stringify(specCase.input) });
      expectResultOf(run, specCase.expected);
    }
  });

  it('keeps the exact decimals of the file (numbers read as text)', async () => {
    const text = `{ ${NOW}, "events": [
      { "type": "grant", "id": "g", "at": "2026-01-01T00:00:00Z", "amount": 0.1234565 },
      { "type": "usage", "at": "2026-01-02T00:00:00Z", "amount": 0.0000005 } ] }`;
    const run = await runInProcess(['evaluate', '-'], { stdin: text });
    const result = parse(run.stdout) as { available: { value: string } };
    expect(result.available.value).toBe('0.123456');
  });

  it('takes exactly one case file', async () => {
    expectUsageError(await runInProcess(['evaluate']), 'evaluate');
    expectUsageError(await runInProcess(['evaluate', 'a.json', 'b.json']), 'evaluate');
  });

  it('a file that cannot be read: exit 2, the reason in one line', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    const run = await runInProcess(['evaluate', 'case.json'], {
      io: { readFile: () => Promise.reject(denied) },
    });
    expectUsageError(run, 'case');
    expect(run.stderr).toContain('EACCES');
  });

  it('stdin that cannot be read: exit 2, one line', async () => {
    const run = await runInProcess(['evaluate', '-'], {
      io: { readStdin: () => Promise.reject(new Error('boom')) },
    });
    expectUsageError(run, 'case');
  });

  it('a path with a colon or a newline stays in one line, out of the field', async () => {
    const run = await runInProcess(['evaluate', 'C:\\cases\nnew.json']);
    expectUsageError(run, 'case');
    expect(run.stderr).toContain('C:\\\\cases\\nnew.json');
  });

  it('an internal failure is an error (exit 2) and one line, without the stack', async () => {
    const stdout = (): void => {
      throw new TypeError('stdout is gone');
    };
    const run = await runInProcess(['evaluate', '-'], { stdin: caseWith(''), io: { stdout } });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'error: internal: TypeError\n' });
  });
});
