/** The export as a JSON document. */
import type { ExportData } from './types';

/**
 * Two-space indented, ending in a newline. The records already hold only strings, so plain
 * `JSON.stringify` keeps every amount exact; keys come out in the order `exportRecords` builds them.
 */
export function exportJson(data: ExportData): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
