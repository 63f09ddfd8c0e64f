/** Where the data comes from (ux.md §1 Settings 1): the demo or OpenAI, and OpenAI's address. */
import type { FormEvent } from 'react';
import type { RequestOf } from '../../../shared/bridge';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings/settings-schema';
import { useApp, useMessages } from '../../app-context';
import { Field } from '../../components/Field';
import { FormFeedback } from '../../components/FormFeedback';
import { SubmitButton } from '../../components/SubmitButton';
import { RadioGroup } from '../../components/RadioGroup';
import { useDraft } from '../../components/useDraft';
import { useSubmission } from '../../components/useSubmission';
import { commonMessages } from '../../i18n/messages/common';
import { settingsMessages } from '../../i18n/messages/settings';
import { originElsewhere } from './key-elsewhere';

const FIELDS = ['backend', 'baseUrl'] as const;

export function ConnectionForm() {
  const { state, bridge } = useApp();
  const m = useMessages(settingsMessages);
  const common = useMessages(commonMessages);
  const { values, set } = useDraft<Pick<Settings, 'backend' | 'baseUrl'>>(state.settings);
  const { backend, baseUrl } = values;
  const submission = useSubmission();
  // Said while the address is edited, before it is saved: the key will not follow it (issue 13 §2).
  const keyOrigin = state.key.stored?.origin;
  const elsewhere = keyOrigin !== undefined && originElsewhere(state.key.stored, baseUrl) !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const url = baseUrl.trim();
    if (!settingsSchema.shape.baseUrl.safeParse(url).success) {
      submission.reject({ baseUrl: m.connection.invalidBaseUrl(defaultSettings().baseUrl) });
      return;
    }
    const changes: RequestOf<'settings:update'> = {
      ...(backend === state.settings.backend ? {} : { backend }),
      ...(url === state.settings.baseUrl ? {} : { baseUrl: url }),
    };
    if (Object.keys(changes).length === 0) {
      submission.report(m.nothingChanged);
      return;
    }
    await submission.run(
      () => bridge.call('settings:update', changes),
      FIELDS,
      () => m.saved,
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <RadioGroup<Settings['backend']>
        label={m.connection.backend}
        options={[
          { value: 'demo', label: m.connection.demo },
          { value: 'openai', label: m.connection.openai },
        ]}
        value={backend}
        onChange={set('backend')}
      />
      {submission.fieldErrors.backend ? (
        <p className="field__error">{submission.fieldErrors.backend}</p>
      ) : null}
      <Field
        label={m.connection.baseUrl}
        hint={m.connection.baseUrlHint}
        value={baseUrl}
        onChange={set('baseUrl')}
        error={submission.fieldErrors.baseUrl}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
      />
      <p className="field__notice" aria-live="polite">
        {elsewhere ? m.connection.keyElsewhere(keyOrigin) : null}
      </p>
      <SubmitButton submission={submission}>{common.save}</SubmitButton>
      <FormFeedback submission={submission} />
    </form>
  );
}
