import { describe, expect, it } from 'vitest';
import { alertInputFrom } from '../../../shared/alerts/alert-input';
import { evaluateAlerts } from '../../../shared/alerts/evaluate-alerts';
import { DEFAULT_ALERT_SETTINGS } from '../../../shared/alerts/alert-settings';
import { run } from '../billing/billing-test-helpers';
import { usd } from './alert-test-kit';

const NOW = '2026-03-20T00:00:00Z';
const policy = { minPurchase: 5, maxPurchase: 50, expiryMonths: 12, creditDelayMinutes: 0 };

/** A real engine result: $20 bought, spent down until auto-recharge (limit $40) runs out of room. */
function engineCase(monthlyLimit: number) {
  const events: unknown[] = [{ type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 20 }];
  for (let day = 2; day <= 19; day++) {
    events.push({ type: 'usage', at: `2026-03-${String(day).padStart(2, '0')}T12:00:00Z`, amount: 3 });
  }
  const autoRecharge = { enabled: true, threshold: 5, mode: 'add', amount: 20, monthlyLimit };
  const result = run({
    now: NOW,
    policy,
    autoRecharge,
    forecast: { windowDays: 7, expiryWarningDays: 30 },
    events,
  });
  const settings = {
    threshold: usd(5),
    mode: 'add' as const,
    amount: usd(20),
    target: 0n,
    monthlyLimit: usd(monthlyLimit),
  };
  return { result, settings };
}

/** The reading's figures an alert repeats; requests failing in 8 days. */
const reading = (
  historyDays: number,
  spendLimit: { limit: number; spentThisMonth: number; fraction: number } | null = null,
) => ({
  failsAt: Date.parse(NOW) + 8 * 86_400_000,
  failsInDays: 8,
  historyDays,
  spendLimit,
});

describe('alertInputFrom', () => {
  it('summarises the engine’s result and the sync', () => {
    const { result, settings } = engineCase(40);
    const input = alertInputFrom(result, reading(19), {
      now: Date.parse(NOW),
      autoRecharge: settings,
      policy: { minPurchase: usd(5), maxPurchase: usd(50) },
      sync: { complete: true, lastOkAt: Date.parse(NOW), failingSince: null },
    });
    expect(input).toMatchObject({
      at: Date.parse(NOW),
      complete: true,
      balance: result.balance,
      available: result.available,
      debt: result.debt,
      quotaExhausted: result.quotaExhausted,
      month: '2026-03',
      monthSpend: usd(54),
      // What the screens say, from the reading.
      failsInDays: 8,
      historyDays: 19,
      spendLimit: null,
      lastSyncOkAt: Date.parse(NOW),
      syncFailingSince: null,
    });
    const limited = alertInputFrom(
      result,
      reading(19, { limit: 60 * 1_000_000, spentThisMonth: 54 * 1_000_000, fraction: 0.9 }),
      {
        now: Date.parse(NOW),
        autoRecharge: settings,
        policy: { minPurchase: usd(5), maxPurchase: usd(50) },
        sync: { complete: true, lastOkAt: Date.parse(NOW), failingSince: null },
      },
    );
    expect(limited.spendLimit).toBe(usd(60));
    expect(limited.syncQuotaCode).toBeNull();
    // $20 + 2 × $20 recharged, $54 spent: the $40 limit is used, so the next recharge has no room
    // (not blocked yet: the balance of $6 is still above the $5 threshold).
    expect(input.autoRecharge).toMatchObject({
      threshold: usd(5),
      monthlyLimit: usd(40),
      nextAmount: usd(20),
      usedThisMonth: usd(40),
      rechargesThisMonth: 2,
      blockedThisMonth: false,
      hasRoom: false,
      lastRecharge: { id: 'auto-2', amount: usd(20) },
    });
    expect(input.balance).toBe(usd(6));
    expect(input.grants.map((g) => g.id)).toEqual(['auto-2']);

    const decision = evaluateAlerts({
      previous: null,
      current: input,
      settings: { ...DEFAULT_ALERT_SETTINGS, lowBalanceThreshold: usd(10) },
      memory: {},
      now: Date.parse(NOW),
    });
    expect(decision.alerts.map((a) => a.id)).toEqual(['low-balance', 'recharge-limit']);
    expect(decision.notify?.id).toBe('low-balance');
  });

  it('top-up mode: the next recharge is the gap to the target, within the purchase limits', () => {
    const { result } = engineCase(1000);
    const base = {
      now: Date.parse(NOW),
      policy: { minPurchase: usd(5), maxPurchase: usd(50) },
      sync: { complete: true, lastOkAt: null, failingSince: null },
    };
    const topUp = (target: number) =>
      alertInputFrom(result, reading(0), {
        ...base,
        autoRecharge: {
          threshold: usd(5),
          mode: 'topUp',
          amount: 0n,
          target: usd(target),
          monthlyLimit: null,
        },
      }).autoRecharge!;
    const balance = Number(result.balance) / 1e6;
    expect(topUp(balance + 12).nextAmount).toBe(usd(12));
    expect(topUp(balance + 1).nextAmount).toBe(usd(5));
    expect(topUp(balance + 500).nextAmount).toBe(usd(50));
    expect(topUp(balance + 500).hasRoom).toBe(true);
  });

  it('auto-recharge off: no auto-recharge state', () => {
    const { result } = engineCase(40);
    const input = alertInputFrom(result, reading(0), {
      now: Date.parse(NOW),
      autoRecharge: null,
      policy: { minPurchase: usd(5), maxPurchase: usd(50) },
      sync: { complete: false, lastOkAt: null, failingSince: Date.parse(NOW) },
    });
    expect(input.autoRecharge).toBeNull();
    expect(input).toMatchObject({ complete: false, syncFailingSince: Date.parse(NOW) });
  });
});
