/** Three small figures under the balance (ux.md §1 Overview 4); the negative balance only when there is one. */
import type { AccountView } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { money } from '../../i18n/format';
import { overviewMessages } from '../../i18n/messages/overview';

export function CreditFigures({ account }: { account: AccountView }) {
  const { language } = useApp();
  const m = useMessages(overviewMessages);
  return (
    <dl className="overview-figures" aria-label={m.figures}>
      <Figure label={m.available} value={money(account.available, language)} />
      <Figure label={m.pending} value={money(account.pending, language)} hint={m.pendingHint} />
      {account.debt === 0 ? null : (
        <Figure
          label={m.negativeBalance}
          value={money(-account.debt, language)}
          hint={m.negativeBalanceHint}
        />
      )}
    </dl>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="overview-figures__item">
      <dt>{label}</dt>
      <dd className="overview-figures__value">{value}</dd>
      {hint ? <dd className="overview-figures__hint">{hint}</dd> : null}
    </div>
  );
}
