/** What happens next to the credit: the next expiry and the next expected auto-recharge (ux.md §1 Overview 5). */
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { ViewLink } from '../../components/ViewLink';
import { date, days, daysAhead, money } from '../../i18n/format';
import { overviewMessages } from '../../i18n/messages/overview';
import { nextExpiry } from '../../../shared/dashboard/credit-outlook';
import { nextRecharge } from './overview-figures';

export function NextEvents() {
  const { language, state } = useApp();
  const m = useMessages(overviewMessages);
  const when = (instant: number) =>
    m.dateAhead(date(instant, language), daysAhead(instant, state.now, language));

  const expiry = nextExpiry(state.grants, state.now);
  const expiryText =
    expiry === null
      ? m.noExpiry
      : expiry.unused > 0
        ? m.expiryUnused(
            money(expiry.amount, language),
            when(expiry.expiresAt),
            money(expiry.unused, language),
          )
        : m.expiry(money(expiry.amount, language), when(expiry.expiresAt));

  const recharge = nextRecharge(state);
  const rechargeText =
    recharge.kind === 'off'
      ? m.rechargeOff
      : recharge.kind === 'unknown'
        ? m.notEnoughData
        : recharge.kind === 'none-soon'
          ? m.rechargeNotSoon(days(recharge.days, language))
          : recharge.kind === 'blocked'
            ? m.rechargeBlocked(money(recharge.limit, language), date(recharge.until, language))
            : recharge.at <= state.now
              ? m.rechargeDue(money(recharge.threshold, language))
              : m.rechargeExpected(when(recharge.at), money(recharge.threshold, language));

  return (
    <Card title={m.comingUp} className="overview-events">
      <dl>
        <dt>
          <ViewLink view="credits">{m.nextExpiry}</ViewLink>
        </dt>
        <dd>{expiryText}</dd>
        <dt>
          <ViewLink view="auto-recharge">{m.nextRecharge}</ViewLink>
        </dt>
        <dd>{rechargeText}</dd>
      </dl>
    </Card>
  );
}
