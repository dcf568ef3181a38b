// Labelled inputs the console's forms repeat: a text area, a text box and a select.
import { Select, SelectOption, Textarea, Textbox } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

import { Field } from '../../components/Field';

interface BaseProps {
  label: ReactNode;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/** A labelled text area (`rows` high, 2 unless given), with optional help. */
export function TextareaField({
  label,
  name,
  value,
  onChange,
  error,
  description,
  rows = 2,
}: BaseProps & { description?: ReactNode; rows?: number }) {
  return (
    <Field label={label} error={error} description={description}>
      {(control) => (
        <Textarea
          {...control}
          name={name}
          rows={rows}
          maxLength={4000}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled text box (`type` as an input's). */
export function TextboxField({
  type = 'text',
  inputMode,
  ...props
}: BaseProps & { type?: string; inputMode?: 'numeric' | 'text' }) {
  const { label, name, value, onChange, error } = props;
  return (
    <Field label={label} error={error}>
      {(control) => (
        <Textbox
          {...control}
          name={name}
          type={type}
          inputMode={inputMode}
          autoComplete="off"
          maxLength={200}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled select of `options` (value and text). */
export function SelectField({
  options,
  ...props
}: BaseProps & { options: readonly { value: string; label: string }[] }) {
  const { label, name, value, onChange, error } = props;
  return (
    <Field label={label} error={error}>
      {(control) => (
        <Select {...control} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </Field>
  );
}
