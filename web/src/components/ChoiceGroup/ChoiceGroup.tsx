import { FormFieldDescription, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { forwardRef, useId, type FieldsetHTMLAttributes, type ReactNode } from 'react';

export interface ChoiceGroupProps extends FieldsetHTMLAttributes<HTMLFieldSetElement> {
  legend: ReactNode;
  description?: ReactNode;
  /** What is wrong with the choice, read with the group. */
  error?: ReactNode;
  children: ReactNode;
}

/** A group of checkboxes or radio buttons under a legend, with its help and its error. */
export const ChoiceGroup = forwardRef<HTMLFieldSetElement, ChoiceGroupProps>(function ChoiceGroup(
  { legend, description, error, children, className, ...props },
  ref,
) {
  const id = useId();
  const describedBy =
    [error && `${id}-error`, description && `${id}-description`].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      ref={ref}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      className={[
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--html-fieldset',
        error && 'utrecht-form-fieldset--invalid',
        'loket-choices',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      {...props}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {description && (
        <FormFieldDescription id={`${id}-description`}>{description}</FormFieldDescription>
      )}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <div className="loket-choices__options">{children}</div>
    </fieldset>
  );
});
