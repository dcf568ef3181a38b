import {
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes, type ReactNode } from 'react';

export interface FieldControl {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
  invalid: boolean;
}

export interface FieldProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  label: ReactNode;
  /** Help under the label. */
  description?: ReactNode;
  /** What is wrong with the value, shown next to the field and read with it. */
  error?: ReactNode;
  /** The input, given the ids that tie it to its label, help and error. */
  children: (control: FieldControl) => ReactNode;
}

/** A labelled form field in NL Design System style, with its help and its error. */
export const Field = forwardRef<HTMLDivElement, FieldProps>(function Field(
  { label, description, error, children, className, ...props },
  ref,
) {
  const id = useId();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return (
    <div
      ref={ref}
      className={[
        'utrecht-form-field',
        'utrecht-form-field--text',
        error && 'utrecht-form-field--invalid',
        'loket-field',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    >
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={`${id}-control`}>{label}</FormLabel>
      </div>
      {description && (
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {description}
        </FormFieldDescription>
      )}
      {error && (
        <FormFieldErrorMessage id={errorId} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        {children({
          id: `${id}-control`,
          'aria-describedby': describedBy,
          'aria-invalid': error ? true : undefined,
          invalid: Boolean(error),
        })}
      </div>
    </div>
  );
});
