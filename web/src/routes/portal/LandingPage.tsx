import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';

import { PageTitle } from '../../components/PageTitle';
import { ProductSearch } from '../../components/ProductSearch';
import { SPACE } from '../../format';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import { useLoginMethod } from '../../hooks/useLoginMethod';
import { useSession } from '../../hooks/useSession';
import { useTenant } from '../../hooks/useTenant';

const LandingQuery = graphql(`
  query Landing {
    products(first: 100) {
      nodes {
        code
        name
      }
    }
  }
`);

/** The municipality's start page: search, the products A to Z, and the way in. */
export function LandingPage() {
  const intl = useIntl();
  const { tenant } = useTenant();
  const { session } = useSession();
  const login = useLoginMethod();
  const [result] = useQuery({ query: LandingQuery });
  const indexHeading = useId();
  return (
    <>
      <PageTitle>
        {intl.formatMessage(
          {
            id: 'landing.title',
            defaultMessage: 'Welkom bij {name}',
            description: 'Title of the start page',
          },
          { name: tenant.name },
        )}
      </PageTitle>
      <Paragraph appearance="lead">
        <FormattedMessage
          id="landing.lead"
          defaultMessage="Hier regelt u zaken met de gemeente. Zoek wat u nodig hebt, vraag het aan en volg uw aanvraag."
          description="Introduction on the start page"
        />
      </Paragraph>
      <ProductSearch />
      <Paragraph className="loket-landing__report">
        <FormattedMessage
          id="landing.report"
          defaultMessage="Ziet u iets kapot of vies op straat? <link>Doe een melding</link>."
          description="Link to the report form on the start page"
          values={{ link: (text) => <RouterLink to="/melding">{text}</RouterLink> }}
        />
      </Paragraph>
      {session ? (
        <Paragraph className="loket-landing__next">
          <RouterLink to="/mijn/zaken">
            <FormattedMessage
              id="landing.myCases"
              defaultMessage="Bekijk uw zaken"
              description="Link to my cases on the start page"
            />
          </RouterLink>
          {SPACE}
          <RouterLink to="/afspraak">
            <FormattedMessage
              id="landing.appointment"
              defaultMessage="Maak een afspraak aan de balie"
              description="Link to book an appointment on the start page"
            />
          </RouterLink>
        </Paragraph>
      ) : (
        login.available && (
          <Paragraph className="loket-landing__next">
            <FormattedMessage
              id="landing.login"
              defaultMessage="Wilt u iets aanvragen of zien hoe het met uw aanvraag gaat? <link>Log in</link>."
              description="Invitation to log in on the start page"
              values={{ link: (text) => <RouterLink to="/inloggen">{text}</RouterLink> }}
            />
          </Paragraph>
        )
      )}
      <section aria-labelledby={indexHeading} className="loket-product-index">
        <Heading2 id={indexHeading}>
          <FormattedMessage
            id="landing.index"
            defaultMessage="Alle producten en diensten"
            description="Heading of the A-to-Z list of products"
          />
        </Heading2>
        <ul className="loket-product-index__list" lang="nl">
          {result.data?.products.nodes.map((p) => (
            <li key={p.code}>
              <RouterLink to={`/producten/${encodeURIComponent(p.code)}`}>{p.name}</RouterLink>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
