import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { FormattedMessage } from 'react-intl';
import { useParams } from 'react-router';

import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProductChannelName } from '../../components/ProductChannelName';
import { RouterLink } from '../../components/RouterLink';
import { graphql } from '../../gql';
import { useLocale } from '../../hooks/useLocale';
import { usePageQuery } from '../../hooks/usePageQuery';
import { productForms, type ProductForm } from './productForms';

const ProductQuery = graphql(`
  query Product($code: String!) {
    product(code: $code) {
      code
      name
      kind
      caseType
      summaryEn
      description
      conditions
      cost
      delivery
      channels
    }
  }
`);

/** The button text that leads to one of the portal's forms. */
function FormLabel({ form }: { form: ProductForm }) {
  switch (form) {
    case 'appointment':
      return (
        <FormattedMessage
          id="product.appointment"
          defaultMessage="Afspraak maken"
          description="Button on a product page: book an appointment at the counter for it"
        />
      );
    case 'request':
      return (
        <FormattedMessage
          id="product.request"
          defaultMessage="Online aanvragen"
          description="Button on a product page"
        />
      );
    case 'report':
      return (
        <FormattedMessage
          id="product.report"
          defaultMessage="Melding doen"
          description="Button on a product page: report a problem in public space"
        />
      );
    default: {
      const unreachable: never = form;
      return unreachable;
    }
  }
}

/** One product or service: what it is, who can get it, what it costs, and how to ask for it. */
export function ProductPage() {
  const { locale } = useLocale();
  const { code = '' } = useParams();
  const { data } = usePageQuery({ query: ProductQuery, variables: { code } });
  const product = data?.product;
  if (!product) return <Loading />;
  return (
    <article className="loket-product" lang="nl">
      <PageTitle>{product.name}</PageTitle>
      {locale === 'en' && (
        <Paragraph appearance="lead" lang="en">
          {product.summaryEn}
        </Paragraph>
      )}
      <Paragraph>{product.description}</Paragraph>
      <Heading2 lang={locale}>
        <FormattedMessage
          id="product.conditions"
          defaultMessage="Voorwaarden"
          description="Heading: who can get the product"
        />
      </Heading2>
      <Paragraph>{product.conditions}</Paragraph>
      <dl className="loket-facts" lang={locale}>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="product.cost"
              defaultMessage="Kosten"
              description="Label of a product's cost"
            />
          </dt>
          <dd lang="nl">{product.cost}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="product.delivery"
              defaultMessage="Hoe lang duurt het?"
              description="Label of a product's delivery time"
            />
          </dt>
          <dd lang="nl">{product.delivery}</dd>
        </div>
        <div className="loket-facts__item">
          <dt>
            <FormattedMessage
              id="product.how"
              defaultMessage="Aanvragen kan"
              description="Label of the channels a product can be obtained through"
            />
          </dt>
          <dd className="loket-list-inline">
            {product.channels.map((c) => (
              <span key={c} className="loket-list-inline__item">
                <ProductChannelName channel={c} />
              </span>
            ))}
          </dd>
        </div>
      </dl>
      {productForms(product).map(({ form, to }) => (
        <Paragraph key={form} lang={locale}>
          <RouterLink
            to={to}
            className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${form === 'appointment' ? 'secondary' : 'primary'}-action loket-button-link`}
          >
            <FormLabel form={form} />
          </RouterLink>
        </Paragraph>
      ))}
    </article>
  );
}
