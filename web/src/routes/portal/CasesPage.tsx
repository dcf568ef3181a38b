import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';

import { CaseSummary } from '../../components/CaseSummary';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';

const CasesQuery = graphql(`
  query MyCases {
    me {
      cases(first: 50) {
        totalCount
        edges {
          node {
            id
            ...CaseSummary_Case
          }
        }
      }
    }
  }
`);

/** The resident's cases, newest first. */
export function CasesPage() {
  const intl = useIntl();
  const { data } = usePageQuery({ query: CasesQuery, requestPolicy: 'cache-and-network' });
  const cases = data?.me.cases;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'cases.title',
          defaultMessage: 'Mijn zaken',
          description: 'Title of my cases',
        })}
      </PageTitle>
      {!cases ? (
        <Loading />
      ) : cases.totalCount === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="cases.none"
            defaultMessage="U hebt nog niets aangevraagd. <link>Vraag iets aan</link>."
            description="My cases is empty"
            values={{ link: (text) => <RouterLink to="/aanvragen">{text}</RouterLink> }}
          />
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            <FormattedMessage
              id="cases.count"
              defaultMessage="{count, plural, one {U hebt 1 zaak.} other {U hebt # zaken.}} De nieuwste staat bovenaan."
              description="How many cases the resident has"
              values={{ count: cases.totalCount }}
            />
          </Paragraph>
          <ul className="loket-case-list">
            {cases.edges.map(({ node }) => (
              <li key={node.id}>
                <CaseSummary case={node} />
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
