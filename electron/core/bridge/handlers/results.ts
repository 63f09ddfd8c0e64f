/** The answers the handlers share: a value, the monitor not open, a store's refusal. */
import { failure, type BridgeResult } from '../../../../shared/bridge/result';
import type { StoreError } from '../../stores';

/** A handler's success. */
export const ok = <T>(value: T): BridgeResult<T> => ({ ok: true, value });

/** The answer while the monitor is closed (a re-open failed, and the next call will try again). */
export const notOpen = () => failure('store', 'the monitor is not open');

/** A store's refusal as a bridge error: the field it names (renamed for the request), or `store`. */
export function storeFailure(error: StoreError, rename: (field: string) => string = (field) => field) {
  return error.kind === 'invalid'
    ? failure(rename(error.field), error.message)
    : failure('store', error.message);
}
