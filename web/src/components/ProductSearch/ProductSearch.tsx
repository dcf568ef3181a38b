import { FormField, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { forwardRef, useId, useState, type HTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';

import { graphql } from '../../gql';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { RouterLink } from '../RouterLink';
import { Snippet } from '../Snippet';

const ProductSearchQuery = graphql(`
  query ProductSearch($search: String!) {
    products(search: $search, first: 10) {
      totalCount
      edges {
        node {
          code
          name
        }
        snippet {
          html
        }
      }
    }
  }
`);

const ReportChoiceMutation = graphql(`
  mutation ReportSearchChoice($input: ReportSearchChoiceInput!) {
    reportSearchChoice(input: $input) {
      counted
    }
  }
`);

/** How long typing must pause before the search runs. */
const PAUSE_MS = 250;

export type ProductSearchProps = HTMLAttributes<HTMLDivElement>;

/**
 * Search the municipality's products as you type, with the API's synonyms, forgiven typos and
 * snippets. The number of results is announced politely; choosing one is counted for the
 * search report.
 */
export const ProductSearch = forwardRef<HTMLDivElement, ProductSearchProps>(function ProductSearch(
  { className, ...props },
  ref,
) {
  const intl = useIntl();
  const id = useId();
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), PAUSE_MS);
  const [result] = useQuery({
    query: ProductSearchQuery,
    variables: { search },
    pause: search.length < 2,
  });
  const [, report] = useMutation(ReportChoiceMutation);
  const products = search.length >= 2 ? result.data?.products : undefined;
  return (
    <div
      ref={ref}
      className={['loket-product-search', className].filter(Boolean).join(' ')}
      {...props}
    >
      <form
        role="search"
        className="loket-product-search__form"
        aria-label={intl.formatMessage({
          id: 'search.form',
          defaultMessage: 'Producten en diensten zoeken',
          description: 'Accessible name of the product search form',
        })}
        onSubmit={(e) => e.preventDefault()}
      >
        <FormField type="text">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={`${id}-input`}>
              <FormattedMessage
                id="search.label"
                defaultMessage="Waar bent u naar op zoek?"
                description="Label of the product search box"
              />
            </FormLabel>
          </div>
          <Paragraph id={`${id}-hint`} className="utrecht-form-field__description">
            <FormattedMessage
              id="search.hint"
              defaultMessage="Typ bijvoorbeeld paspoort, parkeervergunning of verbouwen."
              description="Examples under the product search box"
            />
          </Paragraph>
          <div className="utrecht-form-field__input">
            <Textbox
              id={`${id}-input`}
              type="search"
              name="zoeken"
              autoComplete="off"
              value={text}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
            />
          </div>
        </FormField>
      </form>
      <div role="status" className="loket-product-search__count">
        {products &&
          intl.formatMessage(
            {
              id: 'search.count',
              defaultMessage:
                '{count, plural, =0 {Niets gevonden voor “{search}”. Probeer een ander woord.} one {1 resultaat voor “{search}”} other {# resultaten voor “{search}”}}',
              description: 'How many products the search found',
            },
            { count: products.totalCount, search },
          )}
      </div>
      {products && products.edges.length > 0 && (
        <ol
          className="loket-product-search__results"
          aria-label={intl.formatMessage({
            id: 'search.results',
            defaultMessage: 'Zoekresultaten',
            description: 'Accessible name of the list of search results',
          })}
        >
          {products.edges.map(({ node, snippet }) => (
            <li key={node.code} className="loket-product-search__result">
              <RouterLink
                to={`/producten/${encodeURIComponent(node.code)}`}
                className="loket-product-search__link"
                onClick={() => {
                  void report({ input: { search, productCode: node.code } });
                }}
              >
                {node.name}
              </RouterLink>
              {snippet && <Snippet html={snippet.html} lang="nl" />}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
});
