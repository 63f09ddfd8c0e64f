/** The export as one CSV table (RFC 4180), so a spreadsheet or bookkeeping tool imports it at once. */
import { csvCell, type Cell } from './csv-cell';
import type { ExportData } from './types';

/**
 * One schema for all four kinds, told apart by `record`, rather than four files: a single import,
 * and the columns the kinds share (`id`, `date`, `amount`, `source`, `kind`) line up. A column that
 * does not apply to a kind is empty. `date` is the instant bought or granted (grant, purchase),
 * measured (calibration), or the UTC day `YYYY-MM-DD` (daily_spend). `kind` says what a credit is
 * (purchase, auto-recharge, free-credit, correction, or listed: the provider's list did not say).
 */
export const CSV_COLUMNS = [
  'record',
  'id',
  'date',
  'amount',
  'source',
  'kind',
  'effective_at',
  'expires_at',
  'used',
  'forfeited',
  'remaining',
  'status',
  'observed',
  'computed',
  'drift',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, Cell>>;

const CRLF = '\r\n';
const text = (value: string): Cell => ({ text: value });
const amount = (value: string): Cell => ({ amount: value });

/** Header, then grants, purchases, calibrations and daily spend; every line ends in CRLF. */
export function exportCsv(data: ExportData): string {
  const rows: Row[] = [
    ...data.grants.map((grant): Row => ({
      record: text('grant'),
      id: text(grant.id),
      date: text(grant.at),
      amount: amount(grant.amount),
      source: text(grant.source),
      kind: text(grant.kind),
      effective_at: text(grant.effectiveAt),
      expires_at: text(grant.expiresAt),
      used: amount(grant.used),
      forfeited: amount(grant.forfeited),
      remaining: amount(grant.remaining),
      status: text(grant.status),
    })),
    ...data.purchases.map((purchase): Row => ({
      record: text('purchase'),
      id: text(purchase.id),
      date: text(purchase.at),
      amount: amount(purchase.amount),
      source: text(purchase.source),
      kind: text(purchase.kind),
    })),
    ...data.calibrations.map((calibration): Row => ({
      record: text('calibration'),
      date: text(calibration.at),
      kind: text(calibration.kind),
      observed: amount(calibration.observed),
      computed: amount(calibration.computed),
      drift: amount(calibration.drift),
    })),
    ...data.dailySpend.map((day): Row => ({
      record: text('daily_spend'),
      date: text(day.day),
      amount: amount(day.amount),
    })),
  ];
  const lines = [
    CSV_COLUMNS.join(','),
    ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column] ?? null)).join(',')),
  ];
  return lines.map((line) => line + CRLF).join('');
}
