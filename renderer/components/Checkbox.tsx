/** A checkbox with its label, and a hint or error tied to it (ux.md §5 Forms), like Field for text. */
import { useId } from 'react';
import { describedBy, FieldNotes } from './FieldNotes';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
}

export function Checkbox({ label, checked, onChange, hint, error, disabled }: CheckboxProps) {
  const id = useId();
  return (
    <div className={`checkbox${error ? ' checkbox--invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} block="checkbox" />
    </div>
  );
}
