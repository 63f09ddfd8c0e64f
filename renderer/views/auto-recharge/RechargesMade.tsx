/**
 * Every recharge made, with its date, amount, the balance that triggered it and the month's total
 * against the limit, and the recharges the monthly limit blocked (ux.md §6.6: charges nobody can
 * explain). Where the provider lists credits without saying which were recharges, it says so
 * rather than "none".
 */
import { CREDIT_KIND_LABELS } from '../../../shared/account/credit-kind';
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { dateTime, date, money } from '../../i18n/format';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { commonMessages } from '../../i18n/messages/common';
import { microsOfUsdText } from '../../i18n/usd-input';
import { madeRows } from './recharges-made';

export function RechargesMade() {
  const { state, language } = useApp();
  const m = useMessages(autoRechargeMessages).made;
  const common = useMessages(commonMessages);
  const { made, blocked, settings } = state.autoRecharge;
  const rows = madeRows(made);
  const limit = settings?.monthlyLimit ?? null;
  const usd = (micros: number) => money(micros, language);
  return (
    <Card title={m.title}>
      {rows.length === 0 ? (
        <EmptyState
          title={
            state.grants.some((grant) => grant.source === 'provider')
              ? m.listedOnly(CREDIT_KIND_LABELS[language].listed)
              : m.empty
          }
        />
      ) : (
        <DataTable
          caption={m.caption}
          rowHeader={{ header: m.date, cell: (row) => dateTime(row.at, language) }}
          columns={[
            { header: m.amount, numeric: true, cell: (row) => usd(row.amount) },
            {
              header: m.balanceBefore,
              numeric: true,
              cell: (row) => (row.balanceBefore === null ? common.dash : usd(row.balanceBefore)),
            },
            {
              header: m.monthTotal,
              numeric: true,
              cell: (row) =>
                limit === null
                  ? usd(row.monthTotal)
                  : m.ofLimit(usd(row.monthTotal), usd(microsOfUsdText(limit))),
            },
          ]}
          rows={rows}
          rowKey={(row) => row.id}
        />
      )}
      {blocked.length === 0 ? null : (
        <ul className="recharges-blocked">
          {blocked.map((block) => (
            <li key={block.month}>{m.blocked(usd(block.amount), date(block.at, language))}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
