/**
 * The alert settings form as text the user edits, checked on the client in the UI language, and
 * turned into a `settings:update` request holding only what changed.
 */
import type { RequestOf } from '../../../shared/bridge';
import type { Settings } from '../../../shared/settings/settings-schema';
import type { FieldErrors } from '../../components/useSubmission';
import { count, money, type Language } from '../../i18n/format';
import type { alertsMessages } from '../../i18n/messages/alerts';
import { microsOfUsdText, readUsdInput, usdInputText } from '../../i18n/usd-input';
import { readWholeNumber, SETTING_RANGES } from '../settings/setting-ranges';

export const ALERT_FIELDS = [
  'lowBalanceThreshold',
  'runwayDays',
  'expiryReminderDays',
  'forecastWarnings',
  'monthlyBudget',
] as const;

/** The reminder steps offered as checkboxes (ux.md §1 Alerts 2), plus any other the file holds. */
const REMINDER_STEPS = [30, 7, 1];
const EXAMPLE_MICROS = 12_500_000;

export interface AlertFormValues {
  lowBalanceThreshold: string;
  runwayDays: string;
  expiryReminderDays: readonly number[];
  forecastWarnings: boolean;
  /** Empty: no budget. */
  monthlyBudget: string;
}

export function alertFormValues(settings: Settings, language: Language): AlertFormValues {
  return {
    lowBalanceThreshold: usdInputText(settings.lowBalanceThreshold, language),
    runwayDays: String(settings.runwayDays),
    expiryReminderDays: settings.expiryReminderDays,
    forecastWarnings: settings.forecastWarnings,
    monthlyBudget: settings.monthlyBudget === null ? '' : usdInputText(settings.monthlyBudget, language),
  };
}

/** The reminder days to offer, longest first. */
export function reminderChoices(settings: Settings): number[] {
  return [...new Set([...REMINDER_STEPS, ...settings.expiryReminderDays])].sort((a, b) => b - a);
}

export type AlertCheck =
  { ok: true; changes: RequestOf<'settings:update'> } | { ok: false; errors: FieldErrors };

/** Checks the form and keeps the fields that differ from `settings` (by value: "5.00" is still 5). */
export function checkAlertForm(
  values: AlertFormValues,
  settings: Settings,
  language: Language,
  m: (typeof alertsMessages)['en'],
): AlertCheck {
  const errors: FieldErrors = {};
  const example = money(EXAMPLE_MICROS, language);

  const threshold = readUsdInput(values.lowBalanceThreshold, language);
  if (threshold === null) errors.lowBalanceThreshold = m.invalidAmount(example);

  const range = SETTING_RANGES.runwayDays;
  const runwayDays = readWholeNumber(values.runwayDays, range);
  if (runwayDays === null) {
    errors.runwayDays = m.invalidDays(count(range.min, language), count(range.max, language));
  }

  const budgetTyped = values.monthlyBudget.trim();
  const budget = budgetTyped === '' ? null : readUsdInput(budgetTyped, language);
  if (budgetTyped !== '' && (budget === null || microsOfUsdText(budget) <= 0)) {
    errors.monthlyBudget = m.invalidBudget(example);
  }

  if (Object.keys(errors).length > 0 || threshold === null || runwayDays === null)
    return { ok: false, errors };

  const changes: RequestOf<'settings:update'> = {};
  if (microsOfUsdText(threshold) !== microsOfUsdText(settings.lowBalanceThreshold)) {
    changes.lowBalanceThreshold = threshold;
  }
  if (runwayDays !== settings.runwayDays) changes.runwayDays = runwayDays;
  const reminders = [...values.expiryReminderDays].sort((a, b) => b - a);
  if (reminders.join() !== [...settings.expiryReminderDays].sort((a, b) => b - a).join()) {
    changes.expiryReminderDays = reminders;
  }
  if (values.forecastWarnings !== settings.forecastWarnings)
    changes.forecastWarnings = values.forecastWarnings;
  const budgetMicros = budget === null ? null : microsOfUsdText(budget);
  const currentBudget = settings.monthlyBudget === null ? null : microsOfUsdText(settings.monthlyBudget);
  if (budgetMicros !== currentBudget) changes.monthlyBudget = budget;
  return { ok: true, changes };
}
