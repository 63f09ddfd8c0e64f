/**
 * One form's trip over the bridge: busy while it runs, a server error beside the field it names (or
 * for the whole form when it names none of the form's fields), and a confirmation when it worked.
 * Client checks come first and report through `reject`, so a server message shows only after they pass.
 */
import { useCallback, useState } from 'react';
import type { BridgeResult } from '../../shared/bridge';

export type FieldErrors = Partial<Record<string, string>>;

export interface Submission {
  busy: boolean;
  fieldErrors: FieldErrors;
  formError: string | null;
  /** What the last successful submit did, for a polite announcement. */
  done: string;
  /** Shows the client's own errors (localized, naming the rule); clears the rest. */
  reject(errors: FieldErrors): void;
  /** Says what happened when nothing needed sending (e.g. no setting changed). */
  report(done: string): void;
  /** Sends the call; `fields` are the form's fields a server error may name; `describe` words a success. */
  run<T>(
    call: () => Promise<BridgeResult<T>>,
    fields: readonly string[],
    describe: (value: T) => string,
  ): Promise<T | null>;
}

export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState('');

  const reject = useCallback((errors: FieldErrors) => {
    setFieldErrors(errors);
    setFormError(null);
    setDone('');
  }, []);

  const report = useCallback(
    (message: string) => {
      reject({});
      setDone(message);
    },
    [reject],
  );

  const run = useCallback(
    async <T>(
      call: () => Promise<BridgeResult<T>>,
      fields: readonly string[],
      describe: (value: T) => string,
    ) => {
      reject({});
      setBusy(true);
      const answer = await call();
      setBusy(false);
      if (answer.ok) {
        setDone(describe(answer.value));
        return answer.value;
      }
      if (fields.includes(answer.error.field)) setFieldErrors({ [answer.error.field]: answer.error.message });
      else setFormError(answer.error.message);
      return null;
    },
    [reject],
  );

  return { busy, fieldErrors, formError, done, reject, report, run };
}
