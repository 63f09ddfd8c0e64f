/** Expired and used-up credits, collapsed and outside every total (ux.md §1 Credits 3). */
import { useApp, useMessages } from '../../app-context';
import { count, date, money } from '../../i18n/format';
import { creditsMessages } from '../../i18n/messages/credits';
import { GrantStatus, GrantTable, type GrantColumn } from './GrantTable';
import { historyOf } from './grant-order';

export function GrantHistory() {
  const { state, language } = useApp();
  const m = useMessages(creditsMessages);
  const grants = historyOf(state.grants);
  if (grants.length === 0) return null;
  const usd = (micros: number) => money(micros, language);
  const columns: GrantColumn[] = [
    { header: m.grants.amount, numeric: true, cell: (grant) => usd(grant.amount) },
    { header: m.grants.used, numeric: true, cell: (grant) => usd(grant.used) },
    { header: m.history.expiredUnused, numeric: true, cell: (grant) => usd(grant.forfeited) },
    { header: m.grants.boughtOn, cell: (grant) => date(grant.at, language) },
    { header: m.history.expiryDate, cell: (grant) => date(grant.expiresAt, language) },
    { header: m.grants.status, cell: (grant) => <GrantStatus grant={grant} /> },
  ];
  return (
    <details className="card grant-history">
      <summary>{m.history.summary(count(grants.length, language))}</summary>
      <GrantTable caption={m.history.caption} columns={columns} grants={grants} />
    </details>
  );
}
