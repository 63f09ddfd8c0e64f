import { describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../shared/alerts/alert';
import { ALERT_KINDS } from '../../../shared/alerts/alert-schema';
import { DEFAULT_ALERT_SETTINGS } from '../../../shared/alerts/alert-settings';
import { formatMoney } from '../../../shared/alerts/alert-format';
import { notificationFor, testNotification } from '../../../shared/alerts/notifier';
import { autoRecharge, DAY, failsIn, HOUR, input, runSyncs, T0, usd } from './alert-test-kit';

/** One sync sequence that fires every kind of alert somewhere along it. */
function everyAlert(): Alert[] {
  const settings = { ...DEFAULT_ALERT_SETTINGS, forecastWarnings: true, monthlyBudget: usd(100) };
  const grants = [{ id: 'g1', expiresAt: T0 + 5 * DAY, remaining: usd(20) }];
  const recharge = (id: string) => ({ id, at: T0, amount: usd(20) });
  const steps = runSyncs(
    [
      input({ autoRecharge: autoRecharge({ lastRecharge: recharge('auto-1') }) }),
      input({
        at: T0 + HOUR,
        balance: usd(4.2),
        ...failsIn(2),
        grants,
        forfeitRisk: [{ id: 'g1', expiresAt: T0 + 5 * DAY, amount: usd(3) }],
        monthSpend: usd(100),
        spendLimit: usd(105),
        autoRecharge: autoRecharge({ hasRoom: false, lastRecharge: recharge('auto-2') }),
      }),
      input({ at: T0 + 2 * HOUR, balance: usd(-1.37), autoRecharge: autoRecharge({ threshold: usd(10) }) }),
      input({ at: T0 + 4 * HOUR, balance: usd(6), autoRecharge: autoRecharge({ threshold: usd(10) }) }),
      input({ at: T0 + 6 * HOUR, balance: usd(6), autoRecharge: autoRecharge({ threshold: usd(10) }) }),
      input({ at: T0 + 6 * HOUR, complete: false, syncFailingSince: T0 + 5 * HOUR }),
    ],
    settings,
    {},
    [undefined, undefined, undefined, undefined, undefined, T0 + 7 * HOUR],
  );
  return steps.flatMap((step) => step.alerts);
}

describe('alert copy', () => {
  const alerts = everyAlert();

  it('the walk-through reaches every kind', () => {
    expect(new Set(alerts.map((a) => a.kind))).toEqual(new Set(ALERT_KINDS));
  });

  it.each(ALERT_KINDS)('%s: English and Dutch, amounts in each language’s format, no identity', (kind) => {
    for (const alert of alerts.filter((a) => a.kind === kind)) {
      for (const text of [alert.title, alert.body]) {
        expect(text.en.length).toBeGreaterThan(10);
        expect(text.nl.length).toBeGreaterThan(10);
        expect(text.nl).not.toBe(text.en);
        // Dutch keeps "US$" so nobody reads euro; English never shows it.
        if (/\$\d/.test(text.en)) expect(text.nl).toMatch(/US\$\u00a0-?\d/);
        expect(text.en).not.toContain('US$');
        // The informal "je", never "u"/"uw" (ux.md §3).
        expect(text.nl).not.toMatch(/\b(u|uw)\b/);
        expect(`${text.en} ${text.nl}`).not.toMatch(/sk-|org-|@/);
      }
      expect(alert.title.en).not.toMatch(/\.$/);
    }
  });

  it('states the fact with the amount in the title', () => {
    const low = alerts.find((a) => a.kind === 'low-balance')!;
    expect(low.title).toEqual({ en: 'Low balance: $4.20 left', nl: 'Laag saldo: nog US$\u00a04,20' });
    expect(low.body.en).toBe(
      "At your current pace API requests start to fail in about 2 days. Buy credit on OpenAI's billing page to keep your API calls working.",
    );
    const negative = alerts.find((a) => a.kind === 'negative-balance')!;
    expect(negative.title).toEqual({ en: 'Negative balance: -$1.37', nl: 'Negatief saldo: US$\u00a0-1,37' });
  });
});

describe('formatMoney', () => {
  it.each([
    [usd(1234.56), '$1,234.56', 'US$\u00a01.234,56'],
    [usd(-12.5), '-$12.50', 'US$\u00a0-12,50'],
    [0n, '$0.00', 'US$\u00a00,00'],
    [4_204_999n, '$4.20', 'US$\u00a04,20'],
    [4_205_000n, '$4.21', 'US$\u00a04,21'],
    [3n, '< $0.01', '< US$\u00a00,01'],
    [-3n, '< -$0.01', '< US$\u00a0-0,01'],
    [5_000n, '$0.01', 'US$\u00a00,01'],
  ])('%s µ$ → %s / %s', (micros, en, nl) => {
    expect(formatMoney(micros, 'en')).toBe(en);
    expect(formatMoney(micros, 'nl')).toBe(nl);
  });

  it('builds one formatter per language, not one per amount', () => {
    // Each language used once first: whatever ran before, both formatters exist from here on.
    formatMoney(1n, 'en');
    formatMoney(1n, 'nl');
    const built = vi.spyOn(Intl, 'NumberFormat');
    try {
      for (let cents = 0n; cents < 50n; cents++) {
        formatMoney(cents * 10_000n, 'en');
        formatMoney(-cents * 10_000n, 'nl');
      }
      expect(built).not.toHaveBeenCalled();
      expect(formatMoney(usd(-12.5), 'nl')).toBe('US$\u00a0-12,50');
    } finally {
      built.mockRestore();
    }
  });
});

describe('notificationFor', () => {
  it('critical alerts are urgent and stay; ids replace, groups by kind', () => {
    const alerts = everyAlert();
    const usedUp = notificationFor(
      alerts.find((a) => a.kind === 'credit-used-up')!,
      {
        language: 'nl',
        notificationSound: true,
      },
    );
    expect(usedUp).toMatchObject({
      id: 'credit-used-up',
      groupId: 'saldo-credit-used-up',
      urgency: 'critical',
      timeoutType: 'never',
      view: 'overview',
      title: 'Tegoed op: US$\u00a00,00 beschikbaar',
      silent: false,
    });
    const expiry = notificationFor(
      alerts.find((a) => a.kind === 'expiry')!,
      {
        language: 'en',
        notificationSound: false,
      },
    );
    expect(expiry).toMatchObject({
      urgency: 'normal',
      timeoutType: 'default',
      view: 'credits',
      silent: true,
    });
  });

  it('the test notification says what it is in the UI language, replaces itself and opens Settings', () => {
    expect(testNotification({ language: 'en', notificationSound: true })).toEqual({
      id: 'saldo-test',
      groupId: 'saldo-test',
      title: 'Saldo notifications work',
      body: 'This is how Saldo tells you, before your API requests start to fail. Clicking it opens Saldo.',
      urgency: 'normal',
      timeoutType: 'default',
      view: 'settings',
      silent: false,
    });
    expect(testNotification({ language: 'nl', notificationSound: false })).toMatchObject({
      title: 'Meldingen van Saldo werken',
      silent: true,
    });
  });
});
