/** Active and pending credits in drawing order, those expiring within 30 days marked (ux.md §1 Credits 2). */
import type { GrantRow } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { EmptyState } from '../../components/EmptyState';
import { StatusMark } from '../../components/StatusMark';
import { date, daysAhead, money } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { creditsMessages } from '../../i18n/messages/credits';
import { GrantStatus, GrantTable, type GrantColumn } from './GrantTable';
import { expiresSoon, inDrawingOrder } from './grant-order';

export function ActiveGrants() {
  const { state, language } = useApp();
  const m = useMessages(creditsMessages);
  const common = useMessages(commonMessages);
  const grants = inDrawingOrder(state.grants);
  const usd = (micros: number) => money(micros, language);

  function expiry(grant: GrantRow) {
    const relative = daysAhead(grant.expiresAt, state.now, language);
    return (
      <span className="grant-expiry">
        <span>{date(grant.expiresAt, language)}</span>{' '}
        {expiresSoon(grant, state.now) ? (
          <StatusMark tone="warning" label={m.grants.expiringSoon(relative)} />
        ) : (
          <span className="grant-expiry__relative">{relative}</span>
        )}
      </span>
    );
  }

  const columns: GrantColumn[] = [
    { header: m.grants.amount, numeric: true, cell: (grant) => usd(grant.amount) },
    { header: m.grants.used, numeric: true, cell: (grant) => usd(grant.used) },
    { header: m.grants.left, numeric: true, cell: (grant) => usd(grant.remaining) },
    { header: m.grants.boughtOn, cell: (grant) => date(grant.at, language) },
    { header: m.grants.expires, cell: expiry },
    { header: m.grants.status, cell: (grant) => <GrantStatus grant={grant} /> },
    {
      header: m.grants.unusedAtExpiry,
      numeric: true,
      cell: (grant) => (grant.forfeitRisk === 0 ? common.dash : usd(grant.forfeitRisk)),
    },
  ];

  return (
    <Card title={m.grants.title}>
      {grants.length === 0 ? (
        <EmptyState title={m.grants.empty}>
          <p>{m.grants.emptyHint}</p>
        </EmptyState>
      ) : (
        <GrantTable
          caption={m.grants.caption}
          columns={columns}
          grants={grants}
          rowClass={(grant) => (expiresSoon(grant, state.now) ? 'grant-table__row--soon' : undefined)}
        />
      )}
    </Card>
  );
}
