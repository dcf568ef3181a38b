import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';

import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { graphql } from '../../../gql';
import { useMe } from '../../../hooks/useMe';
import { usePageQuery } from '../../../hooks/usePageQuery';
import { ActionError } from '../ActionError';
import { SelectField } from '../FormFields';
import { Table } from '../Table';
import { periodsFrom } from './period';
import { PeriodForm } from './PeriodForm';

const SearchReportQuery = graphql(`
  query SearchReport($period: PeriodInput!) {
    searchReport(period: $period, limit: 20) {
      searches
      zeroResultSearches
      topQueries {
        query
        searches
        zeroResults
      }
      zeroResultQueries {
        query
        searches
      }
    }
  }
`);

const CatalogueQuery = graphql(`
  query SynonymProducts {
    products(first: 100) {
      nodes {
        code
        name
        searchTerms
      }
    }
  }
`);

const AddSearchTerm = graphql(`
  mutation AddSearchTerm($input: UpsertProductInput!) {
    upsertProduct(input: $input) {
      product {
        code
        name
        searchTerms
      }
    }
  }
`);

/**
 * What residents searched for in a period and what they could not find. Where the policy
 * lets the employee edit the catalogue, a query that found nothing becomes a search term of
 * the product it meant in one step.
 */
export function SearchReportPage() {
  const intl = useIntl();
  const { can } = useMe();
  const [params] = useSearchParams();
  const { period } = periodsFrom(params);
  const { data } = usePageQuery({ query: SearchReportQuery, variables: { period } });
  const report = data?.searchReport;
  const editable = can('catalog/products', 'UPDATE');
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.search.title',
          defaultMessage: 'Zoekrapport',
          description: 'Title of the search report',
        })}
      </PageTitle>
      <PeriodForm compare={false} />
      {!report ? (
        <Loading />
      ) : (
        <>
          <Paragraph>
            <FormattedMessage
              id="console.search.lead"
              defaultMessage="{searches, plural, one {# zoekopdracht} other {# zoekopdrachten}}, waarvan {zero} zonder resultaat."
              description="How many searches the period had and how many found nothing"
              values={{ searches: report.searches, zero: report.zeroResultSearches }}
            />
          </Paragraph>
          <Heading2>
            <FormattedMessage
              id="console.search.zero"
              defaultMessage="Niets gevonden"
              description="Heading of the queries that found nothing"
            />
          </Heading2>
          {report.zeroResultQueries.length === 0 ? (
            <Paragraph>
              <FormattedMessage
                id="console.search.zero.none"
                defaultMessage="Elke zoekopdracht vond iets."
                description="No query found nothing"
              />
            </Paragraph>
          ) : (
            <ul className="loket-zero-queries">
              {report.zeroResultQueries.map((q) => (
                <li key={q.query} className="loket-panel">
                  <ZeroResultQuery query={q.query} searches={q.searches} editable={editable} />
                </li>
              ))}
            </ul>
          )}
          <Heading2>
            <FormattedMessage
              id="console.search.top"
              defaultMessage="Meest gezocht"
              description="Heading of the top queries"
            />
          </Heading2>
          <Table
            caption={
              <FormattedMessage
                id="console.search.top"
                defaultMessage="Meest gezocht"
                description="Heading of the top queries"
              />
            }
            columns={[
              <FormattedMessage
                key="query"
                id="console.search.query"
                defaultMessage="Zoekopdracht"
                description="Column"
              />,
              <FormattedMessage
                key="searches"
                id="console.search.searches"
                defaultMessage="Keer gezocht"
                description="Column"
              />,
              <FormattedMessage
                key="zero"
                id="console.search.zeroResults"
                defaultMessage="Niets gevonden"
                description="Column: how often the query found nothing"
              />,
            ]}
          >
            {report.topQueries.map((q) => (
              <tr key={q.query} className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">
                  {q.query}
                </th>
                <td className="utrecht-table__cell loket-figure">{q.searches}</td>
                <td className="utrecht-table__cell loket-figure">{q.zeroResults}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

function ZeroResultQuery({
  query,
  searches,
  editable,
}: {
  query: string;
  searches: number;
  editable: boolean;
}) {
  const intl = useIntl();
  const [{ data }] = useQuery({ query: CatalogueQuery, pause: !editable });
  const [state, add] = useMutation(AddSearchTerm);
  const [product, setProduct] = useState('');
  const products = data?.products.nodes ?? [];
  const chosen = product || products[0]?.code || '';
  const added = state.data?.upsertProduct.product;
  return (
    <>
      <p className="loket-zero-query">
        <FormattedMessage
          id="console.search.zero.item"
          defaultMessage="“{query}”: {searches, plural, one {# keer} other {# keer}} gezocht"
          description="A query that found nothing and how often it was searched"
          values={{ query, searches }}
        />
      </p>
      {added ? (
        <Alert type="ok" role="status">
          <Paragraph>
            <FormattedMessage
              id="console.search.added"
              defaultMessage="“{query}” is nu een zoekwoord van {product}."
              description="Confirmation after adding a search term"
              values={{ query, product: added.name }}
            />
          </Paragraph>
        </Alert>
      ) : (
        editable &&
        products.length > 0 && (
          <form
            className="loket-form"
            aria-label={intl.formatMessage(
              {
                id: 'console.search.addForm',
                defaultMessage: '“{query}” als zoekwoord toevoegen',
                description: 'Accessible name of the form that adds a query as a search term',
              },
              { query },
            )}
            onSubmit={(event) => {
              event.preventDefault();
              const current = products.find((p) => p.code === chosen);
              if (!current) return;
              void add({
                input: {
                  code: current.code,
                  searchTerms: [...current.searchTerms.filter((t) => t !== query), query],
                },
              });
            }}
          >
            <ActionError error={state.error} />
            <SelectField
              label={
                <FormattedMessage
                  id="console.search.product"
                  defaultMessage="Bedoeld product"
                  description="Label: the product the query meant"
                />
              }
              name="product"
              value={chosen}
              onChange={setProduct}
              options={products.map((p) => ({ value: p.code, label: p.name }))}
            />
            <Button type="submit" appearance="secondary-action-button" busy={state.fetching}>
              <FormattedMessage
                id="console.search.add"
                defaultMessage="Als zoekwoord toevoegen"
                description="Button: add the query as a search term of the product"
              />
            </Button>
          </form>
        )
      )}
    </>
  );
}
