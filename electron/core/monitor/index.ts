export { buildCase, listedCreditIds, providerGrants, type CaseEvent, type MonitorCase } from './build-case';
export { alertSettingsFrom, assess, emptyResult, hasData, type Assessed, type Assessment } from './assess';
export { chooseBackend, type BackendChoice, type BackendChoiceInput } from './choose-backend';
export { createDemoBackend, type DemoBackend, type DemoOptions } from './demo';
export {
  createMonitor,
  lastSyncFrom,
  type BackendName,
  type LastSync,
  type Monitor,
  type MonitorError,
  type MonitorOptions,
  type MonitorProgress,
  type MonitorState,
  type SyncOnceResult,
} from './monitor';
export {
  baseUrlFor,
  DEMO_LEDGER_DIR,
  openMonitor,
  type OpenedMonitor,
  type OpenMonitorOptions,
  type OpenMonitorResult,
} from './open-monitor';
export {
  clearKey,
  describeKey,
  keyInUse,
  storeKey,
  testKey,
  type KeyActionRefusal,
  type KeyActionResult,
  type KeyDescription,
  type KeyStores,
  type KeyTestOptions,
  type KeyTestPassed,
  type StoredKey,
} from './key-actions';
export {
  createMonitorPoller,
  pollOutcomeOf,
  pollSettingsOf,
  type MonitorPollerOptions,
} from './monitor-poller';
