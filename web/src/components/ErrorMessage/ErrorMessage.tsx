import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { forwardRef, useId, type HTMLAttributes, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

import type { ErrorCode, LoketError } from '../../errors';

export interface ErrorMessageProps extends HTMLAttributes<HTMLDivElement> {
  error: LoketError;
  /** What to offer next, for example a button to try again. */
  action?: ReactNode;
  /** A more specific explanation for some codes, for example what a conflict means here. */
  explanations?: Partial<Record<ErrorCode, ReactNode>>;
}

function Explanation({ code }: { code: ErrorCode }) {
  switch (code) {
    case 'UNAUTHENTICATED':
      return (
        <FormattedMessage
          id="error.unauthenticated"
          defaultMessage="U bent niet meer ingelogd. Log opnieuw in om verder te gaan."
          description="Error: the login ended or was refused"
        />
      );
    case 'FORBIDDEN':
      return (
        <FormattedMessage
          id="error.forbidden"
          defaultMessage="U mag dit niet bekijken of doen."
          description="Error: the policy does not allow this"
        />
      );
    case 'NOT_FOUND':
      return (
        <FormattedMessage
          id="error.notFound"
          defaultMessage="We kunnen dit niet vinden. Misschien klopt de link niet, of bestaat het niet meer."
          description="Error: the thing asked for does not exist"
        />
      );
    case 'BAD_USER_INPUT':
      return (
        <FormattedMessage
          id="error.badUserInput"
          defaultMessage="Er klopt iets niet in wat u hebt ingevuld. Kijk bij de velden wat er anders moet."
          description="Error: the form has a field to correct"
        />
      );
    case 'CONFLICT':
      return (
        <FormattedMessage
          id="error.conflict"
          defaultMessage="Dit lukte niet, omdat er op hetzelfde moment iets anders gebeurde. Wacht even en probeer het opnieuw. Er gaat niets dubbel."
          description="Error: a conflicting change or a request still being handled"
        />
      );
    case 'RATE_LIMITED':
      return (
        <FormattedMessage
          id="error.rateLimited"
          defaultMessage="U hebt het te vaak kort na elkaar geprobeerd. Wacht een minuut en probeer het dan opnieuw."
          description="Error: too many requests"
        />
      );
    case 'INTERNAL':
      return (
        <FormattedMessage
          id="error.internal"
          defaultMessage="Er ging bij ons iets mis. Dat ligt niet aan u. Probeer het later nog eens."
          description="Error: a fault on the server"
        />
      );
    case 'NETWORK':
      return (
        <FormattedMessage
          id="error.network"
          defaultMessage="We krijgen geen verbinding. Kijk of uw internet werkt en probeer het opnieuw."
          description="Error: the server could not be reached"
        />
      );
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** An error from Loket in plain words, as an alert (NL Design System alert markup). */
export const ErrorMessage = forwardRef<HTMLDivElement, ErrorMessageProps>(function ErrorMessage(
  { error, action, explanations, className, ...props },
  ref,
) {
  const heading = useId();
  return (
    <div
      ref={ref}
      role="alert"
      aria-labelledby={heading}
      className={['utrecht-alert', 'utrecht-alert--error', 'loket-error-message', className]
        .filter(Boolean)
        .join(' ')}
      {...props}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <Heading2 id={heading} className="loket-error-message__heading">
            <FormattedMessage
              id="error.heading"
              defaultMessage="Dat ging niet goed"
              description="Heading of an error message"
            />
          </Heading2>
          <Paragraph>{explanations?.[error.code] ?? <Explanation code={error.code} />}</Paragraph>
          {action}
        </div>
      </div>
    </div>
  );
});
