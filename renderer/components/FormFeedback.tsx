import type { Submission } from './useSubmission';

/** A form's own error (one naming none of its fields) and its confirmation, announced. */
export function FormFeedback({ submission }: { submission: Pick<Submission, 'formError' | 'done'> }) {
  return (
    <>
      {submission.formError ? (
        <p className="form-error" role="alert">
          {submission.formError}
        </p>
      ) : null}
      <p className="form-status" role="status">
        {submission.done}
      </p>
    </>
  );
}
