import { forwardRef, type HTMLAttributes } from 'react';
import { FormattedMessage } from 'react-intl';

export interface FieldErrorProps extends HTMLAttributes<HTMLSpanElement> {
  /** Loket's message about the field (`BAD_USER_INPUT` with `extensions.field`). */
  message: string;
}

/**
 * Loket's message about one field, introduced in the app's language. Loket's messages are in
 * English, so they are marked as such for screen readers.
 */
export const FieldError = forwardRef<HTMLSpanElement, FieldErrorProps>(function FieldError(
  { message, className, ...props },
  ref,
) {
  return (
    <span
      ref={ref}
      className={['loket-field-error', className].filter(Boolean).join(' ')}
      {...props}
    >
      <FormattedMessage
        id="field.serverError"
        defaultMessage="Dit klopt niet: {message}"
        description="Introduces the server's (English) message about a form field"
        values={{ message: <span lang="en">{message}</span> }}
      />
    </span>
  );
});
