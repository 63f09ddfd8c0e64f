/**
 * The spend-limit alert: "nearly reached" at 90 % of OpenAI's hard monthly limit, "reached"
 * (critical) at 100 %, each told once per UTC month, re-armed within it only by a limit raised
 * far enough, and never on stale figures.
 */
import { describe, expect, it } from 'vitest';
import { input, notified, runSyncs, T0, usd } from './alert-test-kit';

const LIMIT = usd(120);
const DAY = 86_400_000;
/** A complete sync on day `day` of November with `spent` dollars this month against `limit`. */
const sync = (spent: number, limit: bigint | null = LIMIT, day = 0) =>
  input({ at: T0 + day * DAY, monthSpend: usd(spent), spendLimit: limit });

const spendLimitAlerts = (step: { alerts: { kind: string; id: string; severity: string }[] }) =>
  step.alerts.filter((alert) => alert.kind === 'spend-limit').map(({ id, severity }) => ({ id, severity }));

describe('the spend-limit alert', () => {
  it('is quiet below 90 % and without a limit', () => {
    const steps = runSyncs([sync(107.99), sync(500, null)]);
    expect(steps.map(spendLimitAlerts)).toEqual([[], []]);
  });

  it('warns at 90 % with the amounts, then goes critical when the limit is reached, each told once', () => {
    const steps = runSyncs([sync(100), sync(108), sync(110), sync(120), sync(125)]);
    expect(notified(steps)).toEqual([null, 'spend-limit-90:2026-11', null, 'spend-limit-100:2026-11', null]);
    expect(spendLimitAlerts(steps[1]!)).toEqual([{ id: 'spend-limit-90:2026-11', severity: 'warning' }]);
    // Only the highest step is listed: "reached" says what "nearly reached" did.
    expect(spendLimitAlerts(steps[4]!)).toEqual([{ id: 'spend-limit-100:2026-11', severity: 'critical' }]);
    expect(steps[1]!.notify).toMatchObject({
      view: 'overview',
      title: {
        en: 'Spend limit nearly reached: $108.00 of $120.00 this month (90%)',
        nl: 'Uitgavenlimiet bijna bereikt: US$\u00a0108,00 van US$\u00a0120,00 deze maand (90%)',
      },
      body: {
        en: "Once this month's spend reaches it, OpenAI refuses API requests. Raise it in OpenAI's limits settings if you need more.",
      },
    });
    expect(steps[3]!.notify).toMatchObject({
      title: {
        en: 'Spend limit reached: $120.00 of $120.00 this month (100%)',
        nl: 'Uitgavenlimiet bereikt: US$\u00a0120,00 van US$\u00a0120,00 deze maand (100%)',
      },
      body: {
        nl: expect.stringContaining('OpenAI weigert API-verzoeken tot de maand voorbij is') as unknown,
      },
    });
  });

  it('starts over in a new month', () => {
    const december = input({
      at: Date.UTC(2026, 11, 1, 9),
      month: '2026-12',
      monthSpend: usd(110),
      spendLimit: LIMIT,
    });
    const steps = runSyncs([sync(110), december]);
    expect(notified(steps)).toEqual(['spend-limit-90:2026-11', 'spend-limit-90:2026-12']);
  });

  it('re-arms within the month only once a raised limit leaves 10 % to spare', () => {
    // $110 of $120 warns; raised to $130 (84.6 %: within the margin) it stays latched, so back to
    // $120 it says nothing new; raised to $150 (73 %) it re-arms, and crossing 90 % again is told.
    const steps = runSyncs([
      sync(110),
      sync(110, usd(130)),
      sync(110, LIMIT),
      sync(110, usd(150)),
      sync(136, usd(150)),
    ]);
    expect(notified(steps)).toEqual(['spend-limit-90:2026-11', null, null, null, 'spend-limit-90:2026-11']);
    expect(steps.map(spendLimitAlerts).map((alerts) => alerts.length)).toEqual([1, 0, 1, 0, 1]);
  });

  it('is critical at once when OpenAI refused a sync for the spend limit, though the costs lag behind', () => {
    const refused = { ...sync(60), complete: false, syncQuotaCode: 'organization_spend_limit_exceeded' };
    const otherQuota = { ...sync(60), complete: false, syncQuotaCode: 'insufficient_quota' };
    const steps = runSyncs([sync(60), otherQuota, refused, refused, sync(60), refused]);
    expect(notified(steps)).toEqual([null, null, 'spend-limit-exceeded', null, null, 'spend-limit-exceeded']);
    expect(spendLimitAlerts(steps[3]!)).toEqual([{ id: 'spend-limit-exceeded', severity: 'critical' }]);
    // The next sync that works re-arms it: the limit was raised, or a new month began.
    expect(spendLimitAlerts(steps[4]!)).toEqual([]);
    expect(steps[2]!.notify?.title).toEqual({
      en: 'Spend limit reached: OpenAI refuses API requests',
      nl: 'Uitgavenlimiet bereikt: OpenAI weigert API-verzoeken',
    });
  });

  it('says OpenAI’s refusal instead of the figures’ "reached" while both hold', () => {
    const steps = runSyncs([
      sync(125),
      { ...sync(125), complete: false, syncQuotaCode: 'organization_spend_limit_exceeded' },
    ]);
    expect(spendLimitAlerts(steps[1]!)).toEqual([{ id: 'spend-limit-exceeded', severity: 'critical' }]);
  });

  it('neither fires nor re-arms on the figures of a failed sync', () => {
    const stale = { ...sync(118), complete: false };
    expect(notified(runSyncs([sync(100), stale]))).toEqual([null, null]);
  });
});
