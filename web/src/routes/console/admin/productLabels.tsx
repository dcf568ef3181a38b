// Labels the catalogue list and the product form share, written once.
import { defineMessages, useIntl, type IntlShape } from 'react-intl';

import type { ProductKind } from '../../../gql/graphql';

const LABELS = defineMessages({
  name: { id: 'console.product.name', defaultMessage: 'Naam', description: 'Label' },
  code: {
    id: 'console.product.code',
    defaultMessage: 'Code',
    description: "Label of a product's code, as in its web address",
  },
  kind: { id: 'console.product.kind', defaultMessage: 'Soort', description: 'Label' },
  searchTerms: {
    id: 'console.product.searchTerms',
    defaultMessage: 'Zoekwoorden',
    description: 'Label: the words residents use for a product (synonyms)',
  },
  visibility: {
    id: 'console.product.visibility',
    defaultMessage: 'Voor inwoners',
    description: 'Column: whether residents see the product',
  },
});

const KINDS = defineMessages<ProductKind>({
  INFORMATION: {
    id: 'console.product.kind.information',
    defaultMessage: 'Informatie',
    description: 'Product kind: information only',
  },
  TRANSACTION: {
    id: 'console.product.kind.transaction',
    defaultMessage: 'Aanvraag',
    description: 'Product kind: a request that starts a case',
  },
});

/** The product kinds, in the order forms offer them. */
export const PRODUCT_KINDS: readonly ProductKind[] = ['INFORMATION', 'TRANSACTION'];

/** One of the catalogue's labels. */
export function ProductLabel({ name }: { name: keyof typeof LABELS }) {
  return useIntl().formatMessage(LABELS[name]);
}

/** A product kind in words. */
export function kindName(intl: IntlShape, kind: ProductKind): string {
  return intl.formatMessage(KINDS[kind]);
}

/** A product kind in words, as an element. */
export function KindName({ kind }: { kind: ProductKind }) {
  return kindName(useIntl(), kind);
}

/** Whether residents see the product. */
export function Visibility({ hidden }: { hidden: boolean }) {
  const intl = useIntl();
  return hidden
    ? intl.formatMessage({
        id: 'console.product.hidden',
        defaultMessage: 'Verborgen',
        description: 'Residents do not see the product',
      })
    : intl.formatMessage({
        id: 'console.product.shown',
        defaultMessage: 'Zichtbaar',
        description: 'Residents see the product',
      });
}
