/**
 * The alerts that fired, kept in the ledger for the Alerts view's history (ux.md §1 Alerts 3): each
 * alert as it was told, with when. Bounded — 90 days and at most 500 entries — so a flapping sync
 * cannot grow the file without end. Pure: the monitor appends after each sync, the store writes.
 */
import { z } from 'zod';
import { formatInstant, MS_PER_DAY, parseInstant, type Instant } from '../billing/instant';
import { instantTextSchema } from '../storage/instant-text';
import type { Alert } from './alert';
import { alertSchema } from './alert-schema';

/** How long a fired alert is kept. */
export const ALERT_HISTORY_DAYS = 90;
/** The most entries kept; the oldest go first. */
export const ALERT_HISTORY_MAX = 500;

export const alertRecordSchema = z.strictObject({
  alert: alertSchema,
  /** When it fired: the instant of the evaluation that fired it, UTC. */
  firedAt: instantTextSchema,
});
export type AlertRecord = z.output<typeof alertRecordSchema>;

/** Oldest first. */
export const alertHistorySchema = z.array(alertRecordSchema).max(ALERT_HISTORY_MAX);

/**
 * The history with `fired` appended at `now`, then what is older than 90 days or beyond the newest
 * 500 dropped. The same list back (not a copy) when nothing changes, so the store writes nothing.
 */
export function appendAlertHistory(
  history: readonly AlertRecord[],
  fired: readonly Alert[],
  now: Instant,
): readonly AlertRecord[] {
  const firedAt = formatInstant(now);
  const oldest = now - ALERT_HISTORY_DAYS * MS_PER_DAY;
  const kept = history.filter((record) => parseInstant(record.firedAt)! >= oldest);
  const added = fired.map((alert) => ({ alert: { ...alert }, firedAt }));
  if (added.length === 0 && kept.length === history.length && kept.length <= ALERT_HISTORY_MAX)
    return history;
  return [...kept, ...added].slice(-ALERT_HISTORY_MAX);
}
