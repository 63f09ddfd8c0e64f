export { exportRecords } from './records';
export { exportJson } from './json';
export { exportCsv, CSV_COLUMNS } from './csv';
export type { CalibrationRecord, DailySpendRecord, ExportData, GrantRecord, PurchaseRecord } from './types';
