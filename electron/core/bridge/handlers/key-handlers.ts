/**
 * The key's channels: store, clear and test the Admin key. A stored or cleared key re-opens the
 * monitor on the change; a test's answer is remembered for the dashboard while the key stays the same.
 */
import type { BridgeHandlers } from '../../../../shared/bridge/channels';
import { failure, type BridgeResult } from '../../../../shared/bridge/result';
import { clearKey, storeKey, testKey, type KeyActionResult, type KeyStores } from '../../monitor';
import type { CurrentMonitor, HandlerContext } from './handler-context';
import { notOpen, ok } from './results';

/** What the key's handlers need from the session. */
export type KeyContext = Pick<
  HandlerContext,
  'exclusive' | 'settled' | 'reopen' | 'stateChanged' | 'keyCheck' | 'secrets' | 'env' | 'client'
>;

type KeyChannel = 'key:set' | 'key:clear' | 'key:test';

/** The key's channels over the session's secrets and open monitor. */
export function keyHandlers(ctx: KeyContext): Pick<BridgeHandlers, KeyChannel> {
  /** The session's keychain, and the settings of the monitor open now (the backend follows the key). */
  const stores = (current: CurrentMonitor): KeyStores => ({
    secrets: async () => ctx.secrets,
    settings: () => current.opened.settings,
  });

  /** Stores or clears the key, forgets its last test, re-opens the monitor on the change, answers. */
  const changeKey = <T, R>(
    change: (stores: KeyStores) => Promise<KeyActionResult<T>>,
    answer: (value: T) => R,
  ): Promise<BridgeResult<R>> =>
    ctx.exclusive(async (current) => {
      const changed = await change(stores(current));
      if (!changed.ok) return failure(changed.field, changed.message);
      ctx.keyCheck.forget();
      const reopened = await ctx.reopen();
      if (!reopened.ok) return reopened;
      return ok(answer(changed.value));
    });

  return {
    'key:set': ({ key, baseUrl }) =>
      changeKey(
        (keyStores) => storeKey(key, keyStores, ctx.env, baseUrl),
        (stored) => ({ kind: stored.kind, last4: stored.last4 }),
      ),

    'key:clear': () => changeKey(clearKey, (cleared) => ({ removed: cleared.removed })),

    'key:test': async () => {
      // Not queued: a slow provider must not hold up the dashboard's other calls.
      const current = await ctx.settled();
      if (current === null) return notOpen();
      const mark = ctx.keyCheck.mark();
      const tested = await testKey({
        env: ctx.env,
        ...stores(current),
        client: ctx.client,
      });
      const checkedAt = Date.now();
      // No key: nothing was checked, so there is nothing to remember.
      if (!tested.ok && tested.missing) {
        return failure(tested.field, `${tested.message}: store an Admin key first`);
      }
      const message = tested.ok
        ? `The key ${tested.value.masked} works: ${tested.value.baseUrl} answered the costs request.`
        : tested.message;
      if (ctx.keyCheck.remember(mark, { at: checkedAt, ok: tested.ok, message })) ctx.stateChanged();
      return tested.ok ? ok({ checkedAt, message }) : failure(tested.field, message);
    },
  };
}
