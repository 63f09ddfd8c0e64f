/** The bridge contract's main side: the session (handlers and events over the monitor) and `dispatch`. */
export { dispatch, type DispatchOptions } from './dispatch';
export { NO_AUTO_RECHARGE_API } from './handlers/settings-handlers';
export {
  openBridgeSession,
  type BridgeEvent,
  type BridgeSession,
  type BridgeSessionOptions,
  type OpenBridgeSessionResult,
} from './session';
export { buildSnapshot, keyInfoOf, type SnapshotSources } from './snapshot';
export { buildSpend, dayEnds, modelOf, NO_PROJECT, OTHER, spendDays, SPEND_MAX_DAYS } from './spend';
export { syncStatusOf } from './sync-status';
