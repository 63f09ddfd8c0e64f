/**
 * The demo is an OpenAI account as Saldo sees one: its ledger starts with what an owner would have
 * recorded, what the user records in it stays, and each new simulator (a restart, every CLI
 * command) is made the same account as the ledger. Real stores in a temp dir, the embedded
 * simulator over real HTTP, its clock standing still.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAmount } from '../../../../shared/billing/money';
import { openMonitor, type OpenedMonitor } from '../../../../electron/core/monitor';

const START_AT = Date.UTC(2026, 10, 27, 9, 30);
const FROZEN = 1e-9;

const opened: OpenedMonitor[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const monitor of opened.splice(0)) await monitor.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-demo-ledger-'));
  dirs.push(dir);
  return dir;
}

/** The demo in `dir`, with a new simulator: what a launch of the app or a CLI command opens. */
async function openDemo(dir: string): Promise<OpenedMonitor> {
  const result = await openMonitor({
    env: { SALDO_DEMO: '1' },
    dir,
    demo: { simulator: { startAt: START_AT, speed: FROZEN }, backend: { maxRetries: 0 } },
  });
  if (!result.ok) throw new Error(result.message);
  opened.push(result.value);
  return result.value;
}

async function synced(dir: string): Promise<OpenedMonitor> {
  const demo = await openDemo(dir);
  expect(await demo.monitor.syncOnce()).toMatchObject({ ok: true, balanceError: null });
  return demo;
}

/** The simulated account as its control API reads it. */
async function simulated(demo: OpenedMonitor) {
  const response = await fetch(`${demo.simulatorUrl()}/sim/state`);
  const state = (await response.json()) as {
    account: { balance: number; grants: { id: string }[]; calibrations: { at: string; observed: number }[] };
  };
  return {
    balance: parseAmount(state.account.balance)!,
    ids: state.account.grants.map((grant) => grant.id),
    readings: state.account.calibrations.map(({ at, observed }) => ({ at, observed })),
  };
}

const balanceOf = (demo: OpenedMonitor): bigint => demo.monitor.state().result!.balance;

describe('the demo account', () => {
  it('starts with the purchases, the free credit and one balance correction, and mirrors auto-recharge', async () => {
    const demo = await synced(tempDir());
    const ledger = demo.ledger.read();
    const kinds = ledger.entries.map((entry) => `${entry.type}:${entry.id}`);
    expect(kinds).toContain('grant:demo-grant-welcome');
    expect(kinds).toContain('balance:demo-balance');
    expect(kinds.filter((kind) => kind.startsWith('purchase:demo-purchase-')).length).toBeGreaterThan(1);
    expect(ledger.entries.every((entry) => entry.id.startsWith('demo-'))).toBe(true);
    // The reading at the end of yesterday: every day's cost before it, today's after.
    expect(ledger.entries.find((entry) => entry.type === 'balance')?.at).toBe('2026-11-26T23:59:59.999Z');
    expect(ledger.autoRecharge).toMatchObject({
      enabled: true,
      threshold: '10',
      amount: '20',
      monthlyLimit: '80',
    });

    // As OpenAI: no balance reported, so nothing the provider listed, and the engine recharges.
    expect(ledger.observedBalance).toBeNull();
    expect(demo.capabilities().balance).toBe('absent');
    const result = demo.monitor.state().result!;
    expect(result.autoRecharges.length).toBeGreaterThan(0);
    // The reading is in cents, as the billing page shows it: a correction up is less than a cent.
    for (const grant of result.grants.filter((grant) => grant.source === 'calibration')) {
      expect(grant.amount).toBeLessThan(10_000n);
    }
    const reading = ledger.entries.find((entry) => entry.type === 'balance');
    expect(reading?.type === 'balance' && /^\d+(\.\d{1,2})?$/.test(reading.balance)).toBe(true);
    expect(balanceOf(demo)).toBe((await simulated(demo)).balance);
  });

  it('keeps a purchase recorded in the demo through the next sync, on a new simulator too', async () => {
    const dir = tempDir();
    const first = await synced(dir);
    const before = balanceOf(first);
    // The CLI's way: recorded in the ledger alone, the next command's sync starts a new simulator.
    const recorded = first.ledger.addPurchase({ amount: '20', at: '2026-11-27T09:00:00Z', id: 'INV-20' });
    expect(recorded.ok).toBe(true);
    await first.close();

    const next = await synced(dir);
    expect(balanceOf(next)).toBe(before + 20_000_000n);
    // One correction, the demo's own: no reading undid the purchase.
    expect(next.monitor.state().result!.calibrations).toHaveLength(1);
    expect(next.ledger.read().entries.filter((entry) => entry.id === 'INV-20')).toHaveLength(1);
    const account = await simulated(next);
    expect(account.ids).toContain('INV-20');
    expect(account.balance).toBe(balanceOf(next));

    // Another sync on the same simulator leaves it there.
    expect((await next.monitor.syncOnce()).ok).toBe(true);
    expect(balanceOf(next)).toBe(before + 20_000_000n);
  });

  it('a restart keeps the ledger and the simulated account one account: entries, corrections and settings', async () => {
    const dir = tempDir();
    const first = await synced(dir);
    expect(first.ledger.addGrant({ amount: '5', at: '2026-11-20T12:00:00Z', id: 'PROMO' }).ok).toBe(true);
    expect(first.ledger.addBalance({ balance: '33.25', at: '2026-11-20T00:00:00Z', id: 'READ-1' }).ok).toBe(
      true,
    );
    expect(
      first.ledger.setAutoRecharge({
        enabled: true,
        threshold: '15',
        mode: 'topUp',
        amount: null,
        target: '45',
        monthlyLimit: null,
      }).ok,
    ).toBe(true);
    const seedIds = first.ledger
      .read()
      .entries.filter((entry) => entry.id.startsWith('demo-'))
      .map((entry) => entry.id);
    await first.close();

    const next = await synced(dir);
    const entries = next.ledger.read().entries;
    // The seed replaced, not added again; the user's entries kept, once.
    expect(entries.filter((entry) => entry.id.startsWith('demo-')).map((entry) => entry.id)).toEqual(seedIds);
    expect(entries.filter((entry) => entry.id === 'PROMO' || entry.id === 'READ-1')).toHaveLength(2);
    const account = await simulated(next);
    expect(account.ids).toContain('PROMO');
    expect(account.readings).toContainEqual({ at: '2026-11-20T00:00:00Z', observed: 33.25 });
    expect(account.balance).toBe(balanceOf(next));
    const settings = await (await fetch(`${next.simulatorUrl()}/sim/auto-recharge`)).json();
    expect(settings).toMatchObject({ enabled: true, mode: 'topUp', threshold: '15', target: '45' });
  });
});
