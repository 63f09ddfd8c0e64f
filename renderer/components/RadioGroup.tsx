/**
 * A row of exclusive choices (range, group-by, mode) as a real radio group: Tab enters it, arrow
 * keys move and select, as the accessibility checklist asks (ux.md §5).
 */
import { useId } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
}

export interface RadioGroupProps<T extends string> {
  label: string;
  /** Hide the group's label visually (it stays the accessible name). */
  hideLabel?: boolean;
  options: readonly RadioOption<T>[];
  value: T;
  onChange(value: T): void;
  name?: string;
  /** Disables the group where it would do nothing; the text, shown under it, says why. */
  disabledReason?: string;
}

export function RadioGroup<T extends string>(props: RadioGroupProps<T>) {
  const generated = useId();
  const name = props.name ?? generated;
  const reasonId = `${generated}-reason`;
  const disabled = props.disabledReason !== undefined;
  return (
    <fieldset className="radio-group" disabled={disabled} aria-describedby={disabled ? reasonId : undefined}>
      <legend className={props.hideLabel ? 'visually-hidden' : undefined}>{props.label}</legend>
      <div className="radio-group__options">
        {props.options.map((option) => (
          <label key={option.value} className="radio-group__option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === props.value}
              onChange={() => props.onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {disabled ? (
        <p id={reasonId} className="radio-group__reason">
          {props.disabledReason}
        </p>
      ) : null}
    </fieldset>
  );
}
