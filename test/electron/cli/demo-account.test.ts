/**
 * The demo account through the CLI, as a new user meets it: what is recorded there says where it
 * went and how to watch one's own account, a purchase recorded there stays through the next sync,
 * and the dashboard's snapshot of the same ledger says the same balance. In-process through
 * `runCli`, in a temp SALDO_HOME, the embedded simulator over real HTTP.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/bridge/dispatch';
import { openBridgeSession } from '../../../electron/core/bridge/session';
import { MemorySecretStore } from '../../../electron/core/secrets';
import { openStores } from '../../../electron/core/stores';
import { dashboardStateSchema } from '../../../shared/bridge/dashboard-state';
import { expectNoStackTrace, runInProcess, type CliRun } from './cli-harness';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function newHome(language: 'en' | 'nl' = 'en'): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-cli-demo-'));
  cleanups.push(() => fs.rmSync(home, { recursive: true, force: true }));
  if (language !== 'en') {
    const stores = openStores({ dir: home });
    if (!stores.ok) throw new Error(stores.error.message);
    expect(stores.settings.update({ language }).ok).toBe(true);
  }
  return home;
}

function expectOk(run: CliRun): CliRun {
  expect(run, run.stderr).toMatchObject({ code: 0 });
  expectNoStackTrace(run);
  return run;
}

/** Every command that records something, in an order that works on a fresh ledger. */
const RECORDING: string[][] = [
  ['purchase', 'add', '--amount', '20', '--id', 'inv-1'],
  ['grant', 'add', '--amount', '5', '--id', 'promo'],
  ['calibrate', '--balance', '30'],
  ['auto-recharge', 'set', '--threshold', '5', '--amount', '10'],
  ['auto-recharge', 'off'],
  ['ledger', 'remove', 'inv-1'],
];

describe('recording on the demo account', () => {
  it('with no key set, every recording command says it went to the demo, and how to set a key', async () => {
    const env = { SALDO_HOME: newHome() };
    for (const args of RECORDING) {
      const run = expectOk(await runInProcess(args, { env }));
      expect(run.stdout, args.join(' ')).toMatch(
        /\nThis went to the demo account, not yours\. To watch your own OpenAI account, store an Admin key with `saldo key set` \(or set OPENAI_ADMIN_KEY\)\.\n$/,
      );
    }
  });

  it('in Dutch when the settings say so, with no English sentence', async () => {
    const env = { SALDO_HOME: newHome('nl') };
    for (const args of RECORDING) {
      const run = expectOk(await runInProcess(args, { env }));
      const note = run.stdout.split('\n').at(-2)!;
      expect(note, args.join(' ')).toBe(
        'Dit ging naar het demo-account, niet naar het jouwe. Wil je je eigen OpenAI-account volgen, sla dan ' +
          'een Admin-sleutel op met `saldo key set` (of zet OPENAI_ADMIN_KEY).',
      );
    }
  });

  it('under SALDO_DEMO=1 it says that variable is why', async () => {
    const env = { SALDO_HOME: newHome(), SALDO_DEMO: '1' };
    const run = expectOk(await runInProcess(['purchase', 'add', '--amount', '20'], { env }));
    expect(run.stdout).toMatch(
      /^Recorded purchase \S+\.\nThis went to the demo account, not yours: SALDO_DEMO=1 is set\./,
    );
    expect(run.stdout).toMatch(/`saldo key set` \(or OPENAI_ADMIN_KEY\)\.\n$/);
  });
});

describe('the demo account end to end', () => {
  it('keeps a purchase through the next sync, and the dashboard says the same balance to the cent', async () => {
    const home = newHome();
    const env = { SALDO_HOME: home, SALDO_DEMO: '1' };
    const status = async () => JSON.parse(expectOk(await runInProcess(['status', '--json'], { env })).stdout);

    expectOk(await runInProcess(['sync'], { env }));
    const before = (await status()).balance as number;
    const list = expectOk(await runInProcess(['ledger', 'list'], { env })).stdout;
    expect(list).toMatch(/demo-purchase-1\s+purchase/);
    expect(list).toMatch(/demo-grant-welcome\s+grant/);
    expect(list).toMatch(/demo-balance\s+balance/);

    expectOk(await runInProcess(['purchase', 'add', '--amount', '20', '--id', 'inv-20'], { env }));
    expect((await status()).balance).toBeCloseTo(before + 20, 1);
    expectOk(await runInProcess(['sync'], { env }));
    const after = await status();
    // The clock runs: a few seconds of usage may come between; the purchase does not go away.
    expect(after.balance).toBeCloseTo(before + 20, 1);
    expect(after.calibrations).toHaveLength(1);
    expect(after.grants.map((grant: { id: string }) => grant.id)).toContain('inv-20');

    // The export names each credit: the owner's purchases, the engine's recharges, the free
    // credit and the one correction — none listed, none called free credit that was bought.
    const exported = JSON.parse(expectOk(await runInProcess(['export', '--format', 'json'], { env })).stdout);
    const kinds = (records: { id: string; kind: string }[]) =>
      Object.fromEntries(records.map((record) => [record.id, record.kind]));
    const grants = kinds(exported.grants);
    expect(grants).toMatchObject({
      'demo-purchase-1': 'purchase',
      'demo-grant-welcome': 'free-credit',
      'inv-20': 'purchase',
      'auto-1': 'auto-recharge',
    });
    expect(Object.values(grants)).not.toContain('listed');
    expect(exported.calibrations.map((calibration: { kind: string }) => calibration.kind)).toEqual([
      'correction',
    ]);
    const csv = expectOk(await runInProcess(['export', '--format', 'csv'], { env })).stdout;
    expect(csv).toMatch(/\r\ngrant,demo-grant-welcome,[^,]+,25,grant,free-credit,/);
    expect(csv).toMatch(/\r\npurchase,auto-1,[^,]+,20,auto,auto-recharge,/);

    const opened = await openBridgeSession({
      env,
      dir: home,
      openSecrets: async () => new MemorySecretStore(),
      demo: { backend: { maxRetries: 0 } },
    });
    if (!opened.ok) throw new Error(opened.message);
    cleanups.push(() => opened.session.close());
    const answer = (await dispatch(opened.session.handlers, 'state:get', {}, { checkResponses: true })) as {
      value: unknown;
    };
    const snapshot = dashboardStateSchema.parse(answer.value);
    expect(Math.round(snapshot.account!.balance / 10_000)).toBe(Math.round(after.balance * 100));
  }, 60_000);
});
