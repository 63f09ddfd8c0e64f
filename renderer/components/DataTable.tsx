/**
 * A real table (ux.md §5): a caption, column headers, a header cell leading each row, right-aligned
 * amounts in tabular digits, and optionally a footer row of totals. The columns are the caller's.
 * Where the window is too narrow for every column, the table scrolls sideways in its own container,
 * which then says so above it and can be scrolled with the keyboard; the caption stays in view.
 */
import { useId, type ReactNode } from 'react';
import { useMessages } from '../app-context';
import { commonMessages } from '../i18n/messages/common';
import { useHorizontalOverflow } from './useHorizontalOverflow';

export interface Column<Row> {
  header: string;
  /** Amounts: right-aligned, tabular digits. */
  numeric?: boolean;
  cell(row: Row, index: number): ReactNode;
  /** This column's cell in the footer row. */
  total?: ReactNode;
}

/** A captioned table of `rows`: `rowHeader` leads each row, `columns` follow. */
export function DataTable<Row>(props: {
  caption: string;
  /** The first column, each row's header. */
  rowHeader: Omit<Column<Row>, 'numeric' | 'total'>;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  rowClass?(row: Row): string | undefined;
  /** The footer row's header; the footer holds each column's `total`. */
  footer?: string;
  className?: string;
  testId?: string;
}) {
  const { columns } = props;
  const { scrollSideways } = useMessages(commonMessages);
  const [scroller, overflows] = useHorizontalOverflow<HTMLDivElement>();
  const id = useId();
  const numeric = (column: Column<Row>) => (column.numeric ? 'num' : undefined);
  return (
    <>
      {overflows ? (
        <p id={`${id}-cue`} className="table-scroll__cue">
          {scrollSideways}
        </p>
      ) : null}
      <div
        ref={scroller}
        className="table-scroll"
        {...(overflows
          ? {
              role: 'region',
              tabIndex: 0,
              'aria-labelledby': `${id}-caption`,
              'aria-describedby': `${id}-cue`,
            }
          : {})}
      >
        <table className={props.className} data-testid={props.testId}>
          <caption id={`${id}-caption`}>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.rowHeader.header}</th>
              {columns.map((column, position) => (
                <th key={position} scope="col" className={numeric(column)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row, index) => (
              <tr key={props.rowKey(row)} className={props.rowClass?.(row)}>
                <th scope="row">{props.rowHeader.cell(row, index)}</th>
                {columns.map((column, position) => (
                  <td key={position} className={numeric(column)}>
                    {column.cell(row, index)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {props.footer === undefined ? null : (
            <tfoot>
              <tr>
                <th scope="row">{props.footer}</th>
                {columns.map((column, position) => (
                  <td key={position} className={numeric(column)}>
                    {column.total}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </>
  );
}
