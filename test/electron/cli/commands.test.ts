/**
 * Every `saldo` command end to end in a temp SALDO_HOME: in-process through `runCli` (fast) against
 * the simulator over real HTTP — as the demo (SALDO_DEMO=1, the embedded one) or as an OpenAI
 * account (OPENAI_ADMIN_KEY + OPENAI_BASE_URL at a simulator of the test's own) — and a few runs as
 * a real process for the exit codes scripts rely on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type RunningSimulator } from '../../../electron/core/simulator';
import { openStores } from '../../../electron/core/stores';
import { expectNoKey, FAKE_ADMIN_KEY } from '../core/secrets/secrets-test-kit';
import { prepareDemo, prepareLowBalanceDemo } from '../support/demo-data-dir';
import {
  errorField,
  expectNoStackTrace,
  runInProcess,
  spawnSaldo,
  type CliRun,
  filesUnder,
} from './cli-harness';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function newHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-cli-'));
  homes.push(home);
  return home;
}

/** A user of the demo account, and one of an OpenAI account (the test's simulator). */
function demoUser(home = newHome()) {
  const env = { SALDO_HOME: home, SALDO_DEMO: '1' };
  return { home, env, run: (...args: string[]) => runInProcess(args, { env }) };
}

function accountUser(home = newHome()) {
  const env = { SALDO_HOME: home, OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY, OPENAI_BASE_URL: sim.baseUrl };
  return { home, env, run: (...args: string[]) => runInProcess(args, { env }) };
}

function expectOk(run: CliRun): CliRun {
  expect(run, run.stderr).toMatchObject({ code: 0 });
  expectNoStackTrace(run);
  return run;
}

function expectError(run: CliRun, field: string): void {
  expect(run.code, run.stdout).toBe(2);
  expect(errorField(run.stderr), run.stderr).toBe(field);
  expectNoStackTrace(run);
}

describe('saldo status and sync', () => {
  it('before any sync: says there is no data yet, and the JSON has every field anyway', async () => {
    const user = demoUser();
    const text = expectOk(await user.run('status'));
    expect(text.stdout).toMatch(/demo account/);
    expect(text.stdout).toMatch(/No billing data yet: run `saldo sync`/);
    const json = JSON.parse(expectOk(await user.run('status', '--json')).stdout);
    expect(json).toMatchObject({ balance: 0, backend: 'demo', lastSync: null, alerts: [] });
    // status reads only: nothing was written, and the simulator was not started.
    expect(fs.readdirSync(user.home).sort()).toEqual(['demo']);
  });

  it('sync on the demo: the account at a glance, aligned and formatted for the locale', async () => {
    const user = demoUser();
    const synced = expectOk(await user.run('sync'));
    expect(synced.stderr).toBe('Fetching 365 days of history…\n');
    expect(synced.stdout).toMatch(/^Saldo — demo account\n {2}SALDO_DEMO=1 is set/);
    const rows = synced.stdout
      .split('\n')
      .filter((line) => /^ {2}(Balance|Spend|Spend limit|Runway|Last sync) {2}/.test(line));
    // The demo organisation has a spend limit, so its row is there too.
    expect(rows).toHaveLength(5);
    // One column for the values: every label padded to the same width.
    expect(new Set(rows.map((row) => /^ {2}\S.*?\s{2,}/.exec(row)![0].length)).size).toBe(1);
    expect(synced.stdout).toMatch(/Balance\s+\$\d+\.\d\d\n/);

    const json = JSON.parse(expectOk(await user.run('status', '--json')).stdout);
    // The engine's result object at the top level, in the spec's order, then the monitor's fields.
    expect(Object.keys(json).slice(0, 4)).toEqual(['available', 'pending', 'debt', 'balance']);
    expect(Object.keys(json).slice(-3)).toEqual(['backend', 'lastSync', 'alerts']);
    expect(json.backend).toBe('demo');
    expect(json.lastSync).toMatchObject({ ok: true, partial: false, error: null });
    expect(json.balance).toBeGreaterThan(0);
    expect(json.grants.length).toBeGreaterThan(0);
  });

  it('sync --json on an OpenAI account; the key is in no file, no output and no error', async () => {
    const user = accountUser();
    const run = expectOk(await user.run('sync', '--json'));
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ backend: 'openai', lastSync: { ok: true } });
    expectNoKey(run);
    for (const text of filesUnder(user.home)) expectNoKey(text);
  });

  it('a failed sync prints the last good status and one error line, exit 2', async () => {
    const user = accountUser();
    expectOk(await user.run('sync'));
    const env = { ...user.env, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    const failed = await runInProcess(['sync'], { env });
    expect(failed.code).toBe(2);
    expect(failed.stdout).toMatch(/Balance/);
    expect(failed.stdout).toMatch(/Sync problem/);
    expect(failed.stderr).toMatch(/^error: sync: backend network: .+\n$/);
    expectNoKey(failed);
    // The refused connection is retried with backoff (3.5 s) before the sync gives up.
  }, 30_000);

  it('shows Dutch money and dates when the settings say nl', async () => {
    const user = demoUser();
    const stores = openStores({ dir: user.home });
    if (!stores.ok) throw new Error(stores.error.message);
    stores.settings.update({ language: 'nl' });
    const run = expectOk(await user.run('sync'));
    expect(run.stdout).toMatch(/Balance\s+US\$\s\d+,\d\d/);
  });
});

describe('saldo check', () => {
  it('exit 0 when fine, 1 when below, 2 on bad input or a failed sync', async () => {
    const user = demoUser();
    const fine = expectOk(await user.run('check', '--min', '1'));
    expect(fine.stdout).toMatch(/^ok: balance \$\d+\.\d\d, runway: .+\n$/);

    const below = await user.run('check', '--min', '100000');
    expect(below.code).toBe(1);
    expect(below.stdout).toMatch(/^below: balance \$[\d.,]+ < \$100,000\.00\n$/);

    expectError(await user.run('check'), 'min');
    expectError(await user.run('check', '--min', 'ten'), 'min');
    expectError(await user.run('check', '--min', '5', '--runway-days', '2.5'), 'runway-days');
    // A year is as far as the projection looks.
    expectError(await user.run('check', '--min', '5', '--runway-days', '366'), 'runway-days');

    const unreachable = await runInProcess(['check', '--min', '1'], {
      env: {
        SALDO_HOME: newHome(),
        OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY,
        OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      },
    });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^error: sync: /);
    // Four syncs, one of them retrying a refused connection with backoff (3.5 s).
  }, 30_000);

  it('judges the runway every surface shows: when API requests fail, auto-recharge included', async () => {
    const user = demoUser();
    // The demo's auto-recharge recorded as off: about $20 at a few dollars a day fails within weeks.
    prepareDemo(user.home);
    const short = await user.run('check', '--min', '1', '--runway-days', '60');
    expect(short.code, short.stdout).toBe(1);
    expect(short.stdout).toMatch(
      /^below: runway: API requests fail in about \d+ days, around .+ \(< 60 days\)\n$/,
    );
    // The same words `status` prints on its Runway line.
    const status = expectOk(await user.run('status'));
    const runway = /Runway\s+(.+)\n/.exec(status.stdout)![1]!;
    expect(short.stdout).toContain(runway);
    expectOk(await user.run('check', '--min', '1', '--runway-days', '1'));
  }, 30_000);

  it('as a real process, for cron: 0 and 1, nothing on stderr', async () => {
    const home = newHome();
    const env = { PATH: process.env.PATH, SALDO_HOME: home, SALDO_DEMO: '1' };
    const fine = await spawnSaldo(['check', '--min', '1'], '', Infinity, env);
    expect(fine).toMatchObject({ code: 0, stderr: '' });
    const below = await spawnSaldo(['check', '--min', '100000'], '', Infinity, env);
    expect(below).toMatchObject({ code: 1, stderr: '' });
    const bad = await spawnSaldo(['check', '--min', '-'], '', Infinity, env);
    expect(bad.code).toBe(2);
    expect(errorField(bad.stderr)).toBe('min');
    // Three processes, two of them a first sync of the demo: seconds on a loaded 2-core machine.
  }, 30_000);
});

describe('recording what the billing page shows', () => {
  it('purchase add, grant add, calibrate, ledger list and remove', async () => {
    const user = accountUser();
    expectOk(
      await user.run('purchase', 'add', '--amount', '20', '--at', '2026-11-01T10:00:00Z', '--id', 'inv-1'),
    );
    expectOk(
      await user.run('grant', 'add', '--amount', '25', '--expires', '2027-01-01T00:00:00Z', '--id', 'promo'),
    );
    const calibrated = expectOk(await user.run('calibrate', '--balance', '41.50'));
    expect(calibrated.stdout).toMatch(/^Recorded balance [0-9a-f]{8}\.\n$/);

    const list = expectOk(await user.run('ledger', 'list')).stdout;
    expect(list).toMatch(/^ {2}ID\s+TYPE\s+AT\s+AMOUNT\n/);
    expect(list).toMatch(/inv-1\s+purchase\s+Nov 1, 2026.*\$20\.00\s+manual/);
    expect(list).toMatch(/promo\s+grant\s+.*\$25\.00\s+expires Jan 1, 2027/);
    expect(list).toMatch(/balance\s+.*\$41\.50\s+calibration/);

    const json = JSON.parse(expectOk(await user.run('ledger', 'list', '--json')).stdout);
    expect(json.entries.map((entry: { id: string }) => entry.id).slice(0, 2)).toEqual(['inv-1', 'promo']);

    const status = JSON.parse(expectOk(await user.run('status', '--json')).stdout);
    expect(status.balance).toBe(41.5);

    expectOk(await user.run('ledger', 'remove', 'inv-1'));
    expectError(await user.run('ledger', 'remove', 'inv-1'), 'id');
    expect(expectOk(await user.run('ledger', 'list')).stdout).not.toMatch(/inv-1/);
  });

  it('refuses bad input by field name and keeps what was stored', async () => {
    const user = accountUser();
    expectOk(await user.run('purchase', 'add', '--amount', '20', '--id', 'inv-1'));
    const ledgerFile = path.join(user.home, 'ledger.json');
    const before = fs.readFileSync(ledgerFile, 'utf8');
    expectError(await user.run('purchase', 'add'), 'amount');
    expectError(await user.run('purchase', 'add', '--amount', '70'), 'amount');
    expectError(await user.run('purchase', 'add', '--amount', '-5'), 'amount');
    expectError(await user.run('purchase', 'add', '--amount=-5'), 'amount');
    expectError(await user.run('purchase', 'add', '--amount', '20', '--id', 'inv-1'), 'id');
    expectError(await user.run('purchase', 'add', '--amount', '20', '--id', 'auto-1'), 'id');
    expectError(await user.run('purchase', 'add', '--amount', '20', '--at', '2999-01-01T00:00:00Z'), 'at');
    expectError(await user.run('purchase', 'add', '--amount', '20', '--at', 'yesterday'), 'at');
    expectError(await user.run('purchase', 'add', '--amount', '20', '--colour', 'red'), 'purchase add');
    expectError(await user.run('purchase', 'list'), 'purchase');
    expectError(
      await user.run(
        'grant',
        'add',
        '--amount',
        '5',
        '--at',
        '2026-11-01T00:00:00Z',
        '--expires',
        '2026-10-01T00:00:00Z',
      ),
      'expires',
    );
    expectError(await user.run('calibrate', '--balance', 'lots'), 'balance');
    expect(fs.readFileSync(ledgerFile, 'utf8')).toBe(before);
  });

  it('auto-recharge show, set and off, checked against the purchase limits', async () => {
    const user = accountUser();
    expect(expectOk(await user.run('auto-recharge', 'show')).stdout).toBe(
      'Auto-recharge: not recorded (saldo auto-recharge set …)\n',
    );
    const set = await user.run(
      'auto-recharge',
      'set',
      '--threshold',
      '10',
      '--amount',
      '20',
      '--monthly-limit',
      '80',
    );
    expect(expectOk(set).stdout).toBe(
      'Auto-recharge: buys $20.00 when the balance falls below $10.00, at most $80.00 a month\n',
    );
    expect(JSON.parse(expectOk(await user.run('auto-recharge', 'show', '--json')).stdout)).toEqual({
      autoRecharge: {
        enabled: true,
        threshold: '10',
        mode: 'add',
        amount: '20',
        target: null,
        monthlyLimit: '80',
      },
    });
    const topUp = await user.run('auto-recharge', 'set', '--threshold', '5', '--target', '30');
    expect(expectOk(topUp).stdout).toMatch(/tops up to \$30\.00 when the balance falls below \$5\.00\n$/);
    expect(expectOk(await user.run('auto-recharge', 'off')).stdout).toBe('Auto-recharge: off\n');

    expectError(await user.run('auto-recharge', 'set', '--threshold', '10', '--amount', '200'), 'amount');
    expectError(await user.run('auto-recharge', 'set', '--threshold', '10'), 'amount');
    expectError(
      await user.run('auto-recharge', 'set', '--threshold', '10', '--amount', '20', '--target', '30'),
      'amount',
    );
    expectError(await user.run('auto-recharge', 'set', '--amount', '20'), 'threshold');
    expectError(await user.run('auto-recharge', 'maybe'), 'auto-recharge');
    expect(
      JSON.parse(expectOk(await user.run('auto-recharge', 'show', '--json')).stdout).autoRecharge.enabled,
    ).toBe(false);
  });
});

describe('saldo alerts and export', () => {
  it('lists the alerts that hold, in the JSON too', async () => {
    const user = demoUser();
    prepareLowBalanceDemo(user.home);
    expect(expectOk(await user.run('alerts')).stdout).toBe('No alerts.\n');
    expectOk(await user.run('sync'));
    const text = expectOk(await user.run('alerts')).stdout;
    expect(text).toMatch(/^ {2}warning\s+Low balance: \$[\d.,]+ left\n\s+At your current pace/m);
    const json = JSON.parse(expectOk(await user.run('alerts', '--json')).stdout);
    expect(json.alerts).toContainEqual(
      expect.objectContaining({
        id: 'low-balance',
        kind: 'low-balance',
        severity: 'warning',
        view: 'overview',
      }),
    );
    const status = JSON.parse(expectOk(await user.run('status', '--json')).stdout);
    expect(status.alerts).toEqual(json.alerts);
  });

  it('exports CSV and JSON for bookkeeping, to stdout or a 0600 file', async () => {
    const user = accountUser();
    expect(expectOk(await user.run('export', '--format', 'csv')).stdout).toBe(
      'record,id,date,amount,source,kind,effective_at,expires_at,used,forfeited,remaining,status,observed,computed,drift\r\n',
    );
    expectOk(
      await user.run('purchase', 'add', '--amount', '20', '--at', '2026-11-01T10:00:00Z', '--id', 'inv-1'),
    );
    expectOk(await user.run('sync'));
    const csv = expectOk(await user.run('export', '--format', 'csv')).stdout;
    expect(csv).toMatch(/\r\ngrant,inv-1,2026-11-01T10:00:00Z,20,manual,purchase,/);
    expect(csv).toMatch(/\r\npurchase,inv-1,2026-11-01T10:00:00Z,20,manual,purchase,/);
    expect(csv).toMatch(/\r\ndaily_spend,,\d{4}-\d\d-\d\d,[\d.]+,/);

    const out = path.join(user.home, 'export.json');
    const written = expectOk(await user.run('export', '--format', 'json', '--out', out));
    expect(written.stdout).toBe('');
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const json = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(json).toMatchObject({ currency: 'USD', purchases: [{ id: 'inv-1', amount: '20' }] });
    expect(json.dailySpend.length).toBeGreaterThan(0);

    expectError(await user.run('export'), 'format');
    expectError(await user.run('export', '--format', 'xlsx'), 'format');
    expectError(
      await user.run('export', '--format', 'csv', '--out', path.join(user.home, 'no', 'such', 'dir.csv')),
      'out',
    );
  });
});
