import { Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';

import { Loading } from '../../components/Loading';
import { PageLinks, PAGE_PARAM } from '../../components/PageLinks';
import { PageTitle } from '../../components/PageTitle';
import { ReportSummary } from '../../components/ReportSummary';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import { usePageQuery } from '../../hooks/usePageQuery';

/** How many reports a page shows. */
const PAGE = 20;

const MyReportsQuery = graphql(`
  query MyReports($first: Int!, $after: String) {
    me {
      reports(first: $first, after: $after) {
        nodes {
          reference
          ...ReportSummary_Report
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** The reports about public space the resident filed or follows, newest first, a page at a time. */
export function ReportsPage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const after = params.get(PAGE_PARAM);
  const { data } = usePageQuery({
    query: MyReportsQuery,
    variables: { first: PAGE, after },
    // A list read before filing holds no report for a new one to invalidate.
    requestPolicy: 'cache-and-network',
  });
  const reports = data?.me.reports?.nodes;
  const pageInfo = data?.me.reports?.pageInfo;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'reports.title',
          defaultMessage: 'Mijn meldingen',
          description: 'Title of my reports about public space',
        })}
      </PageTitle>
      <Paragraph>
        <RouterLink to="/melding">
          <FormattedMessage
            id="reports.new"
            defaultMessage="Nieuwe melding doen"
            description="Link from my reports to the report form"
          />
        </RouterLink>
      </Paragraph>
      {!data ? (
        <Loading />
      ) : !reports || reports.length === 0 ? (
        <Paragraph>
          <FormattedMessage
            id="reports.none"
            defaultMessage="U hebt nog geen meldingen gedaan of gevolgd."
            description="My reports is empty"
          />
        </Paragraph>
      ) : (
        <>
          <ul className="loket-case-list">
            {reports.map((r) => (
              <li key={r.reference}>
                <ReportSummary report={r} />
              </li>
            ))}
          </ul>
          {pageInfo && <PageLinks path="/mijn/meldingen" after={after} pageInfo={pageInfo} />}
        </>
      )}
    </>
  );
}
