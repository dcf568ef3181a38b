import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';

import { PORTAL_SECTION } from '../../app/contexts';
import { sessionFor } from '../../auth/session';
import { DateText } from '../../components/DateText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { loketError } from '../../errors';
import { graphql } from '../../gql';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { usePageQuery } from '../../hooks/usePageQuery';
import { useSession } from '../../hooks/useSession';
import { NotFoundPage } from '../NotFoundPage';
import { returnPath } from '../returnPath';

const PersonasQuery = graphql(`
  query DemoPersonas {
    tenant {
      demoPersonas {
        id
        bsn
        address
        documentExpiresOn
      }
    }
  }
`);

const DemoLoginMutation = graphql(`
  mutation DemoLogin($input: DemoLoginInput!) {
    demoLogin(input: $input) {
      token
      expiresAt
    }
  }
`);

function Personas({ back }: { back: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { signIn } = useSession();
  const { data } = usePageQuery({ query: PersonasQuery });
  const [, demoLogin] = useMutation(DemoLoginMutation);
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!data) return <Loading />;
  return (
    <>
      {error && <ErrorMessage error={loketError(error)} />}
      <ul className="loket-personas">
        {data.tenant.demoPersonas.map((persona, index) => (
          <li key={persona.id} className="loket-persona">
            <article aria-labelledby={`persona-${index}`}>
              <Heading2 id={`persona-${index}`}>
                <FormattedMessage
                  id="demo.persona"
                  defaultMessage="Proefinwoner {number}"
                  description="Name of a demo resident"
                  values={{ number: index + 1 }}
                />
              </Heading2>
              <dl className="loket-facts">
                <div className="loket-facts__item">
                  <dt>
                    <FormattedMessage
                      id="demo.address"
                      defaultMessage="Woont op"
                      description="Label"
                    />
                  </dt>
                  <dd>
                    {persona.address ?? (
                      <FormattedMessage
                        id="demo.noAddress"
                        defaultMessage="Geen adres bekend"
                        description="A demo resident without an address"
                      />
                    )}
                  </dd>
                </div>
                <div className="loket-facts__item">
                  <dt>
                    <FormattedMessage
                      id="demo.bsn"
                      defaultMessage="Burgerservicenummer"
                      description="Label"
                    />
                  </dt>
                  <dd>{persona.bsn}</dd>
                </div>
                {persona.documentExpiresOn && (
                  <div className="loket-facts__item">
                    <dt>
                      <FormattedMessage
                        id="demo.document"
                        defaultMessage="Reisdocument geldig tot"
                        description="Label"
                      />
                    </dt>
                    <dd>
                      <DateText value={persona.documentExpiresOn} />
                    </dd>
                  </div>
                )}
              </dl>
              <Button
                type="button"
                appearance="primary-action-button"
                busy={busy === persona.id}
                aria-disabled={busy !== null || undefined}
                onClick={() => {
                  if (busy) return;
                  setBusy(persona.id);
                  setError(null);
                  void demoLogin({ input: { persona: persona.id } }).then((result) => {
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
                    id: 'demo.login',
                    defaultMessage: 'Inloggen als proefinwoner {number}',
                    description: 'Button to log in as a demo resident',
                  },
                  { number: index + 1 },
                )}
              </Button>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The demo login: only where the municipality's login is a development issuer. */
export function DemoLoginPage() {
  const intl = useIntl();
  const login = useLoginMethod();
  const [params] = useSearchParams();
  if (!login.demo) return <NotFoundPage />;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'demo.title',
          defaultMessage: 'Inloggen als proefinwoner',
          description: 'Title of the demo login',
        })}
      </PageTitle>
      <Paragraph>
        <FormattedMessage
          id="demo.lead"
          defaultMessage="Dit is een demonstratie met verzonnen inwoners. Kies met wie u wilt inloggen."
          description="Introduction on the demo login"
        />
      </Paragraph>
      <Personas back={returnPath(params.get('terug'), PORTAL_SECTION.afterLogin)} />
    </>
  );
}
