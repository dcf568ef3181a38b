import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';

import { CaseSummary } from '../../components/CaseSummary';
import { Loading } from '../../components/Loading';
import { PageLinks, PAGE_PARAM } from '../../components/PageLinks';
import { PageTitle } from '../../components/PageTitle';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';

/** How many cases a page shows. */
const PAGE = 20;

const CasesQuery = graphql(`
  query MyCases($first: Int!, $after: String) {
    me {
      cases(first: $first, after: $after) {
        totalCount
        edges {
          node {
            id
            ...CaseSummary_Case
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The resident's cases, newest first, a page at a time. */
export function CasesPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const after = params.get(PAGE_PARAM);
  const { data } = usePageQuery({
    query: CasesQuery,
    variables: { first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
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
          <PageLinks path="/mijn/zaken" after={after} pageInfo={cases.pageInfo} />
        </>
      )}
    </>
  );
}
