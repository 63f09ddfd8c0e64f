import { describe, expect, it } from 'vitest';
import { autoRechargeFromSimulator } from '../../../../electron/core/monitor/demo-auto-recharge';

describe("the simulator's auto-recharge in the ledger's shape", () => {
  const none = { threshold: null, amount: null, target: null, monthlyLimit: null };

  it('takes numbers and decimal strings as USD text; what is left out is null, the mode "add"', () => {
    expect(autoRechargeFromSimulator({ enabled: true, threshold: 10, amount: '12.50' })).toEqual({
      ...none,
      enabled: true,
      threshold: '10',
      mode: 'add',
      amount: '12.50',
    });
    expect(
      autoRechargeFromSimulator({
        enabled: true,
        threshold: '5',
        mode: 'topUp',
        target: 42.5,
        monthlyLimit: 100,
      }),
    ).toEqual({ ...none, enabled: true, threshold: '5', mode: 'topUp', target: '42.5', monthlyLimit: '100' });
    expect(autoRechargeFromSimulator({ enabled: false, threshold: null })).toEqual({
      ...none,
      enabled: false,
      mode: 'add',
    });
  });

  it('is null for what the ledger would refuse', () => {
    for (const raw of [
      null,
      'on',
      {},
      { enabled: 'yes' },
      { enabled: true, mode: 'sometimes', threshold: 5, amount: 10 },
      // Enabled without an amount to buy, or above the purchase limits.
      { enabled: true, threshold: 5 },
      { enabled: true, threshold: 5, amount: 60 },
      // More than micro-dollar precision, and a number JSON writes in exponent form.
      { enabled: true, threshold: 5, amount: 10.0000001 },
      { enabled: true, threshold: 1e21, amount: 10 },
      { enabled: true, threshold: -1, amount: 10 },
    ]) {
      expect(autoRechargeFromSimulator(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});
