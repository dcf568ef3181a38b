import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

import { startLogin } from '../auth/oidc';
import { ErrorMessage } from '../components/ErrorMessage';
import { NetworkError } from '../errors';
import { useLoginMethod } from '../hooks/useLoginMethod';

export interface OidcLoginProps {
  /** Where to come back to after the login. */
  back: string;
  /** What happens when one logs in, for this section's users. */
  explanation: ReactNode;
}

/** The login with the municipality's OpenID Connect provider, where the section has one. */
export function OidcLogin({ back, explanation }: OidcLoginProps) {
  const login = useLoginMethod();
  const [failed, setFailed] = useState(false);
  const settings = login.oidc;
  if (!settings) return null;
  return (
    <>
      <Paragraph>{explanation}</Paragraph>
      {failed && <ErrorMessage error={new NetworkError('login provider')} />}
      <Button
        type="button"
        appearance="primary-action-button"
        onClick={() => {
          setFailed(false);
          startLogin(settings, back).catch(() => setFailed(true));
        }}
      >
        <FormattedMessage
          id="login.oidc.button"
          defaultMessage="Inloggen"
          description="Button that starts the login"
        />
      </Button>
    </>
  );
}
