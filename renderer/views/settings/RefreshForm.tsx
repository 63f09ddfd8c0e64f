/** How often Saldo refreshes (ux.md §1 Settings 3), a whole number of minutes in the store's range. */
import type { FormEvent } from 'react';
import { defaultSettings } from '../../../shared/settings/settings-schema';
import { useApp, useMessages } from '../../app-context';
import { Field } from '../../components/Field';
import { FormFeedback } from '../../components/FormFeedback';
import { SubmitButton } from '../../components/SubmitButton';
import { useDraft } from '../../components/useDraft';
import { useSubmission } from '../../components/useSubmission';
import { count } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { settingsMessages } from '../../i18n/messages/settings';
import { readWholeNumber, SETTING_RANGES } from './setting-ranges';

const RANGE = SETTING_RANGES.pollIntervalMinutes;

export function RefreshForm() {
  const { state, bridge, language } = useApp();
  const m = useMessages(settingsMessages);
  const common = useMessages(commonMessages);
  const { values, set } = useDraft({ minutes: String(state.settings.pollIntervalMinutes) });
  const typed = values.minutes;
  const submission = useSubmission();
  const [min, max] = [count(RANGE.min, language), count(RANGE.max, language)];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minutes = readWholeNumber(typed, RANGE);
    if (minutes === null) {
      submission.reject({ pollIntervalMinutes: m.refresh.invalid(min, max) });
      return;
    }
    if (minutes === state.settings.pollIntervalMinutes) {
      submission.report(m.nothingChanged);
      return;
    }
    await submission.run(
      () => bridge.call('settings:update', { pollIntervalMinutes: minutes }),
      ['pollIntervalMinutes'],
      () => m.saved,
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Field
        label={m.refresh.interval}
        hint={m.refresh.intervalHint(min, max, count(defaultSettings().pollIntervalMinutes, language))}
        value={typed}
        onChange={set('minutes')}
        error={submission.fieldErrors.pollIntervalMinutes}
        inputMode="numeric"
        autoComplete="off"
      />
      <SubmitButton submission={submission}>{common.save}</SubmitButton>
      <FormFeedback submission={submission} />
    </form>
  );
}
