/**
 * The summary strip (ux.md §1 Credits 1): available, expiring in the next 30 days, likely to go
 * unused. Only active and pending credits count; without a pace, "likely unused" is unknown.
 */
import type { AccountView } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { money } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { creditsMessages } from '../../i18n/messages/credits';
import { creditTotals } from './grant-order';

export function CreditSummary({ account }: { account: AccountView }) {
  const { state, language } = useApp();
  const m = useMessages(creditsMessages);
  const common = useMessages(commonMessages);
  const totals = creditTotals(state.grants, state.now);
  const figures = [
    { label: m.summary.available, value: money(account.available, language) },
    { label: m.summary.expiringSoon, value: money(totals.expiringSoon, language) },
    {
      label: m.summary.likelyUnused,
      // What goes unused rests on the pace of spend: without a week of it, there is none to tell.
      value: account.paceKnown ? money(totals.likelyUnused, language) : common.dash,
    },
  ];
  return (
    <section aria-label={m.summary.label}>
      <dl className="figure-grid">
        {figures.map((figure) => (
          <div key={figure.label} className="figure-grid__item">
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
