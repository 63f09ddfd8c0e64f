/**
 * What the user types comes back as typed: amounts with every digit recorded (20.001 is not $20.00),
 * and an instant option given as a date taken as 00:00 UTC — the same for `--at` and `--expires` in
 * every command, and said so in `--help`. In-process, in a temp SALDO_HOME, on an OpenAI account
 * whose backend is never reached (nothing here syncs but `check`, which is asked to fail).
 */
import { describe, expect, it } from 'vitest';
import { helpText } from '../../../electron/cli/run';
import { FAKE_ADMIN_KEY } from '../core/secrets/secrets-test-kit';
import { errorField, runInProcess } from './cli-harness';
import { succeeding, tempHomes } from './temp-homes';

const newHome = tempHomes();
const OPENAI_ACCOUNT = { OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
const user = (language: 'en' | 'nl' = 'en') => succeeding(newHome(language), OPENAI_ACCOUNT);

describe('amounts as recorded', () => {
  it('ledger list shows 20.001 as $20.001, and whole amounts with cents', async () => {
    const run = user();
    await run('purchase', 'add', '--amount', '20.001', '--at', '2026-11-01T10:00:00Z', '--id', 'odd');
    await run('grant', 'add', '--amount', '5', '--at', '2026-11-01T10:00:00Z', '--id', 'promo');
    await run('calibrate', '--balance', '24.999999', '--at', '2026-11-02T10:00:00Z');
    const list = await run('ledger', 'list');
    expect(list).toMatch(/odd\s+purchase\s+.*\$20\.001\s+manual/);
    expect(list).toMatch(/promo\s+grant\s+.*\$5\.00\s/);
    expect(list).toMatch(/balance\s+.*\$24\.999999\s+calibration/);
  });

  it('in Dutch too: US$ 20,001', async () => {
    const run = user('nl');
    await run('purchase', 'add', '--amount', '20.001', '--at', '2026-11-01T10:00:00Z');
    expect(await run('ledger', 'list')).toMatch(/US\$\s20,001\s+manual/);
  });

  it('the mirrored auto-recharge settings keep their digits', async () => {
    const run = user();
    const set = await run('auto-recharge', 'set', '--threshold', '10.005', '--amount', '20.25');
    expect(set).toMatch(/^Auto-recharge: buys \$20\.25 when the balance falls below \$10\.005\n/);
  });

  it('check names the minimum as typed', async () => {
    const env = { SALDO_HOME: newHome(), SALDO_DEMO: '1' };
    const run = await runInProcess(['check', '--min', '100000.001'], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toMatch(/< \$100,000\.001/);
  });
});

describe('instant options', () => {
  it('take a date alone as 00:00 UTC, for --at and --expires alike', async () => {
    const run = user();
    await run('purchase', 'add', '--amount', '20', '--at', '2026-11-01', '--id', 'bought');
    await run(
      'grant',
      'add',
      '--amount',
      '5',
      '--at',
      '2026-11-02',
      '--expires',
      '2027-01-01',
      '--id',
      'promo',
    );
    await run('calibrate', '--balance', '24', '--at', '2026-11-03');
    const { entries } = JSON.parse(await run('ledger', 'list', '--json'));
    expect(entries).toEqual([
      expect.objectContaining({ id: 'bought', at: '2026-11-01T00:00:00Z' }),
      expect.objectContaining({ id: 'promo', at: '2026-11-02T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }),
      expect.objectContaining({ type: 'balance', at: '2026-11-03T00:00:00Z' }),
    ]);
  });

  it.each([
    ['purchase', 'add', '--amount', '1', '--at', '2026-02-30'],
    ['purchase', 'add', '--amount', '1', '--at', 'yesterday'],
    ['grant', 'add', '--amount', '1', '--expires', '1 Jan 2027'],
    ['calibrate', '--balance', '1', '--at', '2026-11-01 10:00'],
  ])('refuse anything else naming both forms: %s %s … %s %s', async (...args) => {
    const run = await runInProcess(args, { env: { SALDO_HOME: newHome(), SALDO_DEMO: '1' } });
    expect(run.code).toBe(2);
    expect(errorField(run.stderr)).toBe(args.includes('--expires') ? 'expires' : 'at');
    expect(run.stderr).toContain(
      'a date like 2030-01-01 (taken as 00:00 UTC) or an instant like 2030-01-01T12:00:00Z',
    );
  });

  it('--help says both forms, and every instant option points to them', () => {
    const help = helpText();
    expect(help).toContain(
      'WHEN: a date like 2030-01-01 (taken as 00:00 UTC) or an instant like 2030-01-01T12:00:00Z',
    );
    expect(help).not.toMatch(/ISO/);
    expect(help.match(/--(at|expires) WHEN/g)).toHaveLength(4);
  });
});
