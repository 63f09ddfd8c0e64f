import type { Submission } from './useSubmission';

/**
 * A form's own error (one naming none of its fields) and its confirmation, announced. With
 * `quietDone` the confirmation is only announced, for forms whose result the view already shows.
 */
export function FormFeedback({
  submission,
  quietDone = false,
}: {
  submission: Pick<Submission, 'formError' | 'done'>;
  quietDone?: boolean;
}) {
  return (
    <>
      {submission.formError ? (
        <p className="form-error" role="alert">
          {submission.formError}
        </p>
      ) : null}
      <p className={quietDone ? 'visually-hidden' : 'form-status'} role="status">
        {submission.done}
      </p>
    </>
  );
}
