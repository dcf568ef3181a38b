import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useSearchParams } from 'react-router';

import { PORTAL_SECTION } from '../../app/contexts';
import { startLogin } from '../../auth/oidc';
import { ErrorMessage } from '../../components/ErrorMessage';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { NetworkError } from '../../errors';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { useSession } from '../../hooks/useSession';
import { returnPath } from '../returnPath';

/** Log in with the municipality's login provider, or, where it has one, the demo login. */
export function LoginPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const { session, ended } = useSession();
  const login = useLoginMethod();
  const [failed, setFailed] = useState(false);
  const back = returnPath(params.get('terug'), PORTAL_SECTION.afterLogin);
  if (session) return <Navigate to={back} replace />;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'login.title',
          defaultMessage: 'Inloggen',
          description: 'Title of the login page',
        })}
      </PageTitle>
      {ended === 'expired' && (
        <Alert type="warning" role="status" className="loket-session-ended">
          <Paragraph>
            <FormattedMessage
              id="login.expired"
              defaultMessage="Uw sessie is verlopen. Log opnieuw in om verder te gaan."
              description="Shown on the login page after the login ended"
            />
          </Paragraph>
        </Alert>
      )}
      {!login.available && (
        <Paragraph>
          <FormattedMessage
            id="login.none"
            defaultMessage="Inloggen kan bij deze gemeente nog niet in Mijn Loket. U kunt wel zoeken en lezen."
            description="The municipality offers no login"
          />
        </Paragraph>
      )}
      {login.demo && (
        <>
          <Paragraph>
            <FormattedMessage
              id="login.demo"
              defaultMessage="Dit is een demonstratie. U logt in als een van de proefinwoners van de gemeente."
              description="Explains the demo login"
            />
          </Paragraph>
          <Paragraph>
            <RouterLink
              to={`/inloggen/demo?terug=${encodeURIComponent(back)}`}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action loket-button-link"
            >
              <FormattedMessage
                id="login.demo.choose"
                defaultMessage="Kies een proefinwoner"
                description="Link to the demo login"
              />
            </RouterLink>
          </Paragraph>
        </>
      )}
      {login.oidc && (
        <>
          <Paragraph>
            <FormattedMessage
              id="login.oidc"
              defaultMessage="U logt in via de inlogpagina van de gemeente. Daarna komt u hier terug."
              description="Explains the login with the municipality's provider"
            />
          </Paragraph>
          {failed && <ErrorMessage error={new NetworkError('login provider')} />}
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => {
              const settings = login.oidc;
              if (!settings) return;
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
      )}
    </>
  );
}
