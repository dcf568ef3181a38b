import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useSearchParams } from 'react-router';

import { PORTAL_SECTION } from '../../app/contexts';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { useSession } from '../../hooks/useSession';
import { OidcLogin } from '../OidcLogin';
import { returnPath } from '../returnPath';
import { SessionEnded } from '../SessionEnded';

/** Log in with the municipality's login provider, or, where it has one, the demo login. */
export function LoginPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const { session } = useSession();
  const login = useLoginMethod();
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
      <SessionEnded />
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
      <OidcLogin
        back={back}
        explanation={
          <FormattedMessage
            id="login.oidc"
            defaultMessage="U logt in via de inlogpagina van de gemeente. Daarna komt u hier terug."
            description="Explains the login with the municipality's provider"
          />
        }
      />
    </>
  );
}
