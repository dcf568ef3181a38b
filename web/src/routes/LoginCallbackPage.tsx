import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate } from 'react-router';

import { completeLogin } from '../auth/oidc';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { PageTitle } from '../components/PageTitle';
import { RouterLink } from '../components/RouterLink';
import { UnauthenticatedError } from '../errors';
import { useLoginMethod } from '../hooks/useLoginMethod';
import { useSession } from '../hooks/useSession';
import { useSection } from '../hooks/useSection';
import { returnPath } from './returnPath';

/** The login provider sends the browser back here with a code; it becomes a session. */
export function LoginCallbackPage() {
  const intl = useIntl();
  const login = useLoginMethod();
  const section = useSection();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  const started = useRef(false);
  const settings = login.oidc;
  useEffect(() => {
    if (!settings || started.current) return;
    started.current = true;
    completeLogin(settings)
      .then(({ session, returnTo }) => {
        signIn(session);
        void navigate(returnPath(returnTo, section.afterLogin), { replace: true });
      })
      .catch(() => setFailed(true));
  }, [settings, signIn, navigate, section.afterLogin]);
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'callback.title',
          defaultMessage: 'U wordt ingelogd',
          description: 'Title while the login completes',
        })}
      </PageTitle>
      {failed || !settings ? (
        <>
          <ErrorMessage error={new UnauthenticatedError('login failed')} />
          <Paragraph>
            <RouterLink to={section.login}>
              <FormattedMessage
                id="callback.again"
                defaultMessage="Opnieuw inloggen"
                description="Link to try logging in again"
              />
            </RouterLink>
          </Paragraph>
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}
