/** Grants as a real table (ux.md §5), the source as each row's header; the columns are the caller's. */
import { CREDIT_KIND_LABELS, creditKind } from '../../../shared/account/credit-kind';
import type { GrantRow } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { DataTable, type Column } from '../../components/DataTable';
import { StatusMark, type Tone } from '../../components/StatusMark';
import { creditsMessages } from '../../i18n/messages/credits';

export type GrantColumn = Column<GrantRow>;

const STATUS_TONE: Record<GrantRow['status'], Tone> = {
  active: 'ok',
  pending: 'info',
  depleted: 'info',
  expired: 'warning',
};

export function GrantStatus({ grant }: { grant: GrantRow }) {
  const m = useMessages(creditsMessages);
  return <StatusMark tone={STATUS_TONE[grant.status]} label={m.status[grant.status]} />;
}

export function GrantTable(props: {
  caption: string;
  columns: readonly GrantColumn[];
  grants: readonly GrantRow[];
  rowClass?(grant: GrantRow): string | undefined;
}) {
  const { language } = useApp();
  const m = useMessages(creditsMessages);
  return (
    <DataTable
      className="grant-table"
      caption={props.caption}
      rowHeader={{
        header: m.grants.source,
        cell: (grant) => CREDIT_KIND_LABELS[language][creditKind(grant.source)],
      }}
      columns={props.columns}
      rows={props.grants}
      rowKey={(grant) => grant.id}
      rowClass={props.rowClass}
    />
  );
}
