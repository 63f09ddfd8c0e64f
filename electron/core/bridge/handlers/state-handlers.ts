/**
 * The dashboard's reads: its snapshot, a sync on request, and the bookkeeping export of what the
 * monitor holds.
 */
import { formatInstant } from '../../../../shared/billing/instant';
import type { BridgeHandlers } from '../../../../shared/bridge/channels';
import { exportCsv, exportJson, exportRecords } from '../../export';
import { emptyResult } from '../../monitor';
import type { HandlerContext } from './handler-context';
import { notOpen, ok } from './results';

/** What the dashboard's reads need from the session. */
export type StateContext = Pick<
  HandlerContext,
  'exclusive' | 'settled' | 'snapshot' | 'syncNow' | 'syncStatus'
>;

type StateChannel = 'state:get' | 'sync:refresh-now' | 'data:export';

/** The snapshot, refresh and export channels over the session's open monitor. */
export function stateHandlers(ctx: StateContext): Pick<BridgeHandlers, StateChannel> {
  return {
    'state:get': () =>
      ctx.exclusive(() => {
        const snapshot = ctx.snapshot();
        return snapshot === null ? notOpen() : ok(snapshot);
      }),

    'sync:refresh-now': async () => {
      // Not queued (like key:test): a first sync can take a while, and reads should not wait for it.
      const current = await ctx.settled();
      if (current === null) return notOpen();
      await ctx.syncNow(current);
      return ok(ctx.syncStatus(current));
    },

    'data:export': ({ format }) =>
      ctx.exclusive((current) => {
        const { opened } = current;
        const now = opened.now();
        // Nothing recorded or synced: the export has its header and empty lists.
        const { result, reading } = opened.monitor.state();
        const data = exportRecords(opened.ledger.read(), result ?? emptyResult(now), reading);
        const day = formatInstant(now).slice(0, 10);
        return ok(
          format === 'csv'
            ? {
                filename: `saldo-export-${day}.csv`,
                mediaType: 'text/csv; charset=utf-8',
                content: exportCsv(data),
              }
            : {
                filename: `saldo-export-${day}.json`,
                mediaType: 'application/json',
                content: exportJson(data),
              },
        );
      }),
  };
}
