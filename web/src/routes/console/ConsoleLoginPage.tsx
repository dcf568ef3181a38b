import { Button, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Navigate, useSearchParams } from 'react-router';

import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { loketError } from '../../errors';
import { graphql } from '../../gql';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { useDemoLogin } from '../../hooks/useDemoLogin';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useSession } from '../../hooks/useSession';
import { OidcLogin } from '../OidcLogin';
import { returnPath } from '../returnPath';
import { SessionEnded } from '../SessionEnded';
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

/** The demo login for staff: one button per role the municipality's policy knows. */
function DemoRoles({ back }: { back: string }) {
  const intl = useIntl();
  const { data } = usePageQuery({ query: DemoStaffQuery });
  const { logIn, busy, error } = useDemoLogin(back);
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
              onClick={() => logIn(member.id)}
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
  const { session } = useSession();
  const login = useLoginMethod();
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
      <SessionEnded />
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
      <OidcLogin
        back={back}
        explanation={
          <FormattedMessage
            id="console.login.oidc"
            defaultMessage="U logt in met uw account bij de gemeente. Daarna komt u hier terug."
            description="Explains the staff login with the municipality's provider"
          />
        }
      />
    </>
  );
}
