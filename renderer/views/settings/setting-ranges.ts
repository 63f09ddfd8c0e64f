/**
 * The whole-number settings' ranges, read from the settings schema itself so the client's check and
 * its message never drift from the rule the store applies (shared/settings/settings-schema.ts).
 */
import { settingsSchema } from '../../../shared/settings/settings-schema';

export interface WholeRange {
  min: number;
  max: number;
}

function rangeOf(schema: { minValue: number | null; maxValue: number | null }): WholeRange {
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export const SETTING_RANGES = {
  runwayDays: rangeOf(settingsSchema.shape.runwayDays.unwrap()),
  pollIntervalMinutes: rangeOf(settingsSchema.shape.pollIntervalMinutes.unwrap()),
  expiryReminderDays: rangeOf(settingsSchema.shape.expiryReminderDays.unwrap().element),
} as const;

/** A whole number typed in the range, or null. */
export function readWholeNumber(typed: string, range: WholeRange): number | null {
  const text = typed.trim();
  if (!/^\d{1,9}$/.test(text)) return null;
  const value = Number(text);
  return value >= range.min && value <= range.max ? value : null;
}
