/** What happens next to the credit: the next expiry and the next expected auto-recharge (ux.md §1 Overview 5), as the account reading has them. */
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { ViewLink } from '../../components/ViewLink';
import { date, daysAhead, money } from '../../i18n/format';
import { overviewMessages } from '../../i18n/messages/overview';
import type { AccountView } from '../../../shared/bridge';
import { rechargeCase } from '../../../shared/account/outlook';

export function NextEvents({ account }: { account: AccountView }) {
  const { language, state } = useApp();
  const m = useMessages(overviewMessages);
  const when = (instant: number) =>
    m.dateAhead(date(instant, language), daysAhead(instant, state.now, language));

  const expiry = account.nextExpiry;
  const expiryText =
    expiry === null
      ? m.noExpiry
      : expiry.unused > 0
        ? m.expiryUnused(money(expiry.amount, language), when(expiry.at), money(expiry.unused, language))
        : m.expiry(money(expiry.amount, language), when(expiry.at));

  const recharge = rechargeCase(account);
  const rechargeText =
    recharge.kind === 'off'
      ? m.rechargeOff
      : recharge.kind === 'unknown'
        ? m.notEnoughData
        : recharge.kind === 'none'
          ? m.rechargeNotSoon(date(recharge.until, language))
          : recharge.kind === 'blocked'
            ? m.rechargeBlocked(when(recharge.at))
            : recharge.at <= account.now
              ? m.rechargeDue(money(recharge.amount, language))
              : m.rechargeExpected(money(recharge.amount, language), when(recharge.at));

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
