import { Alert, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage } from 'react-intl';

import { useSession } from '../hooks/useSession';

/** On a login page: that the last session ran out, where it did. */
export function SessionEnded() {
  const { ended } = useSession();
  if (ended !== 'expired') return null;
  return (
    <Alert type="warning" role="status" className="loket-session-ended">
      <Paragraph>
        <FormattedMessage
          id="login.expired"
          defaultMessage="Uw sessie is verlopen. Log opnieuw in om verder te gaan."
          description="Shown on the login page after the login ended"
        />
      </Paragraph>
    </Alert>
  );
}
