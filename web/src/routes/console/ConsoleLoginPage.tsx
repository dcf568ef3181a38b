import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';

import { startLogin } from '../../auth/oidc';
import { sessionFor } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { NetworkError, loketError } from '../../errors';
import { graphql } from '../../gql';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useSession } from '../../hooks/useSession';
import { returnPath } from '../returnPath';
import { CONSOLE_SECTION } from './section';

const DemoStaffQuery = graphql(`
  query DemoStaff {
    tenant {
      demoStaff {
        id
        role
      }
    }
  }
`);

const DemoStaffLoginMutation = graphql(`
  mutation DemoStaffLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);

/** The demo login for staff: one button per role the municipality's policy knows. */
function DemoRoles({ back }: { back: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const { data } = usePageQuery({ query: DemoStaffQuery });
  const [, demoLogin] = useMutation(DemoStaffLoginMutation);
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!data) return <Loading />;
  return (
    <>
      {error && <ErrorMessage error={loketError(error)} />}
      <ul className="loket-demo-roles">
        {data.tenant.demoStaff.map((member) => (
          <li key={member.id}>
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={busy === member.id}
              aria-disabled={busy !== null || undefined}
              onClick={() => {
                if (busy) return;
                setBusy(member.id);
                setError(null);
                void demoLogin({ input: { persona: member.id } }).then((result) => {
                  setBusy(null);
                  const payload = result.data?.demoLogin;
                  if (payload) {
                    signIn(sessionFor(payload.token, 'demo', Date.parse(payload.expiresAt)));
                    void navigate(back, { replace: true });
                  } else if (result.error) {
                    setError(result.error);
                  }
                });
              }}
            >
              {intl.formatMessage(
                {
                  id: 'console.login.demoRole',
                  defaultMessage: 'Inloggen als {role}',
                  description: 'Button to log in to the console with a demo role',
                },
                { role: member.role },
              )}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Staff log in with the municipality's login provider, or, for a demo, with a role. */
export function ConsoleLoginPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const { session, ended } = useSession();
  const login = useLoginMethod();
  const [failed, setFailed] = useState(false);
  const back = returnPath(params.get('terug'), CONSOLE_SECTION.afterLogin);
  if (session) return <Navigate to={back} replace />;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.login.title',
          defaultMessage: 'Inloggen voor medewerkers',
          description: 'Title of the console login page',
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
            id="console.login.none"
            defaultMessage="Medewerkers van deze gemeente kunnen hier nog niet inloggen."
            description="The municipality offers no staff login"
          />
        </Paragraph>
      )}
      {login.demo && (
        <>
          <Paragraph>
            <FormattedMessage
              id="console.login.demo"
              defaultMessage="Dit is een demonstratie. Kies de rol waarmee u wilt werken; wat u ziet en mag, volgt uit het beleid van de gemeente voor die rol."
              description="Explains the console's demo login"
            />
          </Paragraph>
          <DemoRoles back={back} />
        </>
      )}
      {login.oidc && (
        <>
          <Paragraph>
            <FormattedMessage
              id="console.login.oidc"
              defaultMessage="U logt in met uw account bij de gemeente. Daarna komt u hier terug."
              description="Explains the staff login with the municipality's provider"
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
