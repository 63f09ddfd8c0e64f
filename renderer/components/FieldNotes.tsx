/** The hint and error under a form control, tied to it by id (ux.md §5 Forms: errors are text, tied). */

/** The control's `aria-describedby`: its hint, then its error; undefined when it has neither. */
export function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** The notes `describedBy(id, hint, error)` names; `block` is the control's CSS block (`field__hint`…). */
export function FieldNotes({
  id,
  hint,
  error,
  block,
}: {
  id: string;
  hint?: string;
  error?: string | null;
  block: 'field' | 'checkbox';
}) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className={`${block}__hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={`${block}__error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}
