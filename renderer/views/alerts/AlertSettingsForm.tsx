/**
 * The alert settings (ux.md §1 Alerts 2): low balance, runway, expiry reminders, forecast warnings
 * and the warn-only monthly budget. Save sends only what changed.
 */
import { useId, type FormEvent } from 'react';
import { BUDGET_STEPS, FORECAST_MIN_HISTORY_DAYS } from '../../../shared/alerts/alert-settings';
import { useApp, useMessages } from '../../app-context';
import { Card } from '../../components/Card';
import { Checkbox } from '../../components/Checkbox';
import { Field } from '../../components/Field';
import { FormFeedback } from '../../components/FormFeedback';
import { useDraft } from '../../components/useDraft';
import { useSubmission } from '../../components/useSubmission';
import { days, list, percent } from '../../i18n/format';
import { alertsMessages } from '../../i18n/messages/alerts';
import { commonMessages } from '../../i18n/messages/common';
import { ALERT_FIELDS, alertFormValues, checkAlertForm, reminderChoices } from './alert-settings-form';

export function AlertSettingsForm() {
  const { state, bridge, language } = useApp();
  const m = useMessages(alertsMessages);
  const common = useMessages(commonMessages);
  const { values, set } = useDraft(alertFormValues(state.settings, language));
  const submission = useSubmission();
  const remindersError = `${useId()}-error`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkAlertForm(values, state.settings, language, m);
    if (!checked.ok) {
      submission.reject(checked.errors);
      return;
    }
    if (Object.keys(checked.changes).length === 0) {
      submission.report(m.nothingChanged);
      return;
    }
    await submission.run(
      () => bridge.call('settings:update', checked.changes),
      ALERT_FIELDS,
      () => m.saved,
    );
  }

  const toggleReminder = (day: number, on: boolean) =>
    set('expiryReminderDays')(
      on ? [...values.expiryReminderDays, day] : values.expiryReminderDays.filter((other) => other !== day),
    );
  const errors = submission.fieldErrors;

  return (
    <Card title={m.settings} className="alert-settings">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label={m.lowBalance}
          hint={m.lowBalanceHint}
          value={values.lowBalanceThreshold}
          onChange={set('lowBalanceThreshold')}
          error={errors.lowBalanceThreshold}
          inputMode="decimal"
          autoComplete="off"
        />
        <Field
          label={m.runwayDays}
          hint={m.runwayDaysHint}
          value={values.runwayDays}
          onChange={set('runwayDays')}
          error={errors.runwayDays}
          inputMode="numeric"
          autoComplete="off"
        />
        <fieldset
          className="checkbox-group"
          aria-describedby={errors.expiryReminderDays ? remindersError : undefined}
        >
          <legend>{m.expiryReminders}</legend>
          {reminderChoices(state.settings).map((day) => (
            <Checkbox
              key={day}
              label={m.reminderDays(days(day, language))}
              checked={values.expiryReminderDays.includes(day)}
              onChange={(on) => toggleReminder(day, on)}
            />
          ))}
          {errors.expiryReminderDays ? (
            <p id={remindersError} className="field__error">
              {errors.expiryReminderDays}
            </p>
          ) : null}
        </fieldset>
        <Checkbox
          label={m.forecastWarnings}
          hint={m.forecastWarningsHint(days(FORECAST_MIN_HISTORY_DAYS, language))}
          checked={values.forecastWarnings}
          onChange={set('forecastWarnings')}
          error={errors.forecastWarnings}
        />
        <Field
          label={m.monthlyBudget}
          hint={m.monthlyBudgetHint(
            list(
              BUDGET_STEPS.map((step) => percent(step, language)),
              language,
            ),
          )}
          value={values.monthlyBudget}
          onChange={set('monthlyBudget')}
          error={errors.monthlyBudget}
          inputMode="decimal"
          autoComplete="off"
        />
        <button type="submit" disabled={submission.busy} aria-busy={submission.busy}>
          {submission.busy ? common.saving : common.save}
        </button>
        <FormFeedback submission={submission} />
      </form>
    </Card>
  );
}
