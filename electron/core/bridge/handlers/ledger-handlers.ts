/**
 * The ledger's channels: purchases, grants, balance readings and removals the user records. On the
 * demo each is made on its simulator too, and taken back out of the ledger if refused there.
 */
import { formatInstant } from '../../../../shared/billing/instant';
import type { BridgeHandlers } from '../../../../shared/bridge/channels';
import { failure, type BridgeError, type BridgeResult } from '../../../../shared/bridge/result';
import type { LedgerEntry } from '../../../../shared/ledger/ledger-schema';
import { recordOnSimulator } from '../../monitor/demo-ledger';
import type { StoreResult } from '../../stores';
import type { CurrentMonitor, HandlerContext } from './handler-context';
import { ok, storeFailure } from './results';

/** What the ledger's handlers need from the session. */
export type LedgerContext = Pick<HandlerContext, 'exclusive' | 'changed' | 'syncNow'>;

type LedgerChannel = 'ledger:add-purchase' | 'ledger:add-grant' | 'ledger:calibrate' | 'ledger:remove-entry';

/** An optional text field left empty in a form counts as absent. */
function given(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** The entry's id when the request chose one; absent, the store makes one. */
function chosenId(id: string | undefined): { id?: string } {
  const chosen = given(id);
  return chosen === undefined ? {} : { id: chosen };
}

/** A new entry's `at`: as given, else now on the backend's clock, never after the wall clock's. */
function atOrNow(at: string | undefined, current: CurrentMonitor): string {
  return given(at) ?? formatInstant(Math.min(current.opened.now(), Date.now()));
}

/** Removes the entry just recorded, which the backend refused, and reports the refusal. */
function takeBack(current: CurrentMonitor, id: string, refusal: BridgeError): BridgeResult<never> {
  const removed = current.opened.ledger.removeEntry(id);
  if (removed.ok) return failure(refusal.field, refusal.message);
  return failure(
    refusal.field,
    `${refusal.message} The entry recorded for it could not be removed: ${removed.error.message}`,
  );
}

/** The ledger's channels over the session's open monitor. */
export function ledgerHandlers(ctx: LedgerContext): Pick<BridgeHandlers, LedgerChannel> {
  /** The store's answer as the handler's: its refusal, or the entry once listeners heard of it. */
  const recorded = <T>(current: CurrentMonitor, added: StoreResult<T>): BridgeResult<T> => {
    if (!added.ok) return storeFailure(added.error);
    ctx.changed(current);
    return ok(added.value);
  };

  /**
   * Records what `add` adds. On the demo it is made on the simulator too — started first if it was
   * not, which makes what the ledger held already — so the simulated account stays the ledger's.
   */
  const record = <E extends LedgerEntry>(add: (current: CurrentMonitor) => StoreResult<E>) =>
    ctx.exclusive(async (current) => {
      const { opened } = current;
      const demo = opened.choice.backend === 'demo';
      if (demo && opened.simulatorUrl() === null) await ctx.syncNow(current);
      const added = add(current);
      if (added.ok && demo) {
        const made = await recordOnSimulator(opened.simulatorUrl(), added.value);
        if (!made.ok) return takeBack(current, added.value.id, made.error);
      }
      return recorded(current, added);
    });

  return {
    'ledger:add-purchase': ({ amount, at, id }) =>
      record((current) =>
        current.opened.ledger.addPurchase({ amount, at: atOrNow(at, current), ...chosenId(id) }),
      ),

    'ledger:add-grant': ({ amount, at, expiresAt, id }) =>
      record((current) => {
        const expires = given(expiresAt);
        return current.opened.ledger.addGrant({
          amount,
          at: atOrNow(at, current),
          ...(expires === undefined ? {} : { expiresAt: expires }),
          ...chosenId(id),
        });
      }),

    'ledger:calibrate': ({ balance, at }) =>
      record((current) => current.opened.ledger.addBalance({ balance, at: atOrNow(at, current) })),

    'ledger:remove-entry': ({ id }) =>
      ctx.exclusive((current) => {
        const removed = current.opened.ledger.removeEntry(id);
        if (!removed.ok) return storeFailure(removed.error);
        ctx.changed(current);
        return ok({ id });
      }),
  };
}
