/**
 * A labelled form field whose error is text tied to it (aria-describedby), names the rule, and keeps
 * what the user typed (ux.md §5 Forms).
 */
import { useId, type InputHTMLAttributes, type Ref } from 'react';
import { describedBy, FieldNotes } from './FieldNotes';

interface FieldBase extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'value' | 'defaultValue' | 'onChange'
> {
  /** Visible label, with the unit: "Amount (USD)". */
  label: string;
  error?: string | null;
  hint?: string;
}

/** The text lives in the caller's state. */
interface ControlledField extends FieldBase {
  value: string;
  onChange(value: string): void;
}

/** The caller reads (and empties) the input through `ref`: for a secret that must never sit in React state. */
interface UncontrolledField extends FieldBase {
  ref: Ref<HTMLInputElement>;
  value?: never;
  onChange?: never;
}

export type FieldProps = ControlledField | UncontrolledField;

export function Field({ label, value, onChange, error, hint, ...input }: FieldProps) {
  const id = useId();
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={onChange && ((event) => onChange(event.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <FieldNotes id={id} hint={hint} error={error} block="field" />
    </div>
  );
}
