/** A form's submit button: disabled and busy, saying "Saving…", while its submission runs. */
import type { ReactNode } from 'react';
import { useMessages } from '../app-context';
import { commonMessages } from '../i18n/messages/common';
import type { Submission } from './useSubmission';

export function SubmitButton({
  submission,
  disabled = false,
  children,
}: {
  submission: Pick<Submission, 'busy'>;
  /** Disabled even when idle (e.g. nowhere to store a key). */
  disabled?: boolean;
  children: ReactNode;
}) {
  const { saving } = useMessages(commonMessages);
  return (
    <button type="submit" disabled={disabled || submission.busy} aria-busy={submission.busy}>
      {submission.busy ? saving : children}
    </button>
  );
}
