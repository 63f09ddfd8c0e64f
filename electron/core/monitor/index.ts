export { buildCase, type CaseEvent, type MonitorCase } from './build-case';
export {
  createMonitor,
  type BackendName,
  type LastSync,
  type Monitor,
  type MonitorError,
  type MonitorOptions,
  type MonitorState,
  type SyncOnceResult,
} from './monitor';
export { openDemoMonitor, type DemoMonitor, type DemoMonitorOptions, type OpenedDemoMonitor } from './demo';
