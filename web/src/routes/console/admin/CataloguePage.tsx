import { ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';

import { Loading } from '../../../components/Loading';
import { PageLinks, PAGE_PARAM } from '../../../components/PageLinks';
import { PageTitle } from '../../../components/PageTitle';
import { RouterLink } from '../../../components/RouterLink';
import { graphql } from '../../../gql';
import { usePageQuery } from '../../../hooks/usePageQuery';
import { Table } from '../Table';
import { KindName, ProductLabel, Visibility } from './productLabels';
import { productPath } from './productPath';

/** How many products a page of the list shows. */
const PAGE = 100;

const CatalogueQuery = graphql(`
  query Catalogue($first: Int, $after: String) {
    products(includeHidden: true, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        name
        kind
        searchTerms
        hidden
      }
    }
  }
`);

/**
 * The municipality's catalogue as its administrators keep it: every product by name, the
 * hidden ones too, each opened to edit; and a new product.
 */
export function CataloguePage() {
  const intl = useIntl();
  const [params] = useSearchParams();
  const after = params.get(PAGE_PARAM);
  const { data } = usePageQuery({ query: CatalogueQuery, variables: { first: PAGE, after } });
  const products = data?.products;
  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'console.catalogue.title',
          defaultMessage: 'Catalogus',
          description: 'Title of the catalogue editing page',
        })}
      </PageTitle>
      <ButtonGroup>
        <RouterLink
          to="/medewerker/catalogus/nieuw"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        >
          <FormattedMessage
            id="console.catalogue.new"
            defaultMessage="Nieuw product"
            description="Link: add a product to the catalogue"
          />
        </RouterLink>
      </ButtonGroup>
      {!products ? (
        <Loading />
      ) : (
        <>
          <Paragraph>
            <FormattedMessage
              id="console.catalogue.count"
              defaultMessage="{count, plural, one {1 product} other {# producten}}, ook de verborgen."
              description="How many products the catalogue holds, hidden ones included"
              values={{ count: products.totalCount }}
            />
          </Paragraph>
          <Table
            className="loket-catalogue"
            caption={
              <FormattedMessage
                id="console.catalogue.caption"
                defaultMessage="Producten en diensten op naam"
                description="Caption of the catalogue table"
              />
            }
            columns={[
              <ProductLabel name="name" />,
              <ProductLabel name="code" />,
              <ProductLabel name="kind" />,
              <ProductLabel name="searchTerms" />,
              <ProductLabel name="visibility" />,
            ]}
          >
            {products.nodes.map((p) => (
              <tr key={p.id} className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="row">
                  <RouterLink to={productPath(p.code)}>{p.name}</RouterLink>
                </th>
                <td className="utrecht-table__cell">
                  <code>{p.code}</code>
                </td>
                <td className="utrecht-table__cell">
                  <KindName kind={p.kind} />
                </td>
                <td className="utrecht-table__cell">{p.searchTerms.join(', ')}</td>
                <td className="utrecht-table__cell">
                  <Visibility hidden={p.hidden} />
                </td>
              </tr>
            ))}
          </Table>
          <PageLinks path="/medewerker/catalogus" after={after} pageInfo={products.pageInfo} />
        </>
      )}
    </>
  );
}
