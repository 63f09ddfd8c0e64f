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
import { describedBy, FieldNotes } from '../../components/FieldNotes';
import { FormFeedback } from '../../components/FormFeedback';
import { SubmitButton } from '../../components/SubmitButton';
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
  const reminders = useId();

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
  /** A typed field of the draft: its text, its setter and its error; nothing for the browser to fill in. */
  const typed = (name: 'lowBalanceThreshold' | 'runwayDays' | 'monthlyBudget') => ({
    value: values[name],
    onChange: set(name),
    error: errors[name],
    autoComplete: 'off',
  });

  return (
    <Card title={m.settings} className="alert-settings">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label={m.lowBalance}
          hint={m.lowBalanceHint}
          inputMode="decimal"
          {...typed('lowBalanceThreshold')}
        />
        <Field label={m.runwayDays} hint={m.runwayDaysHint} inputMode="numeric" {...typed('runwayDays')} />
        <fieldset
          className="checkbox-group"
          aria-describedby={describedBy(reminders, undefined, errors.expiryReminderDays)}
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
          <FieldNotes id={reminders} error={errors.expiryReminderDays} block="field" />
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
          inputMode="decimal"
          {...typed('monthlyBudget')}
        />
        <SubmitButton submission={submission}>{common.save}</SubmitButton>
        <FormFeedback submission={submission} />
      </form>
    </Card>
  );
}
