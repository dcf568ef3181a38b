import { Alert, Button, ButtonGroup, Checkbox, Paragraph } from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';

import { ChoiceGroup } from '../../../components/ChoiceGroup';
import { Loading } from '../../../components/Loading';
import { PageTitle } from '../../../components/PageTitle';
import { PRODUCT_CHANNELS, ProductChannelName } from '../../../components/ProductChannelName';
import { RouterLink } from '../../../components/RouterLink';
import { fieldErrors } from '../../../errors';
import { graphql } from '../../../gql';
import type { ProductChannel, ProductKind, UpsertProductInput } from '../../../gql/graphql';
import { usePageQuery } from '../../../hooks/usePageQuery';
import { ActionError } from '../ActionError';
import { SelectField, TextareaField, TextboxField } from '../FormFields';
import { HideProduct } from './HideProduct';
import { PRODUCT_KINDS, ProductLabel, kindName } from './productLabels';
import { productPath } from './productPath';

const EditProductQuery = graphql(`
  query EditProduct($code: String!) {
    product(code: $code) {
      id
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
      onlineLevelOfAssurance
      searchTerms
      hidden
    }
  }
`);

const ProductCaseTypesQuery = graphql(`
  query ProductCaseTypes {
    caseTypes {
      code
      name
    }
  }
`);

const SaveProduct = graphql(`
  mutation SaveProduct($input: UpsertProductInput!) {
    upsertProduct(input: $input) {
      product {
        id
        code
        name
        caseType
        summaryEn
        description
        conditions
        cost
        delivery
        channels
        onlineLevelOfAssurance
        searchTerms
        hidden
      }
    }
  }
`);

/** The form's values: text as typed, search terms one per line. */
interface Values {
  code: string;
  name: string;
  kind: ProductKind;
  caseType: string;
  summaryEn: string;
  description: string;
  conditions: string;
  cost: string;
  delivery: string;
  channels: ProductChannel[];
  onlineLevelOfAssurance: string;
  searchTerms: string;
}

const EMPTY: Values = {
  code: '',
  name: '',
  kind: 'INFORMATION',
  caseType: '',
  summaryEn: '',
  description: '',
  conditions: '',
  cost: '',
  delivery: '',
  channels: [],
  onlineLevelOfAssurance: '',
  searchTerms: '',
};

const LEVELS = ['low', 'substantial', 'high'] as const;

/** What the form sends: every field, an empty case type taking the product's away. */
function inputFrom(values: Values, isNew: boolean): UpsertProductInput {
  const terms = values.searchTerms
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    code: values.code.trim(),
    name: values.name,
    ...(isNew ? { kind: values.kind } : {}),
    ...(isNew && !values.caseType ? {} : { caseType: values.caseType }),
    summaryEn: values.summaryEn,
    description: values.description,
    conditions: values.conditions,
    cost: values.cost,
    delivery: values.delivery,
    channels: values.channels,
    onlineLevelOfAssurance: values.onlineLevelOfAssurance || null,
    searchTerms: [...new Set(terms)],
  };
}

/**
 * One product of the catalogue to change, or (`/catalogus/nieuw`) a new one: its texts, how
 * it is obtained, the words residents use for it, and whether residents see it.
 */
export function ProductEditPage() {
  const { code } = useParams();
  const intl = useIntl();
  const title = code
    ? intl.formatMessage({
        id: 'console.product.edit',
        defaultMessage: 'Product wijzigen',
        description: 'Title of the page that changes a product',
      })
    : intl.formatMessage({
        id: 'console.product.add',
        defaultMessage: 'Nieuw product',
        description: 'Title of the page that adds a product',
      });
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>
        <RouterLink to="/medewerker/catalogus">
          <FormattedMessage
            id="console.product.back"
            defaultMessage="Terug naar de catalogus"
            description="Link back to the catalogue list"
          />
        </RouterLink>
      </Paragraph>
      {code ? <ExistingProduct code={code} /> : <ProductForm initial={EMPTY} isNew />}
    </>
  );
}

function ExistingProduct({ code }: { code: string }) {
  const { data } = usePageQuery({ query: EditProductQuery, variables: { code } });
  const product = data?.product;
  if (!product) return <Loading />;
  const initial: Values = {
    code: product.code,
    name: product.name,
    kind: product.kind,
    caseType: product.caseType ?? '',
    summaryEn: product.summaryEn,
    description: product.description,
    conditions: product.conditions,
    cost: product.cost,
    delivery: product.delivery,
    channels: product.channels,
    onlineLevelOfAssurance: product.onlineLevelOfAssurance ?? '',
    searchTerms: product.searchTerms.join('\n'),
  };
  return (
    <>
      <HideProduct code={product.code} name={product.name} hidden={product.hidden} />
      <ProductForm key={product.id} initial={initial} isNew={false} />
    </>
  );
}

function ProductForm({ initial, isNew }: { initial: Values; isNew: boolean }) {
  const id = useId();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState(initial);
  const [saved, setSaved] = useState(location.state === 'added');
  const [state, save] = useMutation(SaveProduct);
  const [{ data: types }] = useQuery({ query: ProductCaseTypesQuery });
  const intl = useIntl();
  const label = (name: keyof typeof FIELDS) => intl.formatMessage(FIELDS[name]);
  const errors = fieldErrors(state.error);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) => {
      setSaved(false);
      setValues((v) => ({ ...v, [key]: value }));
    };
  const toggle = (channel: ProductChannel, on: boolean) =>
    set('channels')(
      PRODUCT_CHANNELS.filter((c) => (c === channel ? on : values.channels.includes(c))),
    );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save({ input: inputFrom(values, isNew) }).then((r) => {
      const product = r.data?.upsertProduct.product;
      if (!product) return;
      if (isNew) void navigate(productPath(product.code), { state: 'added' });
      else setSaved(true);
    });
  };
  const caseTypes = types?.caseTypes ?? [];
  const text = (key: 'cost' | 'delivery') => (
    <TextboxField
      label={label(key)}
      name={key}
      value={values[key]}
      onChange={set(key)}
      error={errors.get(key)}
    />
  );
  const area = (key: 'summaryEn' | 'description' | 'conditions') => (
    <TextareaField
      label={label(key)}
      name={key}
      value={values[key]}
      onChange={set(key)}
      error={errors.get(key)}
    />
  );
  return (
    <form className="loket-form loket-product-form" noValidate onSubmit={submit}>
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>
            <FormattedMessage
              id="console.product.saved"
              defaultMessage="Opgeslagen."
              description="Confirmation after saving a product"
            />
          </Paragraph>
        </Alert>
      )}
      <ActionError error={state.error} />
      {isNew && (
        <>
          <TextboxField
            label={<ProductLabel name="code" />}
            name="code"
            value={values.code}
            onChange={set('code')}
            error={errors.get('code')}
          />
          <SelectField
            label={<ProductLabel name="kind" />}
            name="kind"
            value={values.kind}
            onChange={(v) => set('kind')(v === 'TRANSACTION' ? 'TRANSACTION' : 'INFORMATION')}
            error={errors.get('kind')}
            options={PRODUCT_KINDS.map((k) => ({ value: k, label: kindName(intl, k) }))}
          />
        </>
      )}
      <TextboxField
        label={<ProductLabel name="name" />}
        name="name"
        value={values.name}
        onChange={set('name')}
        error={errors.get('name')}
      />
      {area('summaryEn')}
      {area('description')}
      {area('conditions')}
      {text('cost')}
      {text('delivery')}
      <ChoiceGroup legend={label('channels')} error={errors.get('channels')}>
        {PRODUCT_CHANNELS.map((c) => (
          <div key={c} className="loket-choice">
            <Checkbox
              id={`${id}-${c}`}
              name="channels"
              value={c}
              checked={values.channels.includes(c)}
              onChange={(e) => toggle(c, e.target.checked)}
            />
            <label
              htmlFor={`${id}-${c}`}
              className="utrecht-form-label utrecht-form-label--checkbox"
            >
              <ProductChannelName channel={c} />
            </label>
          </div>
        ))}
      </ChoiceGroup>
      <SelectField
        label={label('onlineLevelOfAssurance')}
        name="onlineLevelOfAssurance"
        value={values.onlineLevelOfAssurance}
        onChange={set('onlineLevelOfAssurance')}
        error={errors.get('onlineLevelOfAssurance')}
        options={[
          { value: '', label: label('notOnline') },
          ...LEVELS.map((l) => ({ value: l, label: label(l) })),
        ]}
      />
      <SelectField
        label={label('caseType')}
        name="caseType"
        value={values.caseType}
        onChange={set('caseType')}
        error={errors.get('caseType')}
        options={[
          { value: '', label: label('noCaseType') },
          ...caseTypes.map((t) => ({ value: t.code, label: t.name })),
        ]}
      />
      <TextareaField
        label={<ProductLabel name="searchTerms" />}
        description={label('searchTermsHelp')}
        name="searchTerms"
        rows={4}
        value={values.searchTerms}
        onChange={set('searchTerms')}
        error={errors.get('searchTerms')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={state.fetching}>
          {isNew ? (
            <FormattedMessage
              id="console.product.create"
              defaultMessage="Product toevoegen"
              description="Button: add the new product"
            />
          ) : (
            <FormattedMessage
              id="console.product.save"
              defaultMessage="Opslaan"
              description="Button: save the product"
            />
          )}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The product form's own labels. */
const FIELDS = defineMessages({
  cost: { id: 'console.product.cost', defaultMessage: 'Kosten', description: 'Label' },
  delivery: {
    id: 'console.product.delivery',
    defaultMessage: 'Levertijd',
    description: 'Label: how long it takes',
  },
  summaryEn: {
    id: 'console.product.summaryEn',
    defaultMessage: 'Samenvatting in het Engels',
    description: 'Label',
  },
  description: {
    id: 'console.product.description',
    defaultMessage: 'Omschrijving',
    description: 'Label: what the product is and how it works',
  },
  conditions: {
    id: 'console.product.conditions',
    defaultMessage: 'Voorwaarden',
    description: 'Label: who can get it and what to bring',
  },
  channels: {
    id: 'console.product.channels',
    defaultMessage: 'Hoe aan te vragen',
    description: 'Legend: the channels a product is obtained through',
  },
  onlineLevelOfAssurance: {
    id: 'console.product.loa',
    defaultMessage: 'Inlogniveau online',
    description: 'Label: the login level needed to ask online',
  },
  notOnline: {
    id: 'console.product.loa.none',
    defaultMessage: 'Niet online',
    description: 'Option: the product is not obtained online',
  },
  low: {
    id: 'console.product.loa.low',
    defaultMessage: 'Laag (DigiD basis)',
    description: 'Option: login level',
  },
  substantial: {
    id: 'console.product.loa.substantial',
    defaultMessage: 'Substantieel (DigiD midden)',
    description: 'Option: login level',
  },
  high: {
    id: 'console.product.loa.high',
    defaultMessage: 'Hoog (DigiD hoog)',
    description: 'Option: login level',
  },
  caseType: {
    id: 'console.product.caseType',
    defaultMessage: 'Zaaktype van een aanvraag',
    description: 'Label: the case type a request starts',
  },
  noCaseType: {
    id: 'console.product.caseType.none',
    defaultMessage: 'Geen',
    description: 'Option: the product starts no case',
  },
  searchTermsHelp: {
    id: 'console.product.searchTerms.help',
    defaultMessage: 'Eén per regel: de woorden die inwoners gebruiken (synoniemen).',
    description: 'Help under the search terms',
  },
});
