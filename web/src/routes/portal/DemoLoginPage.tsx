import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';

import { PORTAL_SECTION } from '../../app/contexts';
import { DateText } from '../../components/DateText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { loketError } from '../../errors';
import { graphql } from '../../gql';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { useDemoLogin } from '../../hooks/useDemoLogin';
import { usePageQuery } from '../../hooks/usePageQuery';
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

function Personas({ back }: { back: string }) {
  const intl = useIntl();
  const { data } = usePageQuery({ query: PersonasQuery });
  const { logIn, busy, error } = useDemoLogin(back);
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
                onClick={() => logIn(persona.id)}
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
