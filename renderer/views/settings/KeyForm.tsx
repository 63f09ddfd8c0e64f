/**
 * The Admin key entry: write-only. The input is uncontrolled so the key never sits in React state;
 * it is emptied on every submit, and a key that cannot read costs never reaches the bridge.
 */
import { useId, useRef, type FormEvent } from 'react';
import { useApp, useMessages } from '../../app-context';
import { FormFeedback } from '../../components/FormFeedback';
import { useSubmission } from '../../components/useSubmission';
import { commonMessages } from '../../i18n/messages/common';
import { settingsMessages } from '../../i18n/messages/settings';
import { typedKeyKind } from './key-kind';

export function KeyForm() {
  const { state, bridge } = useApp();
  const { key: m } = useMessages(settingsMessages);
  const common = useMessages(commonMessages);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const submission = useSubmission();
  const error = submission.fieldErrors.key;
  const unavailable = state.key.store === 'unavailable';

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
          () => bridge.call('key:set', { key }),
          ['key'],
          ({ last4 }) => (last4 === '' ? m.storedNoDigits : m.stored(last4)),
        );
    }
  }

  return (
    <form className="key-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={id}>{state.key.stored === null ? m.label : m.replaceLabel}</label>
        <input
          id={id}
          ref={input}
          type="password"
          name="admin-key"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          disabled={unavailable}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <p id={`${id}-hint`} className="field__hint">
          {m.neverShown}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={unavailable || submission.busy} aria-busy={submission.busy}>
        {submission.busy ? common.saving : m.store}
      </button>
      <FormFeedback submission={submission} />
    </form>
  );
}
