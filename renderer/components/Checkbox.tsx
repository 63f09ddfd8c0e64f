/** A checkbox with its label, and a hint or error tied to it (ux.md §5 Forms), like Field for text. */
import { useId } from 'react';

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
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`checkbox${error ? ' checkbox--invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="checkbox__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="checkbox__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
