/**
 * The projection in sentences (ux.md §1 Auto-recharge 2): the next recharge, recharges and cost
 * per month, the day the monthly limit stops them and what happens then, and when credit runs out.
 */
import { utcMonthOf } from '../../../shared/billing/instant';
import type { Projection, RechargeSettings } from '../../../shared/dashboard/recharge-projection';
import { count, date, daysAhead, money, type Language } from '../../i18n/format';
import type { autoRechargeMessages } from '../../i18n/messages/auto-recharge';

export function projectionFacts(
  projection: Projection,
  /** The form's setting; null: not set. */
  settings: RechargeSettings | null,
  context: { now: number; language: Language; m: (typeof autoRechargeMessages)['en']['projection'] },
): string[] {
  const { now, language, m } = context;
  const usd = (micros: number) => money(micros, language);
  const facts: string[] = [];
  if (settings === null || !settings.enabled) {
    facts.push(m.off);
  } else {
    const next = projection.nextRechargeAt;
    facts.push(
      next === null ? m.noRecharge : m.nextRecharge(date(next, language), daysAhead(next, now, language)),
    );
    const { perMonth } = projection;
    facts.push(
      perMonth.count === 0
        ? m.nonePerMonth
        : m.perMonth(count(Math.round(perMonth.count * 10) / 10, language), usd(perMonth.cost)),
    );
    if (projection.limitReachedAt !== null && settings.monthlyLimit !== null) {
      facts.push(
        m.limitReached(
          usd(settings.monthlyLimit),
          date(projection.limitReachedAt, language),
          date(utcMonthOf(projection.limitReachedAt).end, language),
        ),
      );
    }
  }
  facts.push(projection.runsOutAt === null ? m.lasts : m.runsOut(date(projection.runsOutAt, language)));
  return facts;
}
