/**
 * Grants as a real table (ux.md §5): a caption, column headers, the source as each row's header and
 * right-aligned amounts in tabular digits. The columns are the caller's.
 */
import type { ReactNode } from 'react';
import type { GrantRow } from '../../../shared/bridge';
import { useMessages } from '../../app-context';
import { StatusMark, type Tone } from '../../components/StatusMark';
import { creditsMessages } from '../../i18n/messages/credits';

export interface GrantColumn {
  header: string;
  /** Amounts: right-aligned, tabular digits. */
  numeric?: boolean;
  cell(grant: GrantRow): ReactNode;
}

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
  const m = useMessages(creditsMessages);
  return (
    <div className="table-scroll">
      <table className="grant-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.grants.source}</th>
            {props.columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.grants.map((grant) => (
            <tr key={grant.id} className={props.rowClass?.(grant)}>
              <th scope="row">{m.source[grant.source]}</th>
              {props.columns.map((column) => (
                <td key={column.header} className={column.numeric ? 'num' : undefined}>
                  {column.cell(grant)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
