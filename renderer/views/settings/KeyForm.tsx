/**
 * The Admin key entry: write-only. The input is uncontrolled so the key never sits in React state;
 * it is emptied on every submit, and a key that cannot read costs never reaches the bridge.
 */
import { useRef, type FormEvent } from 'react';
import { useApp, useMessages } from '../../app-context';
import { Field } from '../../components/Field';
import { FormFeedback } from '../../components/FormFeedback';
import { SubmitButton } from '../../components/SubmitButton';
import { useSubmission } from '../../components/useSubmission';
import { settingsMessages } from '../../i18n/messages/settings';
import { originElsewhere } from './key-elsewhere';
import { typedKeyKind } from './key-kind';

export function KeyForm() {
  const { state, bridge } = useApp();
  const { key: m } = useMessages(settingsMessages);
  const input = useRef<HTMLInputElement>(null);
  const submission = useSubmission();
  const unavailable = state.key.store === 'unavailable';
  // The stored key is not sent to the address now in use: ask for the key for that address.
  const newOrigin = originElsewhere(state.key.stored, state.key.address);
  const label =
    newOrigin !== null ? m.labelFor(newOrigin) : state.key.stored === null ? m.label : m.replaceLabel;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const field = input.current!;
    const key = field.value.trim();
    field.value = '';
    switch (typedKeyKind(key)) {
      case 'empty':
        return submission.reject({ key: m.empty });
      case 'other-openai':
        return submission.reject({ key: m.projectKey });
      case 'not-openai':
        return submission.reject({ key: m.notOpenAi });
      case 'admin':
        await submission.run(
          // Bound to the address shown beside the field, in main's keychain: it goes nowhere else.
          () => bridge.call('key:set', { key, baseUrl: state.key.address }),
          ['key'],
          ({ last4 }) => (last4 === '' ? m.storedNoDigits : m.stored(last4)),
        );
    }
  }

  return (
    <form className="key-form" onSubmit={(event) => void submit(event)} noValidate>
      <Field
        ref={input}
        label={label}
        hint={state.key.store === 'encrypted-file' ? m.neverShownEncrypted : m.neverShown}
        error={submission.fieldErrors.key}
        type="password"
        name="admin-key"
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        disabled={unavailable}
      />
      <p className="key-form__address">{m.forAddress(state.key.address)}</p>
      <SubmitButton submission={submission} disabled={unavailable}>
        {m.store}
      </SubmitButton>
      <FormFeedback submission={submission} />
    </form>
  );
}
