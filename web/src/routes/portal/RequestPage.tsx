import {
  Button,
  Paragraph,
  RadioButton,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSearchParams } from 'react-router';
import { useClient, useMutation, type CombinedError } from 'urql';

import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DateText } from '../../components/DateText';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { FieldError } from '../../components/FieldError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProductChecks } from '../../components/ProductChecks';
import { RouterLink } from '../../components/RouterLink';
import { BadUserInputError, fieldErrors, loketErrors } from '../../errors';
import { SPACE, formatAddress, type AddressParts } from '../../format';
import { graphql } from '../../gql';
import type { SubmitRequestMutation as Submitted } from '../../gql/graphql';
import { useIdempotencyKey } from '../../hooks/useIdempotencyKey';
import { usePageQuery } from '../../hooks/usePageQuery';

const RequestFormQuery = graphql(`
  query RequestForm {
    products(first: 100) {
      nodes {
        code
        name
        kind
        caseType
        channels
      }
    }
    me {
      person {
        address {
          id
          street
          houseNumber
          letter
          addition
          postcode
          city
        }
      }
    }
  }
`);

const AddressLookupQuery = graphql(`
  query AddressLookup($postcode: String!, $houseNumber: Int!) {
    address(postcode: $postcode, houseNumber: $houseNumber) {
      id
      street
      houseNumber
      letter
      addition
      postcode
      city
    }
  }
`);

const SubmitRequestMutation = graphql(`
  mutation SubmitRequest($input: SubmitRequestInput!) {
    submitRequest(input: $input) {
      bundleId
      replayed
      cases {
        id
        reference
        caseType {
          name
        }
        expectedCompletion
      }
    }
  }
`);

type AddressLine = AddressParts & { id: string };

type Place = 'home' | 'other';

/** Ask for one or more products at once; one request, one reference per product. */
export function RequestPage() {
  const intl = useIntl();
  const client = useClient();
  const [params] = useSearchParams();
  const { data } = usePageQuery({ query: RequestFormQuery });
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(params.getAll('product')),
  );
  const [place, setPlace] = useState<Place>('home');
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [found, setFound] = useState<AddressLine | null | undefined>(undefined);
  const [description, setDescription] = useState('');
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState<Submitted['submitRequest'] | null>(null);
  const [sending, setSending] = useState(false);
  const busy = useRef(false);
  const [, submitRequest] = useMutation(SubmitRequestMutation);

  const home = data?.me.person?.address ?? null;
  const where: Place = home ? place : 'other';
  const addressId = where === 'home' ? (home?.id ?? null) : (found?.id ?? null);
  const products = useMemo(() => [...selected].sort(), [selected]);
  const key = useIdempotencyKey(JSON.stringify([products, addressId, description.trim()]));

  if (!data) return <Loading />;
  const offered = data.products.nodes.filter(
    (p) => p.kind === 'TRANSACTION' && p.caseType && p.channels.includes('ONLINE'),
  );

  if (done) {
    return (
      <>
        <PageTitle>
          {intl.formatMessage({
            id: 'request.done.title',
            defaultMessage: 'We hebben uw aanvraag ontvangen',
            description: 'Title of the confirmation after asking for products',
          })}
        </PageTitle>
        <Paragraph>
          <FormattedMessage
            id="request.done.text"
            defaultMessage="{count, plural, one {U hebt 1 product aangevraagd. Dit is het zaaknummer:} other {U hebt # producten aangevraagd. Elk heeft een eigen zaaknummer:}}"
            description="Confirmation text before the list of references"
            values={{ count: done.cases.length }}
          />
        </Paragraph>
        <ul className="loket-confirmation">
          {done.cases.map((c) => (
            <li key={c.id} className="loket-confirmation__case">
              <strong className="loket-confirmation__reference">{c.reference}</strong>
              {SPACE}
              <span lang="nl">{c.caseType.name}</span>
              <br />
              <FormattedMessage
                id="request.done.expected"
                defaultMessage="U hoort uiterlijk {date} wat we besluiten."
                description="When a decision is expected, in the confirmation"
                values={{ date: <DateText value={c.expectedCompletion} /> }}
              />
              {SPACE}
              <RouterLink to={`/mijn/zaken/${encodeURIComponent(c.reference)}`}>
                <FormattedMessage
                  id="request.done.follow"
                  defaultMessage="Volg {reference}"
                  description="Link to follow one case from the confirmation"
                  values={{ reference: c.reference }}
                />
              </RouterLink>
            </li>
          ))}
        </ul>
        <Paragraph>
          <RouterLink to="/mijn/zaken">
            <FormattedMessage
              id="request.done.all"
              defaultMessage="Naar al uw zaken"
              description="Link to my cases from the confirmation"
            />
          </RouterLink>
        </Paragraph>
      </>
    );
  }

  async function lookUp() {
    const number = Number.parseInt(houseNumber, 10);
    const code = postcode.replace(/\s+/g, '').toUpperCase();
    const local = new Map(problems);
    local.delete('addressId');
    if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(code) || !Number.isFinite(number)) {
      local.set('postcode', 'client');
      setProblems(local);
      setFound(undefined);
      return;
    }
    local.delete('postcode');
    setProblems(local);
    const result = await client
      .query(AddressLookupQuery, { postcode: code, houseNumber: number })
      .toPromise();
    setFound(result.data?.address ?? null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    const local = new Map<string, string>();
    if (products.length === 0) local.set('products', 'client');
    if (!addressId) local.set('addressId', 'client');
    setProblems(local);
    setError(null);
    if (local.size > 0) return;
    busy.current = true;
    setSending(true);
    const result = await submitRequest({
      input: {
        products,
        idempotencyKey: key,
        addressId,
        description: description.trim() || null,
      },
    });
    busy.current = false;
    setSending(false);
    if (result.data) {
      setDone(result.data.submitRequest);
      return;
    }
    if (result.error) {
      setProblems(fieldErrors(result.error));
      setError(result.error);
    }
  }

  const problem = (field: string) => {
    const message = problems.get(field);
    if (!message) return undefined;
    if (message !== 'client') return <FieldError message={message} />;
    switch (field) {
      case 'products':
        return (
          <FormattedMessage
            id="request.error.products"
            defaultMessage="Kies ten minste één product."
            description="Error: nothing chosen"
          />
        );
      case 'postcode':
        return (
          <FormattedMessage
            id="request.error.postcode"
            defaultMessage="Vul een postcode in zoals 1234 AB en een huisnummer."
            description="Error: postcode or house number not valid"
          />
        );
      default:
        return (
          <FormattedMessage
            id="request.error.address"
            defaultMessage="Kies uw eigen adres of zoek een ander adres op."
            description="Error: no address chosen"
          />
        );
    }
  };
  const generalError =
    error && !loketErrors(error).every((e) => e instanceof BadUserInputError && e.field);

  return (
    <>
      <PageTitle>
        {intl.formatMessage({
          id: 'request.title',
          defaultMessage: 'Aanvragen',
          description: 'Title of the page to ask for products',
        })}
      </PageTitle>
      <Paragraph>
        <FormattedMessage
          id="request.lead"
          defaultMessage="Hebt u meer nodig, bijvoorbeeld een bouwvergunning en een uitrit? Vraag alles in één keer aan. Elk product krijgt een eigen zaaknummer."
          description="Introduction on the request page"
        />
      </Paragraph>
      {generalError && error && (
        <ErrorMessage
          error={loketErrors(error)[0] ?? new BadUserInputError('')}
          action={
            <Button type="submit" form="request-form" appearance="secondary-action-button">
              <FormattedMessage
                id="request.retry"
                defaultMessage="Probeer het opnieuw"
                description="Button to send the same request again"
              />
            </Button>
          }
        />
      )}
      <form id="request-form" className="loket-form" noValidate onSubmit={(e) => void submit(e)}>
        <ChoiceGroup
          legend={intl.formatMessage({
            id: 'request.products',
            defaultMessage: 'Wat wilt u aanvragen?',
            description: 'Legend of the product checkboxes',
          })}
          description={intl.formatMessage({
            id: 'request.products.hint',
            defaultMessage: 'U kunt meer dan één product kiezen.',
            description: 'Help under the product checkboxes',
          })}
          error={problem('products')}
        >
          <ProductChecks
            products={offered}
            selected={selected}
            idPrefix="product"
            onChange={setSelected}
          />
        </ChoiceGroup>

        <ChoiceGroup
          legend={intl.formatMessage({
            id: 'request.place',
            defaultMessage: 'Over welk adres gaat het?',
            description: 'Legend of the address choice',
          })}
          error={problem('addressId')}
        >
          {home && (
            <div className="loket-choice">
              <RadioButton
                id="place-home"
                name="place"
                value="home"
                checked={where === 'home'}
                onChange={() => setPlace('home')}
              />
              <label htmlFor="place-home" className="utrecht-form-label utrecht-form-label--radio">
                <FormattedMessage
                  id="request.place.home"
                  defaultMessage="Mijn adres: {address}"
                  description="Radio: the resident's own address"
                  values={{ address: formatAddress(home) }}
                />
              </label>
            </div>
          )}
          <div className="loket-choice">
            <RadioButton
              id="place-other"
              name="place"
              value="other"
              checked={where === 'other'}
              onChange={() => setPlace('other')}
            />
            <label htmlFor="place-other" className="utrecht-form-label utrecht-form-label--radio">
              <FormattedMessage
                id="request.place.other"
                defaultMessage="Een ander adres"
                description="Radio: another address"
              />
            </label>
          </div>
          {where === 'other' && (
            <div className="loket-address-lookup">
              <Field
                label={intl.formatMessage({
                  id: 'request.postcode',
                  defaultMessage: 'Postcode',
                  description: 'Label',
                })}
                error={problem('postcode')}
              >
                {({ invalid, ...control }) => (
                  <Textbox
                    {...control}
                    invalid={invalid}
                    name="postcode"
                    autoComplete="postal-code"
                    value={postcode}
                    onChange={(e) => setPostcode(e.target.value)}
                  />
                )}
              </Field>
              <Field
                label={intl.formatMessage({
                  id: 'request.houseNumber',
                  defaultMessage: 'Huisnummer',
                  description: 'Label',
                })}
              >
                {({ invalid, ...control }) => (
                  <Textbox
                    {...control}
                    invalid={invalid}
                    name="huisnummer"
                    inputMode="numeric"
                    value={houseNumber}
                    onChange={(e) => setHouseNumber(e.target.value)}
                  />
                )}
              </Field>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => void lookUp()}
              >
                <FormattedMessage
                  id="request.lookUp"
                  defaultMessage="Zoek adres"
                  description="Button to look up an address"
                />
              </Button>
              <p role="status" className="loket-address-lookup__result">
                {found === null && (
                  <FormattedMessage
                    id="request.notFound"
                    defaultMessage="We vinden dit adres niet. Kijk of de postcode en het huisnummer kloppen."
                    description="Address look-up found nothing"
                  />
                )}
                {found && (
                  <FormattedMessage
                    id="request.found"
                    defaultMessage="Gevonden: {address}"
                    description="Address look-up result"
                    values={{ address: formatAddress(found) }}
                  />
                )}
              </p>
            </div>
          )}
        </ChoiceGroup>

        <Field
          label={intl.formatMessage({
            id: 'request.description',
            defaultMessage: 'Wat wilt u doen?',
            description: 'Label of the description',
          })}
          description={intl.formatMessage({
            id: 'request.description.hint',
            defaultMessage:
              'Beschrijf het kort in uw eigen woorden. Bijvoorbeeld: een uitbouw aan de achterkant en een uitrit naar de straat.',
            description: 'Help under the description',
          })}
          error={problem('description')}
        >
          {({ invalid, ...control }) => (
            <Textarea
              {...control}
              invalid={invalid}
              name="description"
              rows={4}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>

        <Button
          type="submit"
          appearance="primary-action-button"
          busy={sending}
          aria-disabled={sending || undefined}
        >
          <FormattedMessage
            id="request.send"
            defaultMessage="Aanvraag versturen"
            description="Submit button of the request form"
          />
        </Button>
      </form>
    </>
  );
}
