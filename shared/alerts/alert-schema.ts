/**
 * The alert's shape as data (alert.ts's `Alert`), checked wherever an alert crosses a boundary: the
 * ledger's alert history and the bridge (the snapshot and `alert:raised`). Lengths are bounded so a
 * stored file cannot carry an unbounded string.
 */
import { z } from 'zod';
import type { AlertKind, AlertView } from './alert';

/** Every kind of alert, as alert.ts lists them. */
export const ALERT_KINDS = [
  'credit-used-up',
  'negative-balance',
  'spend-limit',
  'recharge-missing',
  'low-balance',
  'short-runway',
  'recharge-limit',
  'sync-failing',
  'expiry',
  'budget',
  'forfeit-risk',
  'credit-restored',
  'recharge-seen',
] as const satisfies readonly AlertKind[];
const VIEWS = [
  'overview',
  'credits',
  'auto-recharge',
  'alerts',
  'settings',
] as const satisfies readonly AlertView[];

// Every kind and view of alert.ts is listed: these fail to compile when one is added there only.
const everyKind: [Exclude<AlertKind, (typeof ALERT_KINDS)[number]>] extends [never] ? true : never = true;
const everyView: [Exclude<AlertView, (typeof VIEWS)[number]>] extends [never] ? true : never = true;
void everyKind;
void everyView;

const localText = z.strictObject({ en: z.string().max(2000), nl: z.string().max(2000) });

export const alertSchema = z.strictObject({
  id: z.string().max(300),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(['info', 'warning', 'critical']),
  title: localText,
  body: localText,
  view: z.enum(VIEWS),
});
